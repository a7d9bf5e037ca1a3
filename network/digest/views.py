"""Public side of the digest: archive, web view, RSS, subscribe (double opt-in),
confirm, one-click unsubscribe, and a member's choice in their settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from network.digest import selectors, services
from network.digest.forms import MemberChoiceForm, SubscribeForm
from network.models import ConsentMethod
from network.pagination import page_context


@require_http_methods(["GET", "HEAD"])
def archive(request):
    paged = page_context(request, selectors.public_issues(), 20)
    return render(request, "network/digest/archive.html",
                  {**paged, "issues": paged["page_obj"].object_list})


@require_http_methods(["GET", "HEAD"])
def issue_detail(request, slug):
    issue = selectors.public_issue(slug)
    if issue is None:
        raise Http404(_("Diese Ausgabe gibt es nicht."))
    return render(request, "network/digest/issue.html", {
        "issue": issue, "groups": selectors.grouped_items(issue),
        "editorial_paragraphs": [p.strip() for p in issue.editorial.split("\n\n") if p.strip()],
    })


def _client_key(request):
    return request.META.get("REMOTE_ADDR", "")


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.subscribe(form.cleaned_data["email"], client_key=_client_key(request))
        except ValidationError as error:
            form.add_error("email", error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            return redirect("digest:subscribe_done")
    status = 400 if request.method == "POST" else 200
    return render(request, "network/digest/subscribe.html", {"form": form}, status=status)


@require_http_methods(["GET", "HEAD"])
def subscribe_done(request):
    return render(request, "network/digest/subscribe_done.html")


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: link scanners that open every link in a mail do
    not subscribe anybody."""
    try:
        subscription = services.read_confirmation_token(token)
    except ValidationError as error:
        return render(request, "network/digest/confirm.html",
                      {"error": error.messages[0]}, status=400)
    done = False
    if request.method == "POST":
        services.confirm(token)
        done = True
    return render(request, "network/digest/confirm.html",
                  {"subscription": subscription, "done": done})


@csrf_exempt  # RFC 8058: mail programs POST here without a session or token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscription = services.subscription_for_token(token)
    if subscription is None:
        return render(request, "network/digest/unsubscribe.html", {"invalid": True}, status=400)
    done = False
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.unsubscribe(
            token, method=ConsentMethod.ONE_CLICK if one_click else ConsentMethod.UNSUBSCRIBE_LINK
        )
        done = True
    return render(request, "network/digest/unsubscribe.html",
                  {"subscription": subscription, "done": done})


@login_required
@require_http_methods(["GET", "POST"])
def member_settings(request):
    editorial, personal = services.member_choice(request.user)
    form = MemberChoiceForm(request.POST or None,
                            initial={"editorial": editorial, "personal": personal})
    if request.method == "POST" and form.is_valid():
        services.set_member_choice(request.user, form.cleaned_data["editorial"],
                                   form.cleaned_data["personal"])
        messages.success(request, _("Ihre Auswahl ist gespeichert."))
        return redirect("digest:member_settings")
    return render(request, "network/digest/member_settings.html", {"form": form})
