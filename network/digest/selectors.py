"""Reads of the digest: what is new since the last issue (the proposal), the archive, and
the personal parts "Für Sie" for a batch of members (constant queries per batch)."""

from collections import defaultdict
from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from network.models import (
    ConsentRecord,
    DigestIssue,
    IssueStatus,
    ItemKind,
    Organisation,
    Subscription,
    SubscriptionStatus,
)

EVENT_WINDOW = timedelta(days=21)
FUNDING_WINDOW = timedelta(days=42)
# Without an earlier issue, "new" means the last two weeks.
FIRST_ISSUE_WINDOW = timedelta(days=14)
MAX_BOUNCES = 3


def _day(value):
    return date_format(timezone.localtime(value), "WEEKDAY_DATETIME_FORMAT") + " " + _("Uhr")


def last_sent_at():
    issue = (
        DigestIssue.objects.filter(status=IssueStatus.SENT, personal_only=False)
        .exclude(sent_at=None).order_by("-sent_at").only("sent_at").first()
    )
    return issue.sent_at if issue else None


def public_issues():
    return DigestIssue.objects.filter(status=IssueStatus.SENT, personal_only=False).order_by(
        "-sent_at", "-pk"
    )


def public_issue(slug):
    return public_issues().prefetch_related("items").filter(slug=slug).first()


def proposal(since=None, now=None):
    """Items for a new issue: everything new since `since` (default: the last sent issue),
    in the order the mail shows them. Plain dicts, saved as item snapshots."""
    from bestpractice.models import ArticleKind
    from bestpractice.selectors import live_articles, live_case_studies
    from matchmaking.models import FundingProgramme
    from webtalks.selectors import live_events

    now = now or timezone.now()
    since = since or last_sent_at() or now - FIRST_ISSUE_WINDOW
    items = []
    impulse = (
        live_articles().filter(kind=ArticleKind.IMPULSE, first_published_at__gt=since)
        .order_by("-first_published_at", "-pk").first()
    )
    if impulse:
        byline = ", ".join(part for part in (impulse.author_name, impulse.author_role) if part)
        items.append({
            "kind": ItemKind.IMPULSE, "title": impulse.title, "text": impulse.intro,
            "meta": byline, "url": impulse.get_url(),
            "link_label": _("Lesen und mitdiskutieren"), "source": f"article:{impulse.pk}",
        })
    news = live_articles().filter(kind=ArticleKind.NEWS, first_published_at__gt=since).order_by(
        "-first_published_at", "-pk"
    )
    for article in news:
        items.append({
            "kind": ItemKind.NEWS, "title": article.title, "text": article.intro, "meta": "",
            "url": article.get_url(), "link_label": _("Weiterlesen"),
            "source": f"article:{article.pk}",
        })
    events = live_events().filter(start__gt=now, start__lte=now + EVENT_WINDOW).order_by("start")
    for event in events:
        items.append({
            "kind": ItemKind.EVENT, "title": event.title, "text": event.intro,
            "meta": f"{event.get_kind_display()} · {_day(event.start)}",
            "url": f"{event.get_url()}#registration-title", "link_label": _("Jetzt anmelden"),
            "source": f"event:{event.pk}",
        })
    cases = live_case_studies().filter(first_published_at__gt=since).select_related(
        "organisation"
    ).order_by("-first_published_at", "-pk")
    for case in cases:
        items.append({
            "kind": ItemKind.CASE_STUDY, "title": case.title, "text": case.summary,
            "meta": case.organisation.name if case.organisation_id else "",
            "url": case.get_url(), "link_label": _("Zum Praxisbeispiel"),
            "source": f"case_study:{case.pk}",
        })
    organisations = Organisation.objects.approved().filter(reviewed_at__gt=since).order_by(
        "name"
    )
    for organisation in organisations:
        items.append({
            "kind": ItemKind.ORGANISATION, "title": organisation.name, "text": "",
            "meta": " · ".join(
                part for part in (organisation.get_kind_display(), organisation.town) if part
            ),
            "url": organisation.get_absolute_url(), "link_label": _("Zum Profil"),
            "source": f"organisation:{organisation.pk}",
        })
    today = timezone.localdate(now)
    programmes = FundingProgramme.objects.filter(
        deadline__gte=today, deadline__lte=today + FUNDING_WINDOW
    ).order_by("deadline", "name")
    for programme in programmes:
        items.append({
            "kind": ItemKind.FUNDING, "title": programme.name,
            "text": programme.description[:300],
            "meta": _("Antragsfrist: %(date)s") % {
                "date": date_format(programme.deadline, "DATE_FORMAT")
            },
            "url": programme.url, "link_label": _("Zum Programm"),
            "source": f"funding:{programme.pk}",
        })
    return items


def grouped_items(issue):
    """[(kind label, [items])] in the editor's order, a heading per run of one kind."""
    groups = []
    for item in issue.items.all():
        label = item.get_kind_display()
        if groups and groups[-1][0] == label:
            groups[-1][1].append(item)
        else:
            groups.append((label, [item]))
    return groups


def active_recipients(issue):
    """Subscriptions that get `issue`: confirmed, fewer than three permanent refusals; an
    editorial issue goes to those who want it, a personal-only one to those with `personal`."""
    subscriptions = Subscription.objects.filter(
        status=SubscriptionStatus.CONFIRMED, bounce_count__lt=MAX_BOUNCES
    )
    if issue.personal_only:
        return subscriptions.filter(personal=True, user__isnull=False)
    return subscriptions.filter(Q(editorial=True) | Q(personal=True, user__isnull=False))


def consent_counts():
    """{(purpose, action): count} for the editors' overview."""
    rows = ConsentRecord.objects.values("purpose", "action").annotate(n=Count("pk"))
    return {(row["purpose"], row["action"]): row["n"] for row in rows}


def subscription_counts():
    rows = Subscription.objects.values("status").annotate(n=Count("pk"))
    counts = {row["status"]: row["n"] for row in rows}
    counts["personal"] = Subscription.objects.filter(
        status=SubscriptionStatus.CONFIRMED, personal=True
    ).count()
    return counts


# --- the personal part "Für Sie" ---------------------------------------------------------


def personal_parts(user_ids, since, now=None):
    """{user_id: [(heading, [line dicts])]} for a batch of members; sections without
    content are left out, members without any section are missing from the result.

    The number of queries is fixed per batch, whatever the number of members and items."""
    from matchmaking.models import ContactRequest, ContactStatus, FundingProgramme, StoredMatch
    from network.models import Follow, Membership, Post
    from webtalks.models import Registration

    now = now or timezone.now()
    user_ids = list(user_ids)
    if not user_ids:
        return {}
    memberships = list(
        Membership.objects.filter(
            user_id__in=user_ids, status=Membership.Status.ACTIVE,
            organisation__status=Organisation.Status.APPROVED,
        ).values_list("user_id", "organisation_id", "organisation__bundesland")
    )
    orgs_of = defaultdict(set)
    laender_of = defaultdict(set)
    for user_id, org_id, land in memberships:
        orgs_of[user_id].add(org_id)
        laender_of[user_id].add(land)
    all_orgs = {org for orgs in orgs_of.values() for org in orgs}
    sections = defaultdict(dict)

    # New top matches (top three) for the organisation's pain points and offers.
    matches = (
        StoredMatch.objects.filter(computed_at__gt=since, position__lt=3)
        .filter(
            Q(direction="for_pain_point", pain_point__organisation_id__in=all_orgs)
            | Q(direction="for_offer", offer__organisation_id__in=all_orgs)
        )
        .select_related("pain_point", "offer__organisation", "pain_point__organisation")
        .order_by("position")
    )
    match_lines = defaultdict(list)
    for match in matches:
        if match.direction == "for_pain_point":
            owner, mine, other = match.pain_point.organisation_id, match.pain_point, match.offer
        else:
            owner, mine, other = match.offer.organisation_id, match.offer, match.pain_point
        match_lines[owner].append({
            "title": other.title,
            "meta": _("passt zu „%(mine)s“ · %(org)s") % {
                "mine": mine.title, "org": other.organisation.name,
            },
            "url": mine.get_absolute_url() if hasattr(mine, "get_absolute_url") else "",
        })

    # New replies in followed threads (not the member's own).
    follows = list(
        Follow.objects.filter(user_id__in=user_ids, thread__isnull=False).values_list(
            "user_id", "thread_id"
        )
    )
    thread_ids = {thread_id for _user, thread_id in follows}
    replies = (
        Post.objects.filter(
            thread_id__in=thread_ids, created_at__gt=since, status=Post.Status.VISIBLE,
            is_opening=False,
        )
        .values("thread_id", "thread__title", "author_id")
        .annotate(n=Count("pk"))
    )
    reply_counts = defaultdict(list)
    for row in replies:
        reply_counts[row["thread_id"]].append(row)
    thread_urls = {
        thread_id: reverse("network:forum:thread", kwargs={"pk": thread_id})
        for thread_id in thread_ids
    }

    # Registered upcoming events (next three weeks).
    registrations = (
        Registration.objects.filter(user_id__in=user_ids, event__start__gt=now,
                                    event__start__lte=now + EVENT_WINDOW)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event").order_by("event__start")
    )
    events_of = defaultdict(list)
    for registration in registrations:
        event = registration.event
        events_of[registration.user_id].append({
            "title": event.title,
            "meta": f"{_day(event.start)} · {registration.get_status_display()}",
            "url": event.get_url(),
        })

    # Funding deadlines in the member's Bundesland in the next weeks.
    today = timezone.localdate(now)
    programmes = list(
        FundingProgramme.objects.filter(deadline__gte=today,
                                        deadline__lte=today + FUNDING_WINDOW)
        .only("name", "deadline", "url", "bundeslaender").order_by("deadline")
    )

    # Contact requests waiting for the organisation's answer.
    waiting = (
        ContactRequest.objects.filter(
            recipient_organisation_id__in=all_orgs, status=ContactStatus.PENDING
        )
        .values("recipient_organisation_id").annotate(n=Count("pk"))
    )
    waiting_of = {row["recipient_organisation_id"]: row["n"] for row in waiting}

    for user_id in user_ids:
        lines = [line for org in sorted(orgs_of.get(user_id, ())) for line in match_lines[org]]
        if lines:
            sections[user_id]["matches"] = lines[:5]
        lines = []
        for follower, thread_id in follows:
            if follower != user_id:
                continue
            count = sum(r["n"] for r in reply_counts[thread_id] if r["author_id"] != user_id)
            if count:
                title = reply_counts[thread_id][0]["thread__title"]
                lines.append({
                    "title": title,
                    "meta": _("%(n)s neue Antworten") % {"n": count} if count > 1
                    else _("1 neue Antwort"),
                    "url": thread_urls.get(thread_id, ""),
                })
        if lines:
            sections[user_id]["replies"] = lines
        if events_of.get(user_id):
            sections[user_id]["events"] = events_of[user_id]
        laender = laender_of.get(user_id)
        if laender:
            lines = [
                {
                    "title": programme.name,
                    "meta": _("Antragsfrist: %(date)s") % {
                        "date": date_format(programme.deadline, "DATE_FORMAT")
                    },
                    "url": programme.url,
                }
                for programme in programmes
                if not programme.bundeslaender or laender & set(programme.bundeslaender)
            ]
            if lines:
                sections[user_id]["funding"] = lines[:5]
        pending = sum(waiting_of.get(org, 0) for org in orgs_of.get(user_id, ()))
        if pending:
            sections[user_id]["contacts"] = [{
                "title": _("%(n)s Kontaktanfrage(n) warten auf Ihre Antwort") % {"n": pending},
                "meta": "", "url": "/matching/",
            }]
    headings = {
        "matches": _("Neue passende Treffer für Ihre Organisation"),
        "replies": _("Neue Antworten in Themen, denen Sie folgen"),
        "events": _("Ihre nächsten Veranstaltungen"),
        "funding": _("Förderfristen in Ihrem Bundesland"),
        "contacts": _("Kontaktanfragen"),
    }
    order = ["matches", "replies", "events", "funding", "contacts"]
    return {
        user_id: [(headings[key], parts[key]) for key in order if key in parts]
        for user_id, parts in sections.items()
        if parts
    }

