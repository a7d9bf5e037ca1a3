"""Views of the moderation: the queue, decisions on posts and threads, suspensions, the log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from network.forum import moderation, selectors
from network.forum.access import viewer_for
from network.forum.forms import DecisionForm, ResultForm, SuspendForm, ThreadModerationForm
from network.models import User
from network.views import _attach_errors


def _moderator_viewer(request):
    viewer = viewer_for(request)
    if not viewer.is_moderator:
        raise PermissionDenied(_("Das darf nur die Moderation."))
    return viewer


@login_required
@require_http_methods(["GET", "HEAD"])
def queue(request):
    _moderator_viewer(request)
    return render(
        request,
        "network/forum/moderation_queue.html",
        {"posts": selectors.moderation_queue()[:100], "decision_form": DecisionForm()},
    )


@login_required
@require_http_methods(["GET", "HEAD"])
def log(request):
    _moderator_viewer(request)
    return render(
        request, "network/forum/moderation_log.html", {"actions": selectors.moderation_log()}
    )


@login_required
@require_http_methods(["POST"])
def decide(request, pk):
    viewer = _moderator_viewer(request)
    post = selectors.post_for(viewer, pk)
    if post is None:
        raise Http404(_("Diesen Beitrag gibt es nicht."))
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            moderation.decide_on_post(
                request.user, post, form.cleaned_data["decision"], form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Die Entscheidung ist gespeichert und protokolliert."))
            return redirect("network:forum:moderation_queue")
    return render(
        request,
        "network/forum/moderation_queue.html",
        {"posts": selectors.moderation_queue()[:100], "decision_form": form,
         "failed_post": post.pk},
        status=400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_tools(request, pk):
    viewer = _moderator_viewer(request)
    thread = selectors.thread_for(viewer, pk)
    if thread is None:
        raise Http404(_("Dieses Thema gibt es nicht."))
    thread_form = ThreadModerationForm(request.POST if "action" in request.POST else None)
    result_form = ResultForm(
        request.POST if "summary" in request.POST else None,
        initial={"summary": thread.result_markdown},
    )
    if request.method == "POST":
        try:
            if thread_form.is_bound and thread_form.is_valid():
                _apply_thread_action(request.user, thread, thread_form.cleaned_data)
                messages.success(request, _("Die Änderung ist gespeichert und protokolliert."))
                return redirect(thread)
            if result_form.is_bound and result_form.is_valid():
                moderation.close_with_result(
                    request.user, thread, result_form.cleaned_data["summary"]
                )
                messages.success(request, _("Das Ergebnis steht jetzt oben im Thema."))
                return redirect(thread)
        except ValidationError as error:
            _attach_errors(thread_form if thread_form.is_bound else result_form, error)
    return render(
        request,
        "network/forum/thread_tools.html",
        {"thread": thread, "thread_form": thread_form, "result_form": result_form},
        status=400 if request.method == "POST" else 200,
    )


def _apply_thread_action(moderator, thread, data):
    action, reason = data["action"], data["reason"]
    if action in ("lock", "unlock"):
        moderation.set_locked(moderator, thread, action == "lock", reason)
    elif action in ("pin", "unpin"):
        moderation.set_pinned(moderator, thread, action == "pin", reason)
    else:
        moderation.move_thread(moderator, thread, data.get("category"), reason)


@login_required
@require_http_methods(["GET", "POST"])
def suspend(request, user_id):
    _moderator_viewer(request)
    member = get_object_or_404(User, pk=user_id, is_active=True)
    form = SuspendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.suspend_member(
                request.user, member, form.cleaned_data["days"], form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Die Sperre ist gespeichert und protokolliert."))
            return redirect("network:forum:moderation_queue")
    return render(request, "network/forum/suspend.html", {"form": form, "member": member})
