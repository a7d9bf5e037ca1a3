"""Personal data of the forum (see network.personal_data).

On deletion, posts and threads stay readable for the discussion but lose their author:
they show "ehemaliges Mitglied" and link to no one. What only concerns the person
(follows, helpful marks, reports, suspensions, group memberships) goes.
"""

from network.models import (
    Follow,
    ForumCategory,
    ForumSuspension,
    HelpfulMark,
    Post,
    PostReport,
    PostRevision,
    Thread,
)


def export(user):
    posts = (
        Post.objects.filter(author=user)
        .select_related("thread", "thread__page")
        .order_by("created_at", "pk")
    )
    return {
        "forum_themen": [
            {"titel": t.title, "link": t.get_absolute_url(), "erstellt": t.created_at}
            for t in Thread.objects.filter(author=user).order_by("created_at", "pk")
        ],
        "forum_beitraege_und_kommentare": [
            {
                "thema": p.thread.title,
                "art": "Kommentar" if p.thread.page_id else "Forumsbeitrag",
                "link": p.get_absolute_url(),
                "text": p.body_markdown,
                "status": p.get_status_display(),
                "erstellt": p.created_at,
                "bearbeitet": p.edited_at,
            }
            for p in posts
        ],
        "forum_abonnements": [
            {"thema": f.thread.title if f.thread_id else "",
             "kategorie": f.category.name if f.category_id else "",
             "schlagwort": f.topic, "seit": f.created_at}
            for f in Follow.objects.filter(user=user).select_related("thread", "category")
        ],
        "forum_hilfreich_markiert": [
            {"beitrag": m.post.get_absolute_url(), "am": m.created_at}
            for m in HelpfulMark.objects.filter(user=user)
        ],
        "forum_meldungen": [
            {"beitrag": r.post.get_absolute_url(), "grund": r.reason, "am": r.created_at}
            for r in PostReport.objects.filter(reporter=user)
        ],
        "forum_sperren": [
            {"bis": s.until, "grund": s.reason, "am": s.created_at}
            for s in ForumSuspension.objects.filter(member=user)
        ],
        "forum_arbeitsgruppen": [
            {"name": c.name} for c in ForumCategory.objects.filter(group_members=user)
        ],
    }


def erase(user):
    Post.objects.filter(author=user).update(author=None)
    Thread.objects.filter(author=user).update(author=None)
    Thread.objects.filter(result_by=user).update(result_by=None)
    PostRevision.objects.filter(edited_by=user).update(edited_by=None)
    Follow.objects.filter(user=user).delete()
    HelpfulMark.objects.filter(user=user).delete()
    PostReport.objects.filter(reporter=user).delete()
    ForumSuspension.objects.filter(member=user).delete()
    user.forum_groups.clear()
