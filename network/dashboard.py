"""Reads of the editors' dashboard ("Kennzahlen" in the Wagtail admin).

Every figure is one aggregate query (GROUP BY or conditional counts), so the dashboard
costs the same handful of queries with ten members or ten thousand. Events and matching
are optional apps here, like on the home page: their blocks disappear when absent.
Only counts leave this module, no names or addresses.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import Bundesland, Membership, Organisation, Subscription, SubscriptionStatus

UPCOMING_EVENTS = 10


def can_view_dashboard(user):
    """Everyone with access to the Wagtail admin (editors, moderators, administrators):
    the page shows aggregate counts only."""
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def member_figures():
    users = get_user_model().objects.filter(is_active=True).aggregate(
        accounts=Count("pk"),
        members=Count(
            "pk",
            filter=Q(
                memberships__status=Membership.Status.ACTIVE,
                memberships__organisation__status=Organisation.Status.APPROVED,
            ),
            distinct=True,
        ),
    )
    organisations = Organisation.objects.aggregate(
        approved=Count("pk", filter=Q(status=Organisation.Status.APPROVED)),
        pending=Count("pk", filter=Q(status=Organisation.Status.PENDING)),
    )
    return {**users, **organisations}


def _labelled(rows, field, choices):
    """[(label, count)] in the order of `choices`, leaving out zeros."""
    found = {row[field]: row["count"] for row in rows}
    return [(label, found[value]) for value, label in choices if found.get(value)]


def organisations_by_kind():
    rows = (
        Organisation.objects.approved().order_by().values("kind").annotate(count=Count("pk"))
    )
    return _labelled(rows, "kind", Organisation.Kind.choices)


def organisations_by_bundesland():
    rows = (
        Organisation.objects.approved()
        .exclude(bundesland="")
        .order_by()
        .values("bundesland")
        .annotate(count=Count("pk"))
    )
    return _labelled(rows, "bundesland", sorted(Bundesland.choices, key=lambda c: c[1]))


def event_registrations(limit=UPCOMING_EVENTS):
    """The next `limit` events with confirmed and waiting registrations and capacity."""
    if not apps.is_installed("webtalks"):
        return None
    from webtalks.models import EventPage, Registration

    events = (
        EventPage.objects.live()
        .filter(start__gt=timezone.now())
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.CONFIRMED)
            ),
            waitlisted=Count(
                "registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED)
            ),
        )
        .order_by("start", "pk")
        .only("pk", "title", "start", "capacity")[:limit]
    )
    return [
        {
            "title": event.title,
            "start": event.start,
            "capacity": event.capacity,
            "confirmed": event.confirmed,
            "waitlisted": event.waitlisted,
        }
        for event in events
    ]


def matching_outcomes():
    """How far contact requests got, as a funnel: each step counts the requests that
    reached at least that step (a pilot was also a conversation)."""
    if not apps.is_installed("matchmaking"):
        return None
    from matchmaking.models import ContactOutcome, ContactRequest, ContactStatus

    reached_talk = [ContactOutcome.TALKED, ContactOutcome.PILOT, ContactOutcome.IMPLEMENTED]
    figures = ContactRequest.objects.aggregate(
        sent=Count("pk"),
        accepted=Count("pk", filter=Q(status=ContactStatus.ACCEPTED)),
        talked=Count("pk", filter=Q(outcome__in=reached_talk)),
        pilot=Count("pk", filter=Q(outcome__in=reached_talk[1:])),
        implemented=Count("pk", filter=Q(outcome=ContactOutcome.IMPLEMENTED)),
    )
    return [
        (_("Kontakt angefragt"), figures["sent"]),
        (_("angenommen"), figures["accepted"]),
        (_("Gespräch geführt"), figures["talked"]),
        (_("Pilot gestartet"), figures["pilot"]),
        (_("umgesetzt"), figures["implemented"]),
    ]


def digest_subscribers():
    figures = Subscription.objects.aggregate(
        confirmed=Count("pk", filter=Q(status=SubscriptionStatus.CONFIRMED)),
        personal=Count(
            "pk", filter=Q(status=SubscriptionStatus.CONFIRMED, personal=True)
        ),
        pending=Count("pk", filter=Q(status=SubscriptionStatus.PENDING)),
        unsubscribed=Count("pk", filter=Q(status=SubscriptionStatus.UNSUBSCRIBED)),
    )
    return [
        (_("bestätigt"), figures["confirmed"]),
        (_("davon mit „Für Sie“"), figures["personal"]),
        (_("wartet auf Bestätigung"), figures["pending"]),
        (_("abbestellt"), figures["unsubscribed"]),
    ]


def dashboard():
    """Everything the dashboard shows, as plain numbers."""
    return {
        "members": member_figures(),
        "by_kind": organisations_by_kind(),
        "by_land": organisations_by_bundesland(),
        "events": event_registrations(),
        "outcomes": matching_outcomes(),
        "subscribers": digest_subscribers(),
    }
