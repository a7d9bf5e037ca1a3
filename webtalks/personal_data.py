"""Personal data of the events app (see network.personal_data).

On deletion every active registration is cancelled through the ordinary cancellation
service, so a freed seat goes to the waitlist, and then the registrations, reminders, the
calendar feed, live-room messages, upvotes and presences go. Visitors reach the same for
their e-mail address through the signed link in their registration mails.
"""

from django.db.models import Q

from webtalks.models import (
    CalendarFeed,
    LiveMessage,
    LivePresence,
    QuestionUpvote,
    Registration,
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
    }


def _erase_registrations(query, emails):
    for registration in _registrations(query).exclude(status=Registration.Status.CANCELLED):
        cancel_before_erasure(registration)
    Registration.objects.filter(query).delete()
    # The feed is per address: keep it while the address has other registrations.
    for email in emails:
        if not Registration.objects.filter(email__iexact=email).exists():
            CalendarFeed.objects.filter(email=email).delete()


def erase(user):
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
