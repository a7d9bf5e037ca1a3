"""Telling people of a new match near the top of their list.

When a pain point or offer is created or changed, the other side's lists it enters at
one of the first `NOTICE_TOP` places are told once per pair (in the app and by e-mail,
kind "match"), so a provider hears of the town that needs its sensor without watching
the dashboard. Recomputing everything (`recompute_all`, the demo) tells no one.
"""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_noop

from matchmaking.models import Direction, MatchNotice, StoredMatch
from network.models import Membership, NotificationKind
from network.notifications.services import Text, notify

NOTICE_TOP = 3


def active_member_ids(organisation_id):
    """Whom to tell about something that concerns an organisation."""
    return list(Membership.objects.filter(
        organisation_id=organisation_id, status=Membership.Status.ACTIVE, user__is_active=True
    ).values_list("user_id", flat=True))


def _message(row):
    if row.direction == Direction.FOR_OFFER:
        pain_point = row.pain_point
        return (Text(gettext_noop("Neuer passender Bedarf für „%(offer)s“: %(need)s (%(town)s)"),
                     offer=row.offer.title, need=pain_point.title,
                     town=pain_point.organisation.name),
                pain_point.get_absolute_url(), row.offer.organisation_id)
    offer = row.offer
    return (Text(gettext_noop("Neues passendes Angebot für „%(need)s“: %(offer)s (%(provider)s)"),
                 need=row.pain_point.title, offer=offer.title,
                 provider=offer.organisation.name),
            offer.get_absolute_url(), row.pain_point.organisation_id)


def tell_about_new_matches(direction, changed_id):
    """`changed_id` changed; tell the owners of lists (direction `direction`, the opposite
    side's lists) that now show it near the top, if they were not told before."""
    changed_field = "pain_point_id" if direction == Direction.FOR_OFFER else "offer_id"
    rows = StoredMatch.objects.filter(
        direction=direction, position__lte=NOTICE_TOP, **{changed_field: changed_id}
    ).select_related("pain_point__organisation", "offer__organisation")
    told = 0
    for row in rows:
        try:
            with transaction.atomic():
                MatchNotice.objects.create(direction=direction, pain_point_id=row.pain_point_id,
                                           offer_id=row.offer_id)
                message, url, organisation_id = _message(row)
                notify(active_member_ids(organisation_id), NotificationKind.MATCH, message, url)
        except IntegrityError:
            continue  # told before
        told += 1
    return told
