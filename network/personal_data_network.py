"""Personal data of the network app itself (see network.personal_data): profile, e-mail
addresses, memberships, data exports, sessions.

On deletion organisations in which the person was the only active member go with the
account (the other apps have already removed or kept their items); every other
organisation stays with its members. Sessions and export files go.
"""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from network.account.selectors import sole_member_organisation_ids
from network.account.storage import delete_export_file
from network.models import (
    DataExport,
    Membership,
    Organisation,
    PersonFollow,
    PersonMessage,
)


def export(user):
    from allauth.account.models import EmailAddress

    memberships = Membership.objects.filter(user=user).select_related("organisation")
    return {
        "profil": [{
            "email": user.email,
            "vorname": user.first_name,
            "nachname": user.last_name,
            "funktion": user.job_title,
            "sichtbarkeit_im_verzeichnis": user.get_profile_visibility_display(),
            "sprache_der_emails": user.get_language_display(),
            "themen": ", ".join(sorted(user.expertise.names())),
            "registriert": user.date_joined,
            "letzte_anmeldung": user.last_login,
        }],
        "email_adressen": [
            {"email": a.email, "bestaetigt": a.verified, "primaer": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "mitgliedschaften": [
            {"organisation": m.organisation.name, "rolle": m.get_role_display(),
             "status": m.get_status_display(), "nachricht": m.message,
             "angefragt": m.created_at, "entschieden": m.decided_at}
            for m in memberships
        ],
        "angelegte_organisationen": [
            {"name": o.name, "angelegt": o.created_at}
            for o in Organisation.objects.filter(created_by=user)
        ],
        "gefolgte_personen": [
            {"person": f.person.display_name, "seit": f.created_at}
            for f in PersonFollow.objects.filter(follower=user).select_related("person")
        ],
        "nachrichten_an_personen": [
            {"an": m.recipient.display_name, "nachricht": m.body, "antwort": m.reply,
             "gesendet": m.created_at}
            for m in PersonMessage.objects.filter(sender=user).select_related("recipient")
        ],
        "nachrichten_an_mich": [
            {"von": m.sender.display_name, "nachricht": m.body, "antwort": m.reply,
             "erhalten": m.created_at}
            for m in PersonMessage.objects.filter(recipient=user).select_related("sender")
        ],
        "datenexporte": [
            {"angefordert": e.created_at, "status": e.get_status_display(),
             "gueltig_bis": e.expires_at}
            for e in DataExport.objects.filter(user=user)
        ],
    }


def delete_sessions(user):
    """End every login of `user` (database sessions: the default engine)."""
    if settings.SESSION_ENGINE not in (
        "django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"
    ):
        return
    stale = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk)
    ]
    Session.objects.filter(pk__in=stale).delete()


def erase(user):
    # Topics and follows in both directions go with the account (CASCADE does it too;
    # explicit here so the registry names every personal field).
    user.expertise.clear()
    PersonFollow.objects.filter(follower=user).delete()
    PersonFollow.objects.filter(person=user).delete()
    PersonMessage.objects.filter(sender=user).delete()
    PersonMessage.objects.filter(recipient=user).delete()
    Organisation.objects.filter(pk__in=sole_member_organisation_ids(user)).delete()
    exports = list(DataExport.objects.filter(user=user))
    DataExport.objects.filter(user=user).delete()
    # Files go once the deletion is committed: a rollback keeps the rows, so keep the files.
    transaction.on_commit(lambda: [delete_export_file(row) for row in exports])
    delete_sessions(user)
