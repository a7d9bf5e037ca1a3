"""Moderation services: decide on reported posts, lock, pin, move and close threads, suspend
members. Every decision is logged (who, when, why) and the author is told."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from network.forum import markdown, realtime
from network.forum.services import MAX_REASON_LENGTH, render_body
from network.models import (
    ForumCategory,
    ForumSuspension,
    ModerationAction,
    NotificationKind,
    Post,
    PostReport,
    Thread,
)
from network.notifications.services import Text, notify
from network.permissions import is_moderator

MAX_SUSPENSION_DAYS = 365


def _require_moderator(user):
    if not is_moderator(user):
        raise PermissionDenied(_("Das darf nur die Moderation."))


def _clean_reason(reason):
    reason = " ".join((reason or "").split())
    if len(reason) < 3:
        raise ValidationError({"reason": _("Bitte begründen Sie die Entscheidung kurz.")})
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            {"reason": _("Bitte höchstens %(max)d Zeichen.") % {"max": MAX_REASON_LENGTH}}
        )
    return reason


def log_and_tell_author(moderator, kind, post, reason):
    """Log a decision about `post` and notify its author (inside the caller's transaction)."""
    ModerationAction.objects.create(
        moderator=moderator, kind=kind, reason=reason, post=post, thread_id=post.thread_id,
        member_id=post.author_id,
    )
    if post.author_id and post.author_id != getattr(moderator, "pk", None):
        label = ModerationAction.Kind(kind).label
        notify(
            [post.author_id],
            NotificationKind.MODERATION,
            Text(gettext_noop("Ihr Beitrag in „%(title)s“ wurde %(what)s. Begründung: %(reason)s"),
                 title=post.thread.title, what=label, reason=reason),
            url=post.get_absolute_url(),
            thread=post.thread,
        )


def _log_thread(moderator, kind, thread, reason):
    ModerationAction.objects.create(
        moderator=moderator, kind=kind, reason=reason, thread=thread, member_id=thread.author_id
    )
    if thread.author_id and thread.author_id != moderator.pk:
        notify(
            [thread.author_id],
            NotificationKind.MODERATION,
            Text(gettext_noop("Ihr Thema „%(title)s“: %(what)s. Begründung: %(reason)s"),
                 title=thread.title, what=ModerationAction.Kind(kind).label, reason=reason),
            url=thread.get_absolute_url(),
            thread=thread,
        )


POST_DECISIONS = {
    "restore": (ModerationAction.Kind.RESTORE, Post.Status.VISIBLE),
    "hide": (ModerationAction.Kind.HIDE, Post.Status.HIDDEN),
    "delete": (ModerationAction.Kind.DELETE, Post.Status.DELETED),
}


def decide_on_post(moderator, post, decision, reason):
    """restore / hide / delete a post; resolves its open reports."""
    _require_moderator(moderator)
    if decision not in POST_DECISIONS:
        raise ValidationError(_("Unbekannte Entscheidung."))
    reason = _clean_reason(reason)
    kind, status = POST_DECISIONS[decision]
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
        post.status = status
        post.hidden_reason = "" if status == Post.Status.VISIBLE else reason
        post.report_count = 0
        post.save(update_fields=["status", "hidden_reason", "report_count"])
        PostReport.objects.filter(post=post, resolved_at__isnull=True).update(
            resolved_at=timezone.now()
        )
        log_and_tell_author(moderator, kind, post, reason)
        transaction.on_commit(lambda: realtime.announce_post(post.thread_id, post.pk, "update"))
    return post


def moderate_edit(moderator, post, body, reason):
    """The moderation rewrites a post (e.g. removes personal data); history is kept."""
    from network.forum.services import edit_post

    _require_moderator(moderator)
    reason = _clean_reason(reason)
    return edit_post(moderator, post, body, reason=reason)


def _thread_change(moderator, thread, reason, kind, **fields):
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        for name, value in fields.items():
            setattr(thread, name, value)
        thread.save(update_fields=list(fields))
        _log_thread(moderator, kind, thread, reason)
    return thread


def set_locked(moderator, thread, locked, reason):
    kind = ModerationAction.Kind.LOCK if locked else ModerationAction.Kind.UNLOCK
    return _thread_change(moderator, thread, reason, kind, is_locked=bool(locked))


def set_pinned(moderator, thread, pinned, reason):
    kind = ModerationAction.Kind.PIN if pinned else ModerationAction.Kind.UNPIN
    return _thread_change(moderator, thread, reason, kind, is_pinned=bool(pinned))


def move_thread(moderator, thread, category, reason):
    _require_moderator(moderator)
    if not isinstance(category, ForumCategory):
        raise ValidationError({"category": _("Bitte wählen Sie eine Kategorie.")})
    if thread.page_id:
        raise ValidationError(_("Kommentare zu einer Seite lassen sich nicht verschieben."))
    thread = _thread_change(
        moderator, thread, reason, ModerationAction.Kind.MOVE, category=category
    )
    # The thread's search document (replies included) carries the category's visibility.
    from search.signals import schedule_refresh

    schedule_refresh("forum_thread", thread.pk)
    return thread


def close_with_result(moderator, thread, summary, reason=""):
    """Record the discussion's result ("Ergebnis") on top of the thread and close it."""
    _require_moderator(moderator)
    summary = (summary or "").strip()
    if len(summary) < 10:
        raise ValidationError({"summary": _("Bitte fassen Sie das Ergebnis in ein paar Sätzen "
                                            "zusammen.")})
    summary, html = render_body(moderator, summary)
    return _thread_change(
        moderator, thread, reason or _("Ergebnis festgehalten"), ModerationAction.Kind.RESULT,
        result_markdown=summary, result_html=html, result_by=moderator,
        result_at=timezone.now(), is_locked=True,
    )


def suspend_member(moderator, member, days, reason):
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    try:
        days = int(days)
    except (TypeError, ValueError):
        days = 0
    if not 1 <= days <= MAX_SUSPENSION_DAYS:
        raise ValidationError(
            {"days": _("Bitte zwischen 1 und %(max)d Tagen.") % {"max": MAX_SUSPENSION_DAYS}}
        )
    if member.pk == moderator.pk or is_moderator(member):
        raise ValidationError(_("Moderator*innen können hier nicht gesperrt werden."))
    until = timezone.now() + timedelta(days=days)
    with transaction.atomic():
        suspension = ForumSuspension.objects.create(
            member=member, until=until, reason=reason, created_by=moderator
        )
        ModerationAction.objects.create(
            moderator=moderator, kind=ModerationAction.Kind.SUSPEND, reason=reason, member=member
        )
        notify(
            [member.pk],
            NotificationKind.MODERATION,
            Text(gettext_noop("Sie können bis %(until)s keine Beiträge schreiben. "
                              "Begründung: %(reason)s"),
                 until=_short_datetime(until), reason=reason),
        )
    return suspension


def _local_short_datetime(value):
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


# Formatted when the text is, in each recipient's language (`Text` translates per language):
# "08.12.2026 18:00" for German readers, "8 Dec 2026, 18:00" for English ones.
_short_datetime = lazy(_local_short_datetime, str)


def quote_for(post):
    name = post.author.display_name if post.author else _("Jemand")
    return markdown.quote_markdown(name, post.body_markdown)
