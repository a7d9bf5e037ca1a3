"""Search documents of the forum: one document per thread, its replies as parts.

A thread is one hit: its replies are searched with it, and the best-matching reply gives
the hit its snippet and its link. A saved or deleted reply re-indexes its thread.

Members-only categories give "members", closed working groups "group:forum-<id>"; the group
resolver registered here tells `search.access` which groups a person belongs to. Comments
under pages are not indexed: the page itself is.
"""

from django.db.models import Prefetch
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from network.models import ForumCategory, Post, TaggedThread, Thread, Visibility
from network.sanitize import strip_html
from search.access import register_group_resolver
from search.documents import (
    MEMBERS,
    PUBLIC,
    DocumentProvider,
    SearchDocument,
    SearchPart,
    register,
)
from search.documents import group_visibility as search_group_visibility


def visibility_of(category):
    if category.visibility == Visibility.PUBLIC:
        return PUBLIC
    if category.visibility == Visibility.MEMBERS:
        return MEMBERS
    return search_group_visibility(category.search_group_key)


def forum_groups_of(user):
    return [
        f"forum-{pk}" for pk in ForumCategory.objects.filter(
            visibility=Visibility.GROUP, group_members=user
        ).values_list("pk", flat=True)
    ]


class ThreadDocuments(DocumentProvider):
    type = "forum_thread"
    model = Thread
    label = _("Forumsthemen")
    facets = {"forum_category": _("Forumskategorie")}
    watched_m2m = (TaggedThread,)

    def get_queryset(self):
        visible = Post.objects.filter(status=Post.Status.VISIBLE).order_by("created_at", "pk")
        return (
            Thread.objects.filter(category__isnull=False)
            .select_related("category")
            .prefetch_related("topics", Prefetch("posts", queryset=visible, to_attr="visible"))
        )

    def build_document(self, thread):
        openings = [post for post in thread.visible if post.is_opening]
        replies = [post for post in thread.visible if not post.is_opening]
        body = strip_html(openings[0].body_html) if openings else ""
        if thread.result_html:
            body = f"{strip_html(thread.result_html)} {body}"
        return SearchDocument(
            type=self.type,
            id=thread.pk,
            title=thread.title,
            body=body,
            tags=[tag.name for tag in thread.topics.all()],
            facets={"forum_category": thread.category.name},
            url=thread.get_absolute_url(),
            visibility=visibility_of(thread.category),
            date=thread.last_activity_at,
            parts=[
                SearchPart(url=post.get_absolute_url(), text=strip_html(post.body_html))
                for post in replies
            ],
        )


def _refresh_thread(sender, instance, raw=False, **kwargs):
    if not raw and instance.thread_id:
        from search.signals import schedule_refresh

        schedule_refresh(ThreadDocuments.type, instance.thread_id)


def register_documents():
    register(ThreadDocuments())
    register_group_resolver(forum_groups_of)
    # A reply is part of its thread's document.
    post_save.connect(_refresh_thread, sender=Post, dispatch_uid="sitesearch:forum_post:save")
    post_delete.connect(_refresh_thread, sender=Post, dispatch_uid="sitesearch:forum_post:delete")
