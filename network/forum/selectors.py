"""Reads the forum pages share. Query counts do not grow with the number of rows: related
rows come with `select_related`/`prefetch_related`, per-viewer flags with subqueries."""

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q

from network.models import (
    Follow,
    ForumCategory,
    HelpfulMark,
    ModerationAction,
    Post,
    PostReport,
    TaggedThread,
    Thread,
    Visibility,
)

POSTS_PER_PAGE = 25
THREADS_PER_PAGE = 20


def category_overview(viewer):
    """Visible categories with their thread counts and last activity."""
    return (
        viewer.visible_categories()
        .annotate(
            thread_count=Count("threads", distinct=True),
            last_activity=Max("threads__last_activity_at"),
        )
        .order_by("position", "name")
    )


def category_for(viewer, slug):
    category = ForumCategory.objects.filter(slug=slug).first()
    if category is None or not viewer.can_view_category(category):
        return None
    return category


def public_category(slug):
    """The category `slug` if anyone may read it (feeds know no viewer), else None."""
    return ForumCategory.objects.filter(slug=slug, visibility=Visibility.PUBLIC).first()


def category_feed_items(category, limit=30):
    """Newest threads of a public category with their visible opening post and topics."""
    openings = Post.objects.filter(is_opening=True, status=Post.Status.VISIBLE)
    return list(
        Thread.objects.filter(category=category, category__visibility=Visibility.PUBLIC)
        .select_related("author")
        .prefetch_related(
            Prefetch("posts", queryset=openings, to_attr="opening_posts"),
            Prefetch("tagged_items", queryset=TaggedThread.objects.select_related("tag")),
        )
        .order_by("-created_at", "-pk")[:limit]
    )


def _thread_list(queryset):
    return queryset.select_related("category", "author").prefetch_related("topics")


def threads_in(viewer, category):
    return _thread_list(Thread.objects.filter(category=category)).order_by(
        "-is_pinned", "-last_activity_at", "-pk"
    )


def threads_with_topic(viewer, topic_slug):
    return _thread_list(
        viewer.visible_threads().filter(page__isnull=True, topics__slug=topic_slug)
    ).distinct().order_by("-last_activity_at", "-pk")


def latest_threads(viewer, limit=8):
    return _thread_list(viewer.visible_threads().filter(page__isnull=True)).order_by(
        "-last_activity_at", "-pk"
    )[:limit]


def thread_for(viewer, pk):
    thread = (
        Thread.objects.select_related("category", "author", "result_by", "page")
        .prefetch_related("topics")
        .filter(pk=pk)
        .first()
    )
    if thread is None or not viewer.can_view_thread(thread):
        return None
    return thread


def posts_of(viewer, thread):
    """All posts of `thread` in order, with authors, quotes and the viewer's helpful mark."""
    posts = (
        Post.objects.filter(thread=thread)
        .select_related("author", "thread", "quote_of", "quote_of__author")
        .order_by("created_at", "pk")
    )
    if viewer.is_authenticated:
        posts = posts.annotate(
            marked_helpful=Exists(
                HelpfulMark.objects.filter(post=OuterRef("pk"), user=viewer.user)
            )
        )
    return posts


def posts_after(viewer, thread, after_id):
    return posts_of(viewer, thread).filter(pk__gt=after_id)


def page_of_post(post, per_page=POSTS_PER_PAGE):
    earlier = Post.objects.filter(thread_id=post.thread_id).filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    return earlier // per_page + 1


def post_for(viewer, pk):
    post = Post.objects.select_related("thread", "thread__category", "author").filter(pk=pk).first()
    if post is None or not viewer.can_view_thread(post.thread):
        return None
    return post


def follow_state(viewer, thread=None, category=None, topic=None):
    if not viewer.is_authenticated:
        return False
    follows = Follow.objects.filter(user=viewer.user)
    if thread is not None:
        return follows.filter(thread=thread).exists()
    if category is not None:
        return follows.filter(category=category).exists()
    return follows.filter(topic=topic).exists()


def moderation_queue():
    """Posts with open reports or hidden pending review, most reported first."""
    open_reports = PostReport.objects.filter(resolved_at__isnull=True).select_related("reporter")
    return (
        Post.objects.filter(
            Q(reports__resolved_at__isnull=True) | Q(status=Post.Status.HIDDEN)
        )
        .distinct()
        .select_related("thread", "thread__category", "author")
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        .order_by("-report_count", "-created_at")
    )


def moderation_log(limit=100):
    return ModerationAction.objects.select_related(
        "moderator", "thread", "post", "member"
    )[:limit]


def page_discussion(viewer, page):
    thread = Thread.objects.filter(page=page).select_related("category").first()
    if thread is None:
        return None, Post.objects.none()
    return thread, posts_of(viewer, thread)
