"""Idempotent loader of the forum's demo content (called by `seed_demo`).

Rows are written directly (not through the services) so the demo can have a history:
posts are backdated and the rate limits for new accounts do not apply. Every object is
looked up by a natural key (slug, title) and only created when missing.
"""

from datetime import timedelta

from django.utils import timezone

from demo.data import load
from network.forum.markdown import render_markdown
from network.models import Follow, ForumCategory, Post, Thread, User

_data = load("forum")
CATEGORIES, PAGE_COMMENTS, PEOPLE, THREADS = (
    _data.CATEGORIES, _data.PAGE_COMMENTS, _data.PEOPLE, _data.THREADS
)


def _people(context):
    found = {}
    for key, email in PEOPLE.items():
        person = context.people.get(email) or User.objects.filter(email=email).first()
        if person is not None:
            found[key] = person
    return found


def ensure_categories(people):
    categories = {}
    for position, data in enumerate(CATEGORIES):
        category, created = ForumCategory.objects.get_or_create(
            slug=data["slug"],
            defaults={"name": data["name"], "description": data["description"],
                      "visibility": data["visibility"], "position": position},
        )
        if created and data.get("group"):
            category.group_members.add(*[people[key] for key in data["group"] if key in people])
        categories[data["slug"]] = category
    return categories


def _add_posts(thread, entries, people, start):
    posts = []
    for offset, (key, text) in enumerate(entries):
        author = people.get(key)
        post = Post.objects.create(
            thread=thread, author=author, body_markdown=text, body_html=render_markdown(text),
            is_opening=offset == 0 and thread.category_id is not None,
        )
        posts.append(post)
        Post.objects.filter(pk=post.pk).update(created_at=start + timedelta(hours=5 * offset))
        if author is not None:
            Follow.objects.get_or_create(user=author, thread=thread)
    last = start + timedelta(hours=5 * (len(entries) - 1))
    replies = len(entries) - (1 if thread.category_id else 0)
    Thread.objects.filter(pk=thread.pk).update(
        created_at=start, last_activity_at=last, reply_count=replies
    )
    return posts


def ensure_thread(data, categories, people, start):
    category = categories[data["category"]]
    if Thread.objects.filter(category=category, title=data["title"]).exists():
        return False
    thread = Thread.objects.create(
        category=category, title=data["title"], author=people.get(data["author"]),
        is_pinned=data.get("pinned", False),
    )
    thread.topics.set(data["topics"])
    _add_posts(thread, [(data["author"], data["body"]), *data["replies"]], people, start)
    if data.get("result"):
        Thread.objects.filter(pk=thread.pk).update(
            result_markdown=data["result"], result_html=render_markdown(data["result"]),
            result_by=people.get("mo"), result_at=start + timedelta(days=3), is_locked=True,
        )
    return True


def ensure_page_comments(people, now):
    try:
        from bestpractice.models import BestPracticePage
    except ImportError:
        return 0
    pages = list(BestPracticePage.objects.live().order_by("pk")[: len(PAGE_COMMENTS)])
    created = 0
    for index, (page, entries) in enumerate(zip(pages, PAGE_COMMENTS, strict=False)):
        if Thread.objects.filter(page=page).exists():
            continue
        thread = Thread.objects.create(page=page, title=page.title[:200])
        _add_posts(thread, entries, people, now - timedelta(days=10 - index))
        created += 1
    return created


def load_demo(context):
    people = _people(context)
    categories = ensure_categories(people)
    now = timezone.now()
    created = sum(
        ensure_thread(data, categories, people, now - timedelta(days=40 - 3 * index))
        for index, data in enumerate(THREADS)
    )
    context.say(f"  Forum: {len(categories)} Kategorien, {created} Themen neu, "
                f"{Thread.objects.filter(page__isnull=True).count()} insgesamt")
    comments = ensure_page_comments(people, now)
    context.say(f"  Kommentare: {comments} Diskussionen unter Praxisbeispielen neu")
