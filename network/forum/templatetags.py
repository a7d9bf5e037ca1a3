"""Tags other templates use: the discussion under a Wagtail page and the bell's count."""

from django import template
from django.core.paginator import Paginator

from network.forum import selectors
from network.forum.access import page_is_for_members, viewer_for
from network.forum.forms import CommentForm

register = template.Library()
COMMENTS_PER_PAGE = 50


@register.inclusion_tag("network/forum/includes/page_discussion.html", takes_context=True)
def page_discussion(context, page):
    """Comments under `page` (case study, article, event) with the comment form."""
    request = context.get("request")
    viewer = viewer_for(request)
    if page_is_for_members(page) and not viewer.is_member:
        return {"hidden": True}
    thread, posts = selectors.page_discussion(viewer, page)
    page_obj = Paginator(posts, COMMENTS_PER_PAGE).get_page(request.GET.get("kommentare"))
    form = _returned_comment_form(request, page) or CommentForm()
    return {
        "request": request,
        "user": request.user,
        "page": page,
        "thread": thread,
        "posts": page_obj.object_list,
        "comment_page": page_obj,
        "viewer": viewer,
        "can_comment": viewer.is_member and not viewer.is_suspended
        and not (thread and thread.is_locked),
        "form": form,
        "csrf_token": context.get("csrf_token"),
    }


def _returned_comment_form(request, page):
    """The comment that failed validation, with its errors (see views.page_comment)."""
    from network.forum.views import COMMENT_DRAFT_SESSION_KEY

    session = getattr(request, "session", None)
    draft = session.get(COMMENT_DRAFT_SESSION_KEY) if session is not None else None
    if not draft or draft.get("page") != page.pk:
        return None
    del session[COMMENT_DRAFT_SESSION_KEY]
    form = CommentForm(data={"body": draft.get("body", "")})
    form.is_valid()
    for message in draft.get("errors", []):
        if message not in form.errors.get("body", []):
            form.add_error("body", message)
    return form


@register.simple_tag(takes_context=True)
def unread_notification_count(context):
    """Unread notifications of the signed-in user (one query, once per request)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    if not hasattr(request, "_unread_notifications"):
        from network.notifications.services import unread_count

        request._unread_notifications = unread_count(request.user)
    return request._unread_notifications


@register.filter
def editable_by(post, viewer):
    return viewer.can_edit(post)


@register.filter
def visible_to(post, viewer):
    """The post's text may be shown: visible, or hidden and the viewer moderates."""
    return post.is_visible or (post.status == post.Status.HIDDEN and viewer.is_moderator)
