"""Every write of the forum: threads, replies, comments on pages, edits, reactions, reports,
follows. Moderation lives in `network.forum.moderation`.

Each service checks permission (`PermissionDenied`), validates (`ValidationError` with a
German message, per field where it can), writes in one transaction and leaves broadcasts,
notifications' live pushes and mails to `transaction.on_commit`.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from network.forum import markdown, mentions, realtime, reports
from network.forum.access import Viewer, page_is_for_members, users_who_can_view
from network.models import (
    Follow,
    HelpfulMark,
    ModerationAction,
    NotificationKind,
    Post,
    PostReport,
    PostRevision,
    Thread,
    User,
)
from network.notifications.services import Text, notify
from network.ratelimit import Limit, consume
from search.signals import schedule_refresh

MIN_BODY_LENGTH = 2
MAX_BODY_LENGTH = 20_000
MIN_TITLE_LENGTH = 5
MAX_TITLE_LENGTH = 200
MAX_TOPICS = 8
MAX_TOPIC_LENGTH = 50
MAX_MENTIONS = 10
MAX_REASON_LENGTH = 500
# Accounts younger than NEW_ACCOUNT_AGE write slowly and with few links: that stops most
# spam runs without bothering the people who have been around for a while.
NEW_ACCOUNT_AGE = timedelta(days=7)
NEW_ACCOUNT_POSTS_PER_MINUTE = 3
NEW_ACCOUNT_MAX_LINKS = 2
POSTS_PER_MINUTE = 10
MAX_LINKS = 20
# Reports: at most REPORT_LIMIT per member and hour; see network/forum/reports.py for
# how much each weighs.
REPORT_LIMIT = Limit("forum-report", amount=8, window_seconds=60 * 60)


# --- validation helpers ------------------------------------------------------------------


def _require_login(user):
    if not (user and user.is_authenticated and user.is_active):
        raise PermissionDenied(_("Bitte melden Sie sich an, um mitzudiskutieren."))


def is_new_account(user, now=None):
    return (now or timezone.now()) - user.date_joined < NEW_ACCOUNT_AGE


def clean_title(title):
    title = " ".join((title or "").split())
    if len(title) < MIN_TITLE_LENGTH:
        raise ValidationError(
            {"title": _("Bitte geben Sie einen Titel mit mindestens %(min)d Zeichen ein.")
             % {"min": MIN_TITLE_LENGTH}}
        )
    if len(title) > MAX_TITLE_LENGTH:
        raise ValidationError(
            {"title": _("Der Titel darf höchstens %(max)d Zeichen lang sein.")
             % {"max": MAX_TITLE_LENGTH}}
        )
    return title


def clean_topics(topics):
    if isinstance(topics, str):
        topics = topics.split(",")
    cleaned = list(dict.fromkeys(" ".join(t.split()) for t in topics or () if t and t.strip()))
    if len(cleaned) > MAX_TOPICS:
        raise ValidationError(
            {"topics": _("Bitte höchstens %(max)d Themen angeben.") % {"max": MAX_TOPICS}}
        )
    for topic in cleaned:
        if len(topic) > MAX_TOPIC_LENGTH or not slugify(topic):
            raise ValidationError(
                {"topics": _("„%(topic)s“ ist kein gültiges Thema (höchstens %(max)d Zeichen).")
                 % {"topic": topic[:60], "max": MAX_TOPIC_LENGTH}}
            )
    return cleaned


def render_body(user, body, now=None):
    """Validate a post's Markdown for `user` (length, rate and link limits); return its HTML."""
    body = (body or "").strip()
    if len(body) < MIN_BODY_LENGTH:
        raise ValidationError({"body": _("Bitte schreiben Sie einen Text.")})
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            {"body": _("Der Text darf höchstens %(max)d Zeichen lang sein (jetzt: %(count)d).")
             % {"max": MAX_BODY_LENGTH, "count": len(body)}}
        )
    # "@Jens" typed without the completion becomes the handle of the one Jens (or a
    # German error when several are meant); handles are shown as the name, linked.
    body = mentions.resolve_typed(body)
    html = markdown.render_markdown(mentions.display_markdown(body))
    new = is_new_account(user, now)
    max_links = NEW_ACCOUNT_MAX_LINKS if new else MAX_LINKS
    # Mentions are links the platform makes; only the author's own links count.
    links = markdown.count_links(markdown.render_markdown(body))
    if links > max_links:
        raise ValidationError(
            {"body": _(
                "Ihr Beitrag enthält %(count)d Links; erlaubt sind %(max)d. Neue Konten dürfen "
                "in den ersten Tagen nur wenige Links setzen. Ihr Text bleibt erhalten."
            ) % {"count": links, "max": max_links}}
        )
    return body, html


def _check_rate(user, now=None):
    now = now or timezone.now()
    limit = NEW_ACCOUNT_POSTS_PER_MINUTE if is_new_account(user, now) else POSTS_PER_MINUTE
    recent = Post.objects.filter(author=user, created_at__gt=now - timedelta(minutes=1)).count()
    if recent >= limit:
        raise ValidationError(
            _("Sie haben gerade %(count)d Beiträge in einer Minute geschrieben. Bitte warten Sie "
              "einen Moment und senden Sie dann erneut – Ihr Text bleibt erhalten.")
            % {"count": recent}
        )


# --- notifications -----------------------------------------------------------------------


def _followers_of(thread):
    q = Q(thread=thread)
    if thread.category_id:
        q |= Q(category_id=thread.category_id)
    topic_slugs = [tag.slug for tag in thread.topics.all()]
    if topic_slugs:
        q |= Q(topic__in=topic_slugs)
    return set(Follow.objects.filter(q).values_list("user_id", flat=True))


def _notify_about_post(post, new_thread=False):
    thread, author = post.thread, post.author
    name = author.display_name if author else _("Jemand")
    mention_ids = set(markdown.mentioned_ids(post.body_markdown)[:MAX_MENTIONS])
    mention_ids = users_who_can_view(thread, mention_ids - {author.pk}) if mention_ids else set()
    if mention_ids:
        notify(
            mention_ids,
            NotificationKind.MENTION,
            Text(gettext_noop("%(name)s hat Sie in „%(title)s“ erwähnt."), name=name,
                 title=thread.title),
            url=post.get_absolute_url(),
            thread=thread,
        )
    followers = _followers_of(thread) - mention_ids - {author.pk}
    followers = users_who_can_view(thread, followers) if followers else set()
    if followers:
        template = (
            gettext_noop("%(name)s hat das Thema „%(title)s“ eröffnet.") if new_thread
            else gettext_noop("%(name)s hat in „%(title)s“ geantwortet.")
        )
        notify(
            followers,
            NotificationKind.REPLY,
            Text(template, name=name, title=thread.title),
            url=post.get_absolute_url(),
            thread=thread,
        )
    _notify_person_followers(post, new_thread, already=mention_ids | followers)


def _notify_person_followers(post, new_thread, already):
    """People following the author (network.people_services) hear of the new thread or
    post if they may read it and were not told already as followers of the thread."""
    from network.people_services import follower_ids

    thread, author = post.thread, post.author
    if author is None:
        return
    ids = follower_ids(author) - already - {author.pk}
    ids = users_who_can_view(thread, ids) if ids else set()
    if ids:
        template = (
            gettext_noop("%(name)s, der*dem Sie folgen, hat das Thema „%(title)s“ eröffnet.")
            if new_thread
            else gettext_noop("%(name)s, der*dem Sie folgen, hat in „%(title)s“ geschrieben.")
        )
        notify(
            ids,
            NotificationKind.FOLLOW,
            Text(template, name=author.display_name, title=thread.title),
            url=post.get_absolute_url(),
            thread=thread,
        )


def _follow_thread(user, thread):
    Follow.objects.get_or_create(user=user, thread=thread)


# --- threads and replies -----------------------------------------------------------------


def create_thread(user, category, title, body, topics=()):
    _require_login(user)
    viewer = Viewer.of(user)
    if not viewer.can_write_in(category):
        raise PermissionDenied(_("Sie dürfen in dieser Kategorie keine Themen eröffnen."))
    errors = {}
    try:
        title = clean_title(title)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        topics = clean_topics(topics)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        body, html = render_body(user, body)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    _check_rate(user)
    with transaction.atomic():
        thread = Thread.objects.create(category=category, title=title, author=user)
        if topics:
            thread.topics.set(topics)
        post = Post.objects.create(
            thread=thread, author=user, body_markdown=body, body_html=html, is_opening=True
        )
        _follow_thread(user, thread)
        _notify_about_post(post, new_thread=True)
    return thread


def _add_post(user, thread, body, html, quote_of=None):
    """Append a checked reply to `thread` (locked for update); shared by replies and
    comments. The text is rendered and the rate checked before the lock is taken, so
    writers to a busy thread wait only for the inserts."""
    if quote_of is not None and (quote_of.thread_id != thread.pk or not quote_of.is_visible):
        quote_of = None
    now = timezone.now()
    post = Post.objects.create(
        thread=thread, author=user, body_markdown=body, body_html=html, quote_of=quote_of
    )
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=F("reply_count") + 1, last_activity_at=now
    )
    _follow_thread(user, thread)
    _notify_about_post(post)
    transaction.on_commit(lambda: realtime.announce_post(thread.pk, post.pk))
    return post


def _check_can_reply(viewer, thread):
    if not viewer.can_reply(thread):
        if thread.is_locked or thread.is_closed:
            raise PermissionDenied(_("Dieses Thema ist geschlossen; Antworten sind nicht "
                                     "mehr möglich."))
        raise PermissionDenied(_("Sie dürfen in diesem Thema nicht antworten."))


def post_reply(user, thread, body, quote_of=None):
    _require_login(user)
    viewer = Viewer.of(user)
    _check_can_reply(viewer, Thread.objects.select_related("category").get(pk=thread.pk))
    body, html = render_body(user, body)
    _check_rate(user)
    with transaction.atomic():
        # Checked again under the lock: a moderator may have closed the thread meanwhile.
        # of=self: page discussions have no category, and PostgreSQL cannot lock the
        # nullable side of an outer join.
        thread = (
            Thread.objects.select_for_update(of=("self",))
            .select_related("category")
            .get(pk=thread.pk)
        )
        _check_can_reply(viewer, thread)
        return _add_post(user, thread, body, html, quote_of=quote_of)


def discussion_for_page(page):
    return Thread.objects.filter(page=page).select_related("category").first()


def comment_on_page(user, page, body):
    """A comment under a Wagtail page: a reply in the page's thread, created with the first
    comment so pages without comments cost nothing."""
    _require_login(user)
    if not page.live:
        raise PermissionDenied(_("Diese Seite ist nicht veröffentlicht."))
    viewer = Viewer.of(user)
    if not viewer.is_member or viewer.is_suspended:
        raise PermissionDenied(_("Kommentieren können angemeldete Mitglieder."))
    if Thread.objects.filter(page=page, is_locked=True).exists() and not viewer.is_moderator:
        raise PermissionDenied(_("Die Diskussion zu dieser Seite ist geschlossen."))
    body, html = render_body(user, body)
    _check_rate(user)
    with transaction.atomic():
        thread = Thread.objects.filter(page=page).first()
        if thread is None:
            try:
                with transaction.atomic():
                    thread = Thread.objects.create(
                        page=page, title=page.title[:200], author=None,
                        members_only=page_is_for_members(page),
                    )
            except IntegrityError:  # someone else created it just now
                thread = Thread.objects.get(page=page)
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        if thread.is_locked and not viewer.is_moderator:
            raise PermissionDenied(_("Die Diskussion zu dieser Seite ist geschlossen."))
        return _add_post(user, thread, body, html)


def edit_post(user, post, body, reason=""):
    """Change a post's text, keeping the previous version in the visible edit history."""
    _require_login(user)
    viewer = Viewer.of(user)
    if not viewer.can_edit(post):
        raise PermissionDenied(_("Sie dürfen diesen Beitrag nicht bearbeiten."))
    body, html = render_body(user, body)
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if body == post.body_markdown:
            return post
        PostRevision.objects.create(
            post=post, body_markdown=post.body_markdown, body_html=post.body_html, edited_by=user
        )
        post.body_markdown, post.body_html, post.edited_at = body, html, timezone.now()
        post.save(update_fields=["body_markdown", "body_html", "edited_at"])
        if post.is_opening:
            schedule_refresh("forum_thread", post.thread_id)
        if post.author_id != user.pk:
            from network.forum.moderation import log_and_tell_author

            log_and_tell_author(user, ModerationAction.Kind.EDIT, post, reason or _("bearbeitet"))
        transaction.on_commit(lambda: realtime.announce_post(post.thread_id, post.pk, "update"))
    return post


def delete_own_post(user, post):
    """The author removes their post; it stays in the thread as "gelöscht"."""
    _require_login(user)
    if post.author_id != user.pk:
        raise PermissionDenied(_("Sie können nur eigene Beiträge löschen."))
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        if post.status == Post.Status.DELETED:
            return post
        post.status = Post.Status.DELETED
        post.save(update_fields=["status"])
        transaction.on_commit(lambda: realtime.announce_post(post.thread_id, post.pk, "update"))
    return post


def toggle_helpful(user, post):
    """Mark a post "hilfreich" or take the mark back; returns (marked, count)."""
    _require_login(user)
    viewer = Viewer.of(user)
    if not viewer.is_member or not viewer.can_view_thread(post.thread):
        raise PermissionDenied(_("Nur Mitglieder können Beiträge als hilfreich markieren."))
    if post.author_id == user.pk:
        raise ValidationError(_("Eigene Beiträge können Sie nicht als hilfreich markieren."))
    with transaction.atomic():
        deleted, _rows = HelpfulMark.objects.filter(post=post, user=user).delete()
        if deleted:
            Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") - 1)
        else:
            HelpfulMark.objects.create(post=post, user=user)
            Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + 1)
        count = Post.objects.values_list("helpful_count", flat=True).get(pk=post.pk)
    return not deleted, count


def report_post(user, post, reason):
    """Report a post; once the open reports weigh three (established members count fully,
    new accounts half: network/forum/reports.py), the post is hidden pending review."""
    _require_login(user)
    viewer = Viewer.of(user)
    if not viewer.is_member or not viewer.can_view_thread(post.thread):
        raise PermissionDenied(_("Nur Mitglieder können Beiträge melden."))
    reason = " ".join((reason or "").split())
    if len(reason) < 5:
        raise ValidationError({"reason": _("Bitte beschreiben Sie kurz, was Sie melden.")})
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationError(
            {"reason": _("Bitte höchstens %(max)d Zeichen.") % {"max": MAX_REASON_LENGTH}}
        )
    if post.author_id == user.pk:
        raise ValidationError(_("Eigene Beiträge können Sie nicht melden."))
    with transaction.atomic():
        post = Post.objects.select_for_update().select_related("thread").get(pk=post.pk)
        if PostReport.objects.filter(post=post, reporter=user).exists():
            raise ValidationError(_("Sie haben diesen Beitrag bereits gemeldet."))
        consume(
            REPORT_LIMIT,
            user.pk,
            message=_(
                "Sie haben in der letzten Stunde schon viele Beiträge gemeldet. Bitte warten "
                "Sie etwas oder schreiben Sie der Moderation direkt – Ihr Text bleibt hier "
                "stehen."
            ),
        )
        PostReport.objects.create(post=post, reporter=user, reason=reason)
        open_reports = list(
            PostReport.objects.filter(post=post, resolved_at__isnull=True).values_list(
                "created_at", "reporter__date_joined"
            )
        )
        post.report_count = len(open_reports)
        post.save(update_fields=["report_count"])
        if reports.hides_post(open_reports) and post.status == Post.Status.VISIBLE:
            from network.forum.moderation import log_and_tell_author

            post.status = Post.Status.HIDDEN
            post.hidden_reason = _("Mehrfach gemeldet, wird von der Moderation geprüft.")
            post.save(update_fields=["status", "hidden_reason"])
            log_and_tell_author(
                None, ModerationAction.Kind.AUTO_HIDE, post,
                _("%(count)d Meldungen von Mitgliedern") % {"count": post.report_count},
            )
            transaction.on_commit(
                lambda: realtime.announce_post(post.thread_id, post.pk, "update")
            )
    return post


# --- following ---------------------------------------------------------------------------


def _follow_target(thread=None, category=None, topic=None):
    given = [value for value in (thread, category, topic) if value]
    if len(given) != 1:
        raise ValidationError(
            _("Bitte genau ein Thema, eine Kategorie oder ein Schlagwort wählen.")
        )
    if topic is not None:
        topic = slugify(topic, allow_unicode=True)[:100]
        if not topic:
            raise ValidationError(_("Unbekanntes Schlagwort."))
        return {"topic": topic}
    return {"thread": thread} if thread else {"category": category}


def follow(user, thread=None, category=None, topic=None):
    _require_login(user)
    target = _follow_target(thread, category, topic)
    viewer = Viewer.of(user)
    if thread is not None and not viewer.can_view_thread(thread):
        raise PermissionDenied(_("Diesem Thema können Sie nicht folgen."))
    if category is not None and not viewer.can_view_category(category):
        raise PermissionDenied(_("Dieser Kategorie können Sie nicht folgen."))
    with transaction.atomic():
        Follow.objects.get_or_create(user=user, **target)


def unfollow(user, thread=None, category=None, topic=None):
    _require_login(user)
    Follow.objects.filter(user=user, **_follow_target(thread, category, topic)).delete()


def mention_candidates(user, query, thread=None, limit=8):
    """Members matching `query` for the @-completion; only people who may read `thread`."""
    viewer = Viewer.of(user)
    query = " ".join((query or "").split())[:60]
    if not viewer.is_member or len(query) < 2:
        return []
    from network.models import Membership, Organisation

    people = User.objects.filter(
        is_active=True,
        memberships__status=Membership.Status.ACTIVE,
        memberships__organisation__status=Organisation.Status.APPROVED,
    ).exclude(profile_visibility=User.ProfileVisibility.HIDDEN)
    for part in query.split():
        people = people.filter(Q(first_name__istartswith=part) | Q(last_name__istartswith=part))
    people = list(people.distinct().order_by("last_name", "first_name")[:limit * 2])
    if thread is not None:
        allowed = users_who_can_view(thread, [person.pk for person in people])
        people = [person for person in people if person.pk in allowed]
    return [
        {"name": person.display_name,
         "handle": markdown.mention_handle(slugify(person.display_name), person.pk)}
        for person in people[:limit]
    ]
