"""Writes of "Meine Daten": request and build exports, hand over an organisation, delete
an account, and the visitors' path for their registrations.

Deletion (DSGVO Art. 17) runs every provider of `network.personal_data` in order inside
one transaction, then deletes the user; what each app keeps and what goes is written in
the providers and in docs/decisions.md.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from network import personal_data
from network import services as network_services
from network.account import selectors
from network.account.export import build_zip
from network.account.storage import delete_export_file, private_storage
from network.mail_language import language_of
from network.models import DataExport, Membership, User

logger = logging.getLogger(__name__)

EXPORT_COOLDOWN = timedelta(minutes=5)
PASSWORD_ATTEMPTS = 5
PASSWORD_WINDOW_SECONDS = 15 * 60
VISITOR_LINK_SALT = "stadtlabor.visitor-data"
VISITOR_LINK_MAX_AGE = 180 * 24 * 60 * 60  # a registration mail stays useful for months


def _require_active_user(user):
    if not (user and user.is_authenticated and user.is_active):
        raise PermissionDenied(_("Bitte melden Sie sich an."))


# --- export -------------------------------------------------------------------------------


def request_export(user):
    """Start building a ZIP of everything stored about `user`; returns the DataExport.

    A request within a few minutes of the last one returns that one (no pile of exports
    from repeated clicks). The ZIP is built by a task after the commit.
    """
    _require_active_user(user)
    delete_expired_exports()
    recent = (
        DataExport.objects.filter(user=user, created_at__gte=timezone.now() - EXPORT_COOLDOWN)
        .exclude(status=DataExport.Status.FAILED)
        .first()
    )
    if recent is not None:
        return recent
    with transaction.atomic():
        export = DataExport.objects.create(
            user=user,
            expires_at=timezone.now() + timedelta(hours=settings.DATA_EXPORT_LIFETIME_HOURS),
        )
        transaction.on_commit(lambda: _enqueue_build(export.pk))
    return export


def _enqueue_build(export_id):
    from network.account.tasks import build_data_export

    build_data_export.enqueue(export_id)


def build_export(export_id):
    """Build the ZIP of one export (run by the task). Returns the export."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.status != DataExport.Status.PENDING:
        return export
    try:
        now = timezone.now()
        # The readable overview in the member's language: titles, dates, "ja"/"nein".
        with translation.override(language_of(export.user)):
            content = build_zip(
                personal_data.export_user(export.user),
                title=_("Ihre Daten im Stadtlabor"),
                created_at=now,
            )
        name = private_storage().save(
            f"exports/stadtlabor-daten-{export.token}.zip", ContentFile(content)
        )
    except Exception:
        logger.exception("Datenexport %s ist fehlgeschlagen", export_id)
        DataExport.objects.filter(pk=export_id).update(status=DataExport.Status.FAILED)
        raise
    DataExport.objects.filter(pk=export_id).update(
        status=DataExport.Status.READY, file_name=name, size=len(content), finished_at=now
    )
    export.refresh_from_db()
    return export


def open_export(user, export):
    """The file of `export` for its owner, while it is valid."""
    _require_active_user(user)
    if export.user_id != user.pk:
        raise PermissionDenied(_("Dieser Export gehört jemand anderem."))
    if not export.is_ready:
        raise ValidationError(
            _("Dieser Link ist abgelaufen. Bitte fordern Sie einen neuen Export an.")
        )
    return private_storage().open(export.file_name, "rb")


def delete_expired_exports(now=None):
    """Remove exports past their expiry, files included. Returns how many went."""
    now = now or timezone.now()
    expired = list(DataExport.objects.filter(expires_at__lte=now))
    for export in expired:
        delete_export_file(export)
    DataExport.objects.filter(pk__in=[e.pk for e in expired]).delete()
    return len(expired)


# --- handover and deletion -----------------------------------------------------------------


def hand_over_admin(user, membership):
    """`user`, the last admin, makes another active member of the organisation admin."""
    _require_active_user(user)
    if membership.user_id == user.pk:
        raise ValidationError(_("Bitte wählen Sie eine andere Person."))
    return network_services.change_member_role(user, membership, Membership.Role.ADMIN)


def _check_password_attempts(user, password):
    key = f"account-delete-attempts:{user.pk}"
    attempts = cache.get(key, 0)
    if attempts >= PASSWORD_ATTEMPTS:
        raise ValidationError(
            {"password": _("Zu viele falsche Versuche. Bitte versuchen Sie es in 15 Minuten "
                           "noch einmal.")}
        )
    if not password or not user.check_password(password):
        cache.set(key, attempts + 1, PASSWORD_WINDOW_SECONDS)
        raise ValidationError({"password": _("Das Passwort stimmt nicht.")})
    cache.delete(key)


def delete_account(actor, user, password):
    """Delete `user`'s account for good, after the password has been entered again.

    Only the person themselves can do it. The last admin of an organisation with other
    members must hand over first.
    """
    _require_active_user(actor)
    if actor.pk != user.pk:
        raise PermissionDenied(_("Sie können nur Ihr eigenes Konto löschen."))
    _check_password_attempts(user, password)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        blocking = selectors.handovers_needed(user)
        if blocking:
            raise ValidationError(
                _("Sie sind die letzte Administrator*in von %(names)s. Bitte übergeben Sie "
                  "die Verwaltung zuerst an ein anderes Mitglied.")
                % {"names": ", ".join(h.organisation.name for h in blocking)}
            )
        personal_data.erase_user(user)
        user.delete()
    logger.info("Konto %s wurde auf eigenen Wunsch gelöscht", actor.pk)


# --- visitors ------------------------------------------------------------------------------


def visitor_token(email):
    """The signed part of a visitor's "Meine Daten" link, for their registration mails."""
    return signing.dumps(email.strip().lower(), salt=VISITOR_LINK_SALT, compress=True)


def visitor_email(token):
    try:
        return signing.loads(token, salt=VISITOR_LINK_SALT, max_age=VISITOR_LINK_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("Dieser Link ist abgelaufen. Einen neuen finden Sie in jeder neuen "
              "Anmeldebestätigung.")
        ) from error
    except signing.BadSignature as error:
        raise ValidationError(_("Dieser Link ist ungültig.")) from error


def export_visitor(token):
    return personal_data.export_email(visitor_email(token))


def erase_visitor(token):
    """Cancel (the waitlist moves up) and delete everything stored for the link's address
    without an account."""
    email = visitor_email(token)
    with transaction.atomic():
        personal_data.erase_email(email)
    return email
