"""Search documents of the forum: threads and replies, with their category's visibility.

Members-only categories give "members", closed working groups "group:forum-<id>"; the group
resolver registered here tells `search.access` which groups a person belongs to. Comments
under pages are not indexed: the page itself is.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from network.models import ForumCategory, Post, TaggedThread, Thread, Visibility
from network.sanitize import strip_html
from search.access import register_group_resolver
from search.documents import MEMBERS, PUBLIC, DocumentProvider, SearchDocument, register
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
        openings = Post.objects.filter(is_opening=True, status=Post.Status.VISIBLE)
        return (
            Thread.objects.filter(category__isnull=False)
            .select_related("category")
            .prefetch_related("topics", Prefetch("posts", queryset=openings, to_attr="openings"))
        )

    def build_document(self, thread):
        body = strip_html(thread.openings[0].body_html) if thread.openings else ""
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
        )


class PostDocuments(DocumentProvider):
    type = "forum_post"
    model = Post
    label = _("Forumsbeiträge")
    facets = {"forum_category": _("Forumskategorie")}

    def get_queryset(self):
        return Post.objects.filter(
            is_opening=False, status=Post.Status.VISIBLE, thread__category__isnull=False
        ).select_related("thread", "thread__category")

    def build_document(self, post):
        return SearchDocument(
            type=self.type,
            id=post.pk,
            title=post.thread.title,
            body=strip_html(post.body_html),
            facets={"forum_category": post.thread.category.name},
            url=post.get_absolute_url(),
            visibility=visibility_of(post.thread.category),
            date=post.created_at,
        )


def register_documents():
    register(ThreadDocuments())
    register(PostDocuments())
    register_group_resolver(forum_groups_of)
