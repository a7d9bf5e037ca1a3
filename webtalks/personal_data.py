"""Personal data of the events app (see network.personal_data).

On deletion every active registration is cancelled through the ordinary cancellation
service, so a freed seat goes to the waitlist, and then the registrations, reminders, the
calendar feed, live-room messages, upvotes and presences go. Visitors reach the same for
their e-mail address through the signed link in their registration mails.

Roundtables: what a person brings (`RoundtableContribution`) belongs to their registration
and goes with it. Talks belong to the two organisations and stay, so the other side keeps
its agreed talk: like a contact request, the person who asked (or, as organiser, assigned
or recorded a result) is removed and their name is taken out of the message and the noted
next step ("ehemaliges Mitglied"). A talk of an organisation that goes with the account
(only member) goes with it, as its contact requests do.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from network.models import Membership
from webtalks.models import (
    CalendarFeed,
    LiveMessage,
    LivePresence,
    QuestionUpvote,
    Registration,
    RoundtableContribution,
    RoundtableMeeting,
)
from webtalks.services.registration import cancel_before_erasure


def _registrations(query):
    return (
        Registration.objects.filter(query)
        .select_related("event", "series")
        .order_by("created_at", "pk")
    )


def _registration_rows(registrations):
    return [
        {
            "veranstaltung": r.target.title,
            "link": r.target.url or "",
            "name": r.name,
            "email": r.email,
            "status": r.get_status_display(),
            "antworten": r.answers,
            "angemeldet": r.created_at,
            "abgemeldet": r.cancelled_at,
            "teilgenommen": r.attended,
        }
        for r in registrations
    ]


def _feed_rows(emails):
    return [
        {"email": f.email, "angelegt": f.created_at}
        for f in CalendarFeed.objects.filter(email__in=emails)
    ]


def _user_query(user):
    return Q(user=user) | Q(email__iexact=user.email)


def _item_title(item):
    return f"{item.title} ({item.organisation.name})" if item is not None else ""


def _roundtable_contributions(user):
    contributions = (
        RoundtableContribution.objects.filter(registration__in=_registrations(_user_query(user)))
        .select_related("registration__event", "pain_point__organisation",
                        "offer__organisation")
        .order_by("created_at", "pk")
    )
    return [
        {"veranstaltung": c.registration.target.title,
         "art": _("Bedarf") if c.pain_point_id else _("Lösungsangebot"),
         "titel": (c.pain_point or c.offer).title,
         "organisation": (c.pain_point or c.offer).organisation.name,
         "angelegt": c.created_at}
        for c in contributions
    ]


def _roundtable_meetings(user):
    """Talks the person asked for or assigned, and talks asked of one of their organisations
    at a roundtable they are registered for."""
    own_organisations = Membership.objects.filter(
        user=user, status=Membership.Status.ACTIVE).values("organisation_id")
    registered_events = Registration.objects.filter(
        user=user, event__isnull=False).values("event_id")
    meetings = (
        RoundtableMeeting.objects.filter(
            Q(requested_by=user)
            | Q(recipient_id__in=own_organisations, event_id__in=registered_events))
        .select_related("event", "slot", "requester", "recipient", "pain_point__organisation",
                        "offer__organisation")
        .order_by("slot__start", "pk")
    )
    rows = []
    for m in meetings:
        if m.requested_by_id == user.pk:
            role = _("von Ihnen eingeteilt") if m.by_organiser else _("von Ihnen angefragt")
        else:
            role = _("an Ihre Organisation")
        rows.append({
            "veranstaltung": m.event.title, "zeitfenster": str(m.slot),
            "beginn": m.slot.start, "rolle": role,
            "von": m.requester.name, "an": m.recipient.name,
            "bedarf": _item_title(m.pain_point), "angebot": _item_title(m.offer),
            "nachricht": m.message, "status": m.get_status_display(),
            "angefragt": m.created_at, "beantwortet": m.answered_at,
        })
    return rows


def _roundtable_results(user):
    meetings = (
        RoundtableMeeting.objects.filter(result_recorded_by=user)
        .select_related("event", "slot", "requester", "recipient")
        .order_by("result_recorded_at", "pk")
    )
    return [
        {"veranstaltung": m.event.title, "zeitfenster": str(m.slot),
         "von": m.requester.name, "an": m.recipient.name,
         "treffen_sich_wieder": m.meets_again, "naechster_schritt": m.next_step,
         "eingetragen": m.result_recorded_at}
        for m in meetings
    ]


def export(user):
    return {
        "veranstaltungs_anmeldungen": _registration_rows(_registrations(_user_query(user))),
        "kalender_abonnements": _feed_rows([user.email.lower()]),
        "live_raum_beitraege": [
            {"veranstaltung": m.event.title, "art": m.get_kind_display(), "text": m.text,
             "erstellt": m.created_at, "ausgeblendet": m.is_hidden}
            for m in LiveMessage.objects.filter(author=user).select_related("event")
            .order_by("created_at", "pk")
        ],
        "live_raum_stimmen": [
            {"frage": v.message.text, "am": v.created_at}
            for v in QuestionUpvote.objects.filter(user=user).select_related("message")
        ],
        "roundtable_beitraege": _roundtable_contributions(user),
        "roundtable_gespraeche": _roundtable_meetings(user),
        "roundtable_ergebnisse": _roundtable_results(user),
    }


def _erase_registrations(query, emails):
    for registration in _registrations(query).exclude(status=Registration.Status.CANCELLED):
        cancel_before_erasure(registration)
    Registration.objects.filter(query).delete()
    # The feed is per address: keep it while the address has other registrations.
    for email in emails:
        if not Registration.objects.filter(email__iexact=email).exists():
            CalendarFeed.objects.filter(email=email).delete()


def _without_name(text, names):
    for name in names:
        if name:
            text = text.replace(name, _("ehemaliges Mitglied"))
    return text


def _erase_roundtables(user):
    """Talks stay for the organisations; the person and their name leave them."""
    names = sorted({user.get_full_name().strip(), user.email}, key=len, reverse=True)
    meetings = RoundtableMeeting.objects.filter(
        Q(requested_by=user) | Q(result_recorded_by=user))
    for meeting in meetings:
        if meeting.requested_by_id == user.pk:
            meeting.requested_by = None
            meeting.message = _without_name(meeting.message, names)
        if meeting.result_recorded_by_id == user.pk:
            meeting.result_recorded_by = None
            meeting.next_step = _without_name(meeting.next_step, names)
        meeting.save(update_fields=["requested_by", "message", "result_recorded_by",
                                    "next_step"])


def erase(user):
    _erase_roundtables(user)
    # Contributions go with the registrations (CASCADE).
    _erase_registrations(_user_query(user), [user.email.lower()])
    LiveMessage.objects.filter(author=user).delete()
    QuestionUpvote.objects.filter(user=user).delete()
    LivePresence.objects.filter(user=user).delete()


def export_email(email):
    query = Q(email__iexact=email, user__isnull=True)
    return {
        "veranstaltungs_anmeldungen": _registration_rows(_registrations(query)),
        "kalender_abonnements": _feed_rows([email.lower()]),
    }


def erase_email(email):
    _erase_registrations(Q(email__iexact=email, user__isnull=True), [email.lower()])
