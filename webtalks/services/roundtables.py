"""Roundtables: what participants bring, slots, 1:1 talks and their results.

Who may do what:
- a confirmed registrant chooses which of their organisations' pain points and offers to
  bring, requests talks for their organisation, and answers or cancels its talks;
- the organiser (`webtalks.permissions.can_organise`: editors and admins of a speaker's
  organisation) adds slots, assigns talks from the overlay and records their results.

No slot is double-booked: an agreed talk books its slot for both organisations while the
slot's row is locked (`select_for_update`), and `RoundtableBooking`'s unique constraint
(slot, organisation) refuses a second booking even if two acceptances race.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from matchmaking.models import (
    ContactOutcome,
    ContactRequest,
    ContactStatus,
    Offer,
    PainPoint,
)
from network.models import Membership, NotificationKind, Organisation
from network.notifications.services import Text, notify
from network.sanitize import strip_html
from webtalks import permissions
from webtalks import roundtable_selectors as selectors
from webtalks.models import (
    Registration,
    RoundtableBooking,
    RoundtableContribution,
    RoundtableMeeting,
    RoundtableSlot,
)

MAX_MESSAGE_LENGTH = 1000
MAX_NEXT_STEP_LENGTH = 500
MAX_LABEL_LENGTH = 80
MAX_SLOTS = 24
# Against request spam: an organisation's open requests per roundtable.
MAX_OPEN_REQUESTS = 12
OPEN = (RoundtableMeeting.Status.REQUESTED, RoundtableMeeting.Status.ACCEPTED)


def _require_roundtable(event):
    if not selectors.is_roundtable(event):
        raise ValidationError(_("Diese Veranstaltung ist kein Roundtable."))


def _require_organiser(user, event):
    if not permissions.can_organise(user, event.registration_target):
        raise PermissionDenied(
            _("Nur die Redaktion und die Organisationen der Referent*innen dürfen das.")
        )


def _require_upcoming(event):
    if event.end <= timezone.now():
        raise ValidationError(_("Der Roundtable ist schon vorbei."))


def _active_member_ids(organisation_id):
    return list(Membership.objects.filter(
        organisation_id=organisation_id, status=Membership.Status.ACTIVE, user__is_active=True
    ).values_list("user_id", flat=True))


def participating_organisations_of(user, event):
    """The approved organisations through which `user` takes part (confirmed registrant)."""
    if not (user and user.is_authenticated and user.is_active):
        return []
    registrations = [r for r in selectors.confirmed_registrations(event) if r.user_id == user.pk]
    if not registrations:
        return []
    return selectors.participant_organisations(event, registrations).get(user.pk, [])


def _participants(event):
    organisations = selectors.participant_organisations(event)
    return {o.pk: o for orgs in organisations.values() for o in orgs}


# --- what participants bring ------------------------------------------------------------


def set_contributions(user, registration, keys):
    """Replace what `registration` brings by `keys` ("pp-<id>", "of-<id>"): only listed pain
    points and offers of the person's own organisations."""
    if registration.user_id is None or registration.user_id != getattr(user, "pk", None):
        raise PermissionDenied(_("Nur die angemeldete Person selbst wählt, was sie mitbringt."))
    event = registration.event
    if event is None or not selectors.is_roundtable(event):
        raise ValidationError(_("Nur zu einem Roundtable bringen Sie Bedarfe und Angebote mit."))
    pain_points, offers = selectors.own_items(user)
    allowed = {f"pp-{p.pk}": ("pain_point", p) for p in pain_points}
    allowed.update({f"of-{o.pk}": ("offer", o) for o in offers})
    keys = list(dict.fromkeys(keys or ()))
    unknown = [key for key in keys if key not in allowed]
    if unknown:
        raise ValidationError({"bring": _(
            "Bitte wählen Sie nur Bedarfe und Angebote Ihrer eigenen Organisation."
        )})
    with transaction.atomic():
        registration.contributions.all().delete()
        RoundtableContribution.objects.bulk_create(
            RoundtableContribution(registration=registration, **{allowed[key][0]: allowed[key][1]})
            for key in keys
        )
    return len(keys)


def set_own_contributions(user, event, keys):
    """A registrant changes what they bring, from their plan."""
    registration = (Registration.objects.for_session(event).active().filter(user=user)
                    .select_related("event").first()
                    if user and user.is_authenticated else None)
    if registration is None:
        raise PermissionDenied(_("Sie sind für diesen Roundtable nicht angemeldet."))
    _require_upcoming(event)
    return set_contributions(user, registration, keys)


# --- slots ------------------------------------------------------------------------------


def add_slot(user, event, *, start, end, label=""):
    _require_roundtable(event)
    _require_organiser(user, event)
    _require_upcoming(event)
    label = strip_html(label or "").strip()
    errors = {}
    if not start:
        errors["start"] = _("Bitte geben Sie den Beginn an.")
    if not end:
        errors["end"] = _("Bitte geben Sie das Ende an.")
    if start and end:
        if end <= start:
            errors["end"] = _("Das Ende muss nach dem Beginn liegen.")
        elif start < event.start or end > event.end:
            errors["start"] = _(
                "Das Zeitfenster muss innerhalb der Veranstaltung liegen (%(start)s – %(end)s)."
            ) % {
                "start": formats.date_format(
                    timezone.localtime(event.start), "DATE_WITH_TIME_FORMAT"
                ),
                "end": formats.time_format(timezone.localtime(event.end), "H:i"),
            }
    if len(label) > MAX_LABEL_LENGTH:
        errors["label"] = _("Die Bezeichnung ist zu lang (höchstens %(n)s Zeichen).") % {
            "n": MAX_LABEL_LENGTH
        }
    if errors:
        raise ValidationError(errors)
    if RoundtableSlot.objects.filter(event=event).count() >= MAX_SLOTS:
        raise ValidationError(_("Mehr als %(n)s Zeitfenster sind nicht möglich.") % {
            "n": MAX_SLOTS
        })
    try:
        with transaction.atomic():
            return RoundtableSlot.objects.create(event=event, start=start, end=end, label=label)
    except IntegrityError:
        raise ValidationError({"start": _("Zu diesem Beginn gibt es schon ein Zeitfenster.")}) \
            from None


# --- talks ------------------------------------------------------------------------------


def _slot_of(event, slot):
    slot_id = getattr(slot, "pk", slot)
    found = RoundtableSlot.objects.filter(event=event, pk=slot_id).first()
    if found is None:
        raise ValidationError({"slot": _("Bitte wählen Sie ein Zeitfenster dieses Roundtables.")})
    return found


def _pair(pain_point, offer, requester, recipient):
    """The overlay pair a talk is about, if it belongs to the two organisations."""
    if pain_point is None or offer is None:
        return None, None
    if {pain_point.organisation_id, offer.organisation_id} != {requester.pk, recipient.pk}:
        raise ValidationError(_("Bedarf und Angebot gehören nicht zu diesen beiden "
                                "Organisationen."))
    return pain_point, offer


def _book(meeting):
    """Agree on `meeting`: book its slot for both organisations. Call inside a transaction."""
    slot = RoundtableSlot.objects.select_for_update().get(pk=meeting.slot_id)
    taken = set(RoundtableBooking.objects.filter(
        slot=slot, organisation_id__in=meeting.organisation_ids()
    ).values_list("organisation_id", flat=True))
    if taken:
        raise ValidationError(_(
            "In diesem Zeitfenster hat %(who)s schon ein Gespräch. Bitte wählen Sie ein anderes."
        ) % {"who": _("Ihre Organisation") if meeting.recipient_id in taken
             else meeting.requester.name})
    try:
        with transaction.atomic():
            RoundtableBooking.objects.bulk_create([
                RoundtableBooking(slot=slot, organisation_id=organisation_id, meeting=meeting)
                for organisation_id in sorted(meeting.organisation_ids())
            ])
    except IntegrityError:
        raise ValidationError(_(
            "Dieses Zeitfenster wurde gerade anderweitig vergeben. Bitte wählen Sie ein anderes."
        )) from None
    meeting.status = RoundtableMeeting.Status.ACCEPTED
    meeting.answered_at = timezone.now()
    meeting.save(update_fields=["status", "answered_at"])
    return meeting


def _plan_url(event):
    return reverse("roundtables:plan", args=[event.pk])


def request_meeting(user, event, *, slot, recipient, requester=None, pain_point=None,
                    offer=None, message=""):
    """A participant asks another participating organisation for a talk in `slot`."""
    _require_roundtable(event)
    mine = participating_organisations_of(user, event)
    if not mine:
        raise PermissionDenied(_("Gespräche vereinbaren angemeldete Teilnehmende des "
                                 "Roundtables für ihre Organisation."))
    _require_upcoming(event)
    requester = requester or mine[0]
    if requester.pk not in {o.pk for o in mine}:
        raise PermissionDenied(_("Sie fragen nur für Ihre eigene Organisation an."))
    participants = _participants(event)
    recipient_id = getattr(recipient, "pk", recipient)
    if recipient_id not in participants:
        raise ValidationError({"recipient": _("Diese Organisation nimmt nicht am Roundtable "
                                              "teil.")})
    recipient = participants[recipient_id]
    if recipient.pk == requester.pk:
        raise ValidationError({"recipient": _("Bitte wählen Sie eine andere Organisation.")})
    slot = _slot_of(event, slot)
    pain_point, offer = _pair(pain_point, offer, requester, recipient)
    message = strip_html(message or "").strip()
    if len(message) > MAX_MESSAGE_LENGTH:
        raise ValidationError({"message": _("Bitte höchstens %(n)s Zeichen.") % {
            "n": MAX_MESSAGE_LENGTH}})
    open_requests = RoundtableMeeting.objects.filter(
        event=event, requester=requester, status=RoundtableMeeting.Status.REQUESTED
    ).count()
    if open_requests >= MAX_OPEN_REQUESTS:
        raise ValidationError(_(
            "Ihre Organisation hat schon %(n)s offene Anfragen. Bitte warten Sie Antworten ab."
        ) % {"n": MAX_OPEN_REQUESTS})
    both = (requester, recipient)
    if RoundtableBooking.objects.filter(slot=slot, organisation__in=both).exists():
        raise ValidationError({"slot": _(
            "In diesem Zeitfenster ist eine der beiden Organisationen schon verabredet."
        )})
    try:
        with transaction.atomic():
            meeting = RoundtableMeeting.objects.create(
                event=event, slot=slot, requester=requester, recipient=recipient,
                requested_by=user, pain_point=pain_point, offer=offer, message=message,
            )
            notify(_active_member_ids(recipient.pk), NotificationKind.CONTACT,
                   Text(gettext_noop("%(organisation)s möchte Sie beim Roundtable "
                                     "„%(event)s“ sprechen (%(slot)s)."),
                        organisation=requester.name, event=event.title, slot=_slot_text(slot)),
                   _plan_url(event))
    except IntegrityError:
        raise ValidationError(_("Diese Anfrage für dieses Zeitfenster besteht schon.")) from None
    return meeting


def _slot_text(slot):
    return slot.label or formats.time_format(timezone.localtime(slot.start), "H:i")


def _locked_meeting(meeting):
    return RoundtableMeeting.objects.select_for_update(of=("self",)).select_related(
        "event", "slot", "requester", "recipient", "pain_point", "offer"
    ).get(pk=meeting.pk)


def _member_ids(user, organisation_ids):
    if not (user and user.is_authenticated and user.is_active):
        return set()
    return set(Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE, organisation_id__in=organisation_ids,
        organisation__status=Organisation.Status.APPROVED,
    ).values_list("organisation_id", flat=True))


def answer_meeting(user, meeting, accept):
    """The asked organisation accepts (books the slot for both) or declines."""
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        if meeting.recipient_id not in _member_ids(user, [meeting.recipient_id]):
            raise PermissionDenied(_("Auf diese Anfrage antworten Mitglieder von "
                                     "%(organisation)s.") % {
                "organisation": meeting.recipient.name})
        _require_upcoming(meeting.event)
        if meeting.status != RoundtableMeeting.Status.REQUESTED:
            raise ValidationError(_("Diese Anfrage ist bereits %(status)s.") % {
                "status": meeting.get_status_display()})
        if accept:
            _book(meeting)
            text = gettext_noop("%(organisation)s hat Ihr Gespräch beim Roundtable „%(event)s“ um "
                         "%(slot)s angenommen.")
        else:
            meeting.status = RoundtableMeeting.Status.DECLINED
            meeting.answered_at = timezone.now()
            meeting.save(update_fields=["status", "answered_at"])
            text = gettext_noop(
                "%(organisation)s kann beim Roundtable „%(event)s“ um %(slot)s nicht.")
        notify(_active_member_ids(meeting.requester_id), NotificationKind.CONTACT,
               Text(text, organisation=meeting.recipient.name, event=meeting.event.title,
                    slot=_slot_text(meeting.slot)),
               _plan_url(meeting.event))
    return meeting


def cancel_meeting(user, meeting):
    """Either side (or the organiser) calls off a requested or agreed talk; the slot is free
    again for both."""
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        is_side = bool(_member_ids(user, meeting.organisation_ids()))
        if not is_side:
            _require_organiser(user, meeting.event)
        _require_upcoming(meeting.event)
        if meeting.status not in OPEN:
            raise ValidationError(_("Dieses Gespräch ist bereits %(status)s.") % {
                "status": meeting.get_status_display()})
        meeting.bookings.all().delete()
        meeting.status = RoundtableMeeting.Status.CANCELLED
        meeting.answered_at = timezone.now()
        meeting.save(update_fields=["status", "answered_at"])
        others = meeting.organisation_ids() - _member_ids(user, meeting.organisation_ids())
        notify([uid for oid in sorted(others) for uid in _active_member_ids(oid)],
               NotificationKind.CONTACT,
               Text(gettext_noop(
                   "Das Gespräch beim Roundtable „%(event)s“ um %(slot)s ist abgesagt."),
                    event=meeting.event.title, slot=_slot_text(meeting.slot)),
               _plan_url(meeting.event))
    return meeting


def assign_meeting(user, event, *, slot, pain_point, offer):
    """The organiser seats a pair of the overlay at a 1:1 table in `slot`: agreed at once,
    both organisations see it in their plan and may call it off."""
    _require_roundtable(event)
    _require_organiser(user, event)
    _require_upcoming(event)
    participants = _participants(event)
    pain_point = PainPoint.objects.select_related("organisation").filter(
        pk=getattr(pain_point, "pk", pain_point)).first()
    offer = Offer.objects.select_related("organisation").filter(
        pk=getattr(offer, "pk", offer)).first()
    if (pain_point is None or offer is None
            or pain_point.organisation_id not in participants
            or offer.organisation_id not in participants):
        raise ValidationError(_("Bedarf und Angebot müssen von Teilnehmenden stammen."))
    if pain_point.organisation_id == offer.organisation_id:
        raise ValidationError(_("Bedarf und Angebot gehören derselben Organisation."))
    slot = _slot_of(event, slot)
    with transaction.atomic():
        # Lock the slot before the new talk's row references it: that insert takes a key
        # share lock on the slot, and two of them would deadlock on the lock in `_book`.
        slot = RoundtableSlot.objects.select_for_update().get(pk=slot.pk)
        meeting = RoundtableMeeting.objects.create(
            event=event, slot=slot, requester=pain_point.organisation,
            recipient=offer.organisation, requested_by=user, pain_point=pain_point, offer=offer,
            by_organiser=True,
        )
        _book(meeting)
        notify([uid for oid in sorted(meeting.organisation_ids())
                for uid in _active_member_ids(oid)],
               NotificationKind.CONTACT,
               Text(gettext_noop("Beim Roundtable „%(event)s“ sind Sie um %(slot)s zu einem "
                                 "Gespräch eingeteilt."), event=event.title,
                    slot=_slot_text(slot)),
               _plan_url(event))
    return meeting


# --- after the event --------------------------------------------------------------------


def record_meeting_result(user, meeting, *, meets_again, next_step=""):
    """The organiser notes what came of an agreed talk. It appears in the Nachlese; when the
    two meet again about a pain point and an offer, the pair's contact request records it."""
    next_step = strip_html(next_step or "").strip()
    if len(next_step) > MAX_NEXT_STEP_LENGTH:
        raise ValidationError({"next_step": _("Bitte höchstens %(n)s Zeichen.") % {
            "n": MAX_NEXT_STEP_LENGTH}})
    if meets_again not in (True, False):
        raise ValidationError({"meets_again": _("Bitte geben Sie an, ob sich beide wieder "
                                                "treffen.")})
    with transaction.atomic():
        meeting = _locked_meeting(meeting)
        _require_organiser(user, meeting.event)
        if meeting.event.start > timezone.now():
            raise ValidationError(_("Ergebnisse lassen sich erst ab Beginn des Roundtables "
                                    "eintragen."))
        if meeting.status != RoundtableMeeting.Status.ACCEPTED:
            raise ValidationError(_("Ergebnisse gibt es nur für vereinbarte Gespräche."))
        meeting.meets_again = meets_again
        meeting.next_step = next_step
        meeting.result_recorded_at = timezone.now()
        meeting.result_recorded_by = user
        meeting.save(update_fields=["meets_again", "next_step", "result_recorded_at",
                                    "result_recorded_by"])
        if meets_again:
            record_contact_outcome(user, meeting)
    return meeting


def record_contact_outcome(user, meeting, *, tell_members=True):
    """The two sides talked at the roundtable and meet again: the pair's contact request
    says "Gespräch geführt". An agreed request without an outcome gets it (a later outcome
    such as "Pilot gestartet" is kept); an open request stays for its recipients to answer,
    as the contact-request services require; without any, an agreed one is created, since
    both sides already met in person. Returns the request, or None without a pair.
    `tell_members=False` (the demo) records it without notifying anyone."""
    pain_point, offer = meeting.pain_point, meeting.offer
    if pain_point is None or offer is None:
        return None
    if {pain_point.organisation_id, offer.organisation_id} != meeting.organisation_ids():
        return None
    now = timezone.now()
    live = (ContactRequest.objects.select_for_update()
            .filter(pain_point=pain_point, offer=offer,
                    status__in=(ContactStatus.PENDING, ContactStatus.ACCEPTED)).first())
    if live is not None:
        if live.status == ContactStatus.ACCEPTED and not live.outcome:
            live.outcome = ContactOutcome.TALKED
            live.outcome_at = now
            live.save(update_fields=["outcome", "outcome_at"])
        return live
    sender_organisation = meeting.requester
    recipient_organisation = meeting.recipient
    text = _("Beim Roundtable „%(event)s“ am %(date)s gesprochen.") % {
        "event": meeting.event.title,
        "date": formats.date_format(timezone.localtime(meeting.event.start), "DATE_FORMAT"),
    }
    if meeting.next_step:
        text += " " + _("Als Nächstes: %(step)s") % {"step": meeting.next_step}
    try:
        with transaction.atomic():
            request = ContactRequest.objects.create(
                pain_point=pain_point, offer=offer,
                sender=meeting.requested_by or user,
                sender_organisation=sender_organisation,
                recipient_organisation=recipient_organisation,
                message=text[:2000], status=ContactStatus.ACCEPTED, answered_at=now,
                outcome=ContactOutcome.TALKED, outcome_at=now,
            )
    except IntegrityError:
        # Someone opened a request for the pair meanwhile: leave it to them.
        return ContactRequest.objects.filter(
            pain_point=pain_point, offer=offer,
            status__in=(ContactStatus.PENDING, ContactStatus.ACCEPTED)).first()
    if not tell_members:
        return request
    notify([uid for oid in sorted(meeting.organisation_ids()) for uid in _active_member_ids(oid)],
           NotificationKind.CONTACT,
           Text(gettext_noop("Nach dem Roundtable „%(event)s“: Ihr Kontakt zu „%(need)s“ und "
                      "„%(offer)s“ ist im Matching vermerkt."),
                event=meeting.event.title, need=pain_point.title, offer=offer.title),
           reverse("matchmaking:contact", args=[request.pk]))
    return request
