"""Thin views of the forum: parse the request, call one service or selector, render.

Moderation views live in `moderation_views.py`; the notification centre in
`network/notifications/views.py`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from network.forum import markdown, selectors, services
from network.forum.access import viewer_for
from network.forum.forms import CommentForm, ReplyForm, ReportForm, ThreadForm
from network.forum.moderation import quote_for
from network.pagination import page_context
from network.views import _attach_errors

COMMENT_DRAFT_SESSION_KEY = "forum_comment_draft"


def _int(value, default=0):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _denied(request, error):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied(str(error))


def _preview(request, form):
    """Rendered Markdown of the bound form's body when "Vorschau" was pressed."""
    if "preview" in request.POST and form.is_valid():
        return markdown.render_markdown(form.cleaned_data["body"])
    return None


@require_http_methods(["GET", "HEAD"])
def index(request):
    viewer = viewer_for(request)
    return render(
        request,
        "network/forum/index.html",
        {
            "categories": selectors.category_overview(viewer),
            "latest_threads": selectors.latest_threads(viewer),
            "viewer": viewer,
        },
    )


def _thread_list_page(request, threads):
    paged = page_context(request, threads, selectors.THREADS_PER_PAGE)
    return {**paged, "threads": paged["page_obj"].object_list}


@require_http_methods(["GET", "HEAD"])
def category(request, slug):
    viewer = viewer_for(request)
    found = selectors.category_for(viewer, slug)
    if found is None:
        raise Http404(_("Diese Kategorie gibt es nicht oder sie ist nicht öffentlich."))
    return render(
        request,
        "network/forum/category.html",
        {
            "category": found,
            "viewer": viewer,
            "can_write": viewer.can_write_in(found),
            "is_following": selectors.follow_state(viewer, category=found),
            **_thread_list_page(request, selectors.threads_in(viewer, found)),
        },
    )


@require_http_methods(["GET", "HEAD"])
def topic(request, slug):
    viewer = viewer_for(request)
    return render(
        request,
        "network/forum/topic.html",
        {
            "topic_slug": slug,
            "viewer": viewer,
            "is_following": selectors.follow_state(viewer, topic=slug),
            **_thread_list_page(request, selectors.threads_with_topic(viewer, slug)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def thread_create(request, slug):
    viewer = viewer_for(request)
    found = selectors.category_for(viewer, slug)
    if found is None:
        raise Http404(_("Diese Kategorie gibt es nicht."))
    if not viewer.can_write_in(found):
        raise PermissionDenied(_("Neue Themen können Mitglieder eröffnen."))
    form = ThreadForm(request.POST or None)
    preview = _preview(request, form) if request.method == "POST" else None
    if request.method == "POST" and preview is None and form.is_valid():
        try:
            thread = services.create_thread(
                request.user, found, form.cleaned_data["title"], form.cleaned_data["body"],
                form.cleaned_data["topics"],
            )
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Ihr Thema ist eröffnet."))
            return redirect(thread)
    return render(
        request,
        "network/forum/thread_form.html",
        {"form": form, "category": found, "preview": preview},
    )


def _thread_context(request, viewer, thread, reply_form):
    posts = selectors.posts_of(viewer, thread)
    paged = page_context(request, posts, selectors.POSTS_PER_PAGE)
    return {
        "thread": thread,
        "viewer": viewer,
        **paged,
        "posts": paged["page_obj"].object_list,
        "reply_form": reply_form,
        "can_reply": viewer.can_reply(thread),
        "is_following": selectors.follow_state(viewer, thread=thread),
        "last_post_id": max((post.pk for post in paged["page_obj"].object_list), default=0),
    }


@require_http_methods(["GET", "HEAD", "POST"])
def thread(request, pk):
    viewer = viewer_for(request)
    found = selectors.thread_for(viewer, pk)
    if found is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404(_("Dieses Thema gibt es nicht oder Sie dürfen es nicht sehen."))
    if found.page_id and found.page.live:
        return redirect(found.page.url + "#kommentare")
    preview = None
    if request.method == "POST":
        form = ReplyForm(request.POST)
        preview = _preview(request, form)
        if preview is None and form.is_valid():
            quote = None
            if form.cleaned_data.get("quote_of"):
                quote = selectors.post_for(viewer, form.cleaned_data["quote_of"])
            try:
                post = services.post_reply(
                    request.user, found, form.cleaned_data["body"], quote_of=quote
                )
            except PermissionDenied as error:
                return _denied(request, error)
            except ValidationError as error:
                _attach_errors(form, error)
            else:
                return redirect(post)
    else:
        initial = {}
        quote_id = _int(request.GET.get("zitat"))
        quoted = selectors.post_for(viewer, quote_id) if quote_id else None
        if quoted is not None and quoted.thread_id == found.pk and quoted.is_visible:
            initial = {"body": quote_for(quoted), "quote_of": quoted.pk}
        form = ReplyForm(initial=initial)
    context = _thread_context(request, viewer, found, form)
    context["preview"] = preview
    status = 400 if form.errors else 200
    return render(request, "network/forum/thread.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def posts_since(request, pk):
    """HTML of the posts after ?nach=<id>: what live updates and reconnects load."""
    viewer = viewer_for(request)
    found = selectors.thread_for(viewer, pk)
    if found is None:
        raise Http404(_("Dieses Thema gibt es nicht."))
    after = _int(request.GET.get("nach"))
    only = _int(request.GET.get("beitrag"))
    posts = selectors.posts_after(viewer, found, after)
    if only:
        posts = selectors.posts_of(viewer, found).filter(pk=only)
    html = render_to_string(
        "network/forum/includes/post_list_items.html",
        {"posts": posts[:50], "thread": found, "viewer": viewer,
         "can_reply": viewer.can_reply(found) and not found.page_id},
        request=request,
    )
    return HttpResponse(html)


@require_http_methods(["GET", "HEAD"])
def post_link(request, pk):
    """A reply's permanent link: the thread page it is on, scrolled to it."""
    viewer = viewer_for(request)
    post = selectors.post_for(viewer, pk)
    if post is None:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404(_("Diesen Beitrag gibt es nicht."))
    if post.thread.page_id:
        page = Page.objects.filter(pk=post.thread.page_id).live().first()
        if page is not None:
            return redirect(f"{page.url}#{post.anchor}")
    number = selectors.page_of_post(post)
    url = post.thread.get_absolute_url()
    if number > 1:
        url += f"?page={number}"
    return redirect(f"{url}#{post.anchor}")


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, pk):
    from network.forum.forms import EditPostForm

    viewer = viewer_for(request)
    post = selectors.post_for(viewer, pk)
    if post is None:
        raise Http404(_("Diesen Beitrag gibt es nicht."))
    if not viewer.can_edit(post):
        raise PermissionDenied(_("Sie dürfen diesen Beitrag nicht bearbeiten."))
    form = EditPostForm(request.POST or None, initial={"body": post.body_markdown})
    preview = _preview(request, form) if request.method == "POST" else None
    if request.method == "POST" and preview is None and form.is_valid():
        try:
            if post.author_id != request.user.pk:
                from network.forum.moderation import moderate_edit

                moderate_edit(request.user, post, form.cleaned_data["body"],
                              form.cleaned_data["reason"])
            else:
                services.edit_post(request.user, post, form.cleaned_data["body"])
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Der Beitrag ist geändert."))
            return redirect(post)
    return render(
        request, "network/forum/post_edit.html",
        {"form": form, "post": post, "preview": preview},
    )


@require_http_methods(["GET", "HEAD"])
def post_history(request, pk):
    viewer = viewer_for(request)
    post = selectors.post_for(viewer, pk)
    if post is None or (not post.is_visible and not viewer.is_moderator):
        raise Http404(_("Diesen Beitrag gibt es nicht."))
    revisions = post.revisions.select_related("edited_by")
    return render(
        request, "network/forum/post_history.html", {"post": post, "revisions": revisions}
    )


@login_required
@require_POST
def post_delete(request, pk):
    post = selectors.post_for(viewer_for(request), pk)
    if post is None:
        raise Http404(_("Diesen Beitrag gibt es nicht."))
    services.delete_own_post(request.user, post)
    messages.success(request, _("Ihr Beitrag ist gelöscht; das Thema bleibt lesbar."))
    return redirect(post)


@login_required
@require_POST
def post_helpful(request, pk):
    post = selectors.post_for(viewer_for(request), pk)
    if post is None:
        raise Http404(_("Diesen Beitrag gibt es nicht."))
    try:
        marked, count = services.toggle_helpful(request.user, post)
    except ValidationError as error:
        if request.headers.get("Accept") == "application/json":
            return JsonResponse({"error": " ".join(error.messages)}, status=400)
        messages.error(request, " ".join(error.messages))
        return redirect(post)
    if request.headers.get("Accept") == "application/json":
        return JsonResponse({"marked": marked, "count": count})
    return redirect(post)


@login_required
@require_http_methods(["GET", "POST"])
def post_report(request, pk):
    post = selectors.post_for(viewer_for(request), pk)
    if post is None:
        raise Http404(_("Diesen Beitrag gibt es nicht."))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(request.user, post, form.cleaned_data["reason"])
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            messages.success(request, _("Danke, die Moderation sieht sich den Beitrag an."))
            return redirect(post)
    return render(request, "network/forum/post_report.html", {"form": form, "post": post})


def _follow_toggle(request, **target):
    if request.POST.get("follow") == "1":
        services.follow(request.user, **target)
        messages.success(request, _("Sie folgen jetzt und werden benachrichtigt."))
    else:
        services.unfollow(request.user, **target)
        messages.success(request, _("Sie folgen nicht mehr."))


@login_required
@require_POST
def follow_thread(request, pk):
    found = selectors.thread_for(viewer_for(request), pk)
    if found is None:
        raise Http404(_("Dieses Thema gibt es nicht."))
    _follow_toggle(request, thread=found)
    return redirect(found)


@login_required
@require_POST
def follow_category(request, slug):
    found = selectors.category_for(viewer_for(request), slug)
    if found is None:
        raise Http404(_("Diese Kategorie gibt es nicht."))
    _follow_toggle(request, category=found)
    return redirect(found)


@login_required
@require_POST
def follow_topic(request, slug):
    _follow_toggle(request, topic=slug)
    return redirect("network:forum:topic", slug=slugify(slug, allow_unicode=True))


@require_http_methods(["GET", "HEAD"])
def mention_search(request):
    viewer = viewer_for(request)
    if not viewer.is_member:
        return JsonResponse({"results": []}, status=403)
    thread = selectors.thread_for(viewer, _int(request.GET.get("thema"))) or None
    results = services.mention_candidates(request.user, request.GET.get("q", ""), thread)
    return JsonResponse({"results": results})


@require_http_methods(["POST"])
def page_comment(request, page_id):
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404(_("Diese Seite gibt es nicht."))
    page = page.specific
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            post = services.comment_on_page(request.user, page, form.cleaned_data["body"])
        except ValidationError as error:
            _attach_errors(form, error)
        else:
            return redirect(f"{page.url}#{post.anchor}")
    # Back to the page, where the comment form shows the text and the errors again: the
    # page's own view must not see this POST (event pages treat POSTs as registrations).
    request.session[COMMENT_DRAFT_SESSION_KEY] = {
        "page": page.pk,
        "body": request.POST.get("body", "")[: services.MAX_BODY_LENGTH + 100],
        "errors": [message for messages_ in form.errors.values() for message in messages_],
    }
    return redirect(f"{page.url}#kommentare")


@require_http_methods(["GET", "HEAD"])
def result(request, pk, download=False):
    found = selectors.thread_for(viewer_for(request), pk)
    if found is None or not found.is_closed:
        raise Http404(_("Zu diesem Thema gibt es kein Ergebnis."))
    if download:
        text = render_to_string("network/forum/result.md", {"thread": found})
        response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ergebnis-{found.pk}.md"'
        return response
    return render(request, "network/forum/result.html", {"thread": found,
                  "thread_url": reverse("network:forum:thread", kwargs={"pk": found.pk})})
