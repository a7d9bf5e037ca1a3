"""Every write of the network app: organisations, memberships, profiles.

Each service checks permission (`PermissionDenied` with a German message), validates
(`ValidationError`, per field where it can), writes in one transaction and sends
its e-mails only after the commit.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.text import slugify
from django.utils.translation import gettext as _

from network import emails, permissions
from network.mail_language import language_codes
from network.models import Membership, Organisation, User
from network.sanitize import sanitize_html

# Path segments under /mitglieder/ that are routes, not organisations.
RESERVED_SLUGS = frozenset({"neu", "freigaben", "personen"})
MAX_DESCRIPTION_LENGTH = 20_000
MAX_MESSAGE_LENGTH = 2_000
MAX_TOPICS = 15
MAX_TOPIC_LENGTH = 60
ORGANISATION_FIELDS = frozenset(
    {"name", "kind", "bundesland", "town", "population", "website", "description", "logo",
     "topics"}
)
# A tag or comment start; "Kinder < 6" or "<3" alone is text, not markup.
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z!/]")
PROFILE_FIELDS = ("first_name", "last_name", "job_title", "profile_visibility", "language")


# --- helpers ----------------------------------------------------------------------------


def _require_active_user(user):
    if not (user and user.is_authenticated and user.is_active):
        raise PermissionDenied(_("Bitte melden Sie sich an."))


def _require_moderator(user):
    if not permissions.is_moderator(user):
        raise PermissionDenied(_("Nur die Moderation darf Organisationen freigeben."))


def unique_slug(name, exclude_pk=None):
    base = slugify(name)[:180].strip("-") or "organisation"
    taken = set(
        Organisation.objects.filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    ) | RESERVED_SLUGS
    slug, suffix = base, 2
    while slug in taken:
        slug = f"{base}-{suffix}"
        suffix += 1
    return slug


def _description_html(text):
    """User HTML, or plain text with blank-line paragraphs, always sanitised."""
    text = (text or "").strip()
    if len(text) > MAX_DESCRIPTION_LENGTH:
        raise ValidationError(
            {"description": _("Die Beschreibung darf höchstens %(max)s Zeichen lang sein.")
             % {"max": f"{MAX_DESCRIPTION_LENGTH:,}".replace(",", ".")}}
        )
    if text and not _LOOKS_LIKE_HTML.search(text):
        text = linebreaks(text)  # escapes, then wraps paragraphs
    return sanitize_html(text)


def _clean_topics(topics):
    if topics is None:
        return []
    if isinstance(topics, str):
        topics = topics.split(",")
    names = []
    for raw in topics:
        name = " ".join(str(raw).split())
        if name and name.lower() not in {existing.lower() for existing in names}:
            names.append(name)
    errors = []
    if len(names) > MAX_TOPICS:
        errors.append(_("Bitte höchstens %(max)s Themen angeben.") % {"max": MAX_TOPICS})
    too_long = [name for name in names if len(name) > MAX_TOPIC_LENGTH]
    if too_long:
        errors.append(
            _("Ein Thema darf höchstens %(max)s Zeichen lang sein: „%(topic)s“.")
            % {"max": MAX_TOPIC_LENGTH, "topic": too_long[0][:80]}
        )
    if errors:
        raise ValidationError({"topics": errors})
    return names


def _apply_organisation_data(organisation, data):
    """Set validated `data` on `organisation` (unsaved); return the topic names or None."""
    unknown = set(data) - ORGANISATION_FIELDS
    if unknown:
        raise TypeError(f"Unbekannte Felder: {', '.join(sorted(unknown))}")
    errors = {}
    for field in ("name", "town", "website"):
        if field in data:
            setattr(organisation, field, (data[field] or "").strip())
    for field in ("kind", "bundesland"):
        if field in data:
            setattr(organisation, field, data[field] or "")
    if "population" in data:
        organisation.population = data["population"] or None
    if "description" in data:
        try:
            organisation.description = _description_html(data["description"])
        except ValidationError as error:
            errors.update(error.message_dict)
    logo = data.get("logo")
    if logo is False:
        organisation.logo = None
    elif isinstance(logo, UploadedFile):
        organisation.logo = logo
    topics = None
    if "topics" in data:
        try:
            topics = _clean_topics(data["topics"])
        except ValidationError as error:
            errors.update(error.message_dict)

    if not organisation.name:
        errors.setdefault("name", []).append(_("Bitte geben Sie den Namen der Organisation an."))
    if organisation.kind in Organisation.MUNICIPAL_KINDS and not organisation.population:
        errors.setdefault("population", []).append(
            _("Für Kommunen, Stadtmarketing und Wirtschaftsförderung brauchen wir die "
              "Einwohnerzahl der Stadt.")
        )
    if organisation.name and (
        Organisation.objects.filter(name__iexact=organisation.name)
        .exclude(status=Organisation.Status.REJECTED)
        .exclude(pk=organisation.pk)
        .exists()
    ):
        errors.setdefault("name", []).append(
            _("Eine Organisation mit diesem Namen gibt es schon. Bitte fragen Sie dort den "
              "Beitritt an oder wählen Sie einen eindeutigeren Namen.")
        )
    # An unchanged logo was validated on upload; re-reading it from storage is wasted work.
    exclude = ["slug", "status", "created_by", "reviewed_by", "review_note"]
    if not isinstance(logo, UploadedFile):
        exclude.append("logo")
    try:
        organisation.full_clean(exclude=exclude)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(
                message for message in messages if message not in errors.get(field, [])
            )
    if errors:
        raise ValidationError(errors)
    return topics


# --- organisations ----------------------------------------------------------------------


def create_organisation(user, **data):
    """Create a pending organisation with `user` as its active admin; tell the moderators."""
    _require_active_user(user)
    organisation = Organisation(status=Organisation.Status.PENDING, created_by=user)
    topics = _apply_organisation_data(organisation, data)
    with transaction.atomic():
        organisation.slug = unique_slug(organisation.name)
        organisation.save()
        if topics:
            organisation.topics.set(topics)
        Membership.objects.create(
            user=user,
            organisation=organisation,
            role=Membership.Role.ADMIN,
            status=Membership.Status.ACTIVE,
            decided_at=timezone.now(),
        )
        emails.send_on_commit(
            "organisation_submitted",
            emails.moderator_emails(),
            lambda: {
                "organisation": organisation,
                "creator": user,
                "queue_url": emails.absolute_url(reverse("network:moderation_queue")),
            },
        )
    return organisation


def update_organisation(user, organisation, **data):
    """Change an organisation's profile (its admins or the moderation).

    Editing a rejected organisation submits it again for approval.
    """
    _require_active_user(user)
    if not permissions.can_manage_organisation(user, organisation):
        raise PermissionDenied(
            _("Nur die Administrator*innen der Organisation dürfen ihr Profil bearbeiten.")
        )
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        topics = _apply_organisation_data(organisation, data)
        resubmitted = organisation.status == Organisation.Status.REJECTED
        if resubmitted:
            organisation.status = Organisation.Status.PENDING
            organisation.review_note = ""
        organisation.save()
        if topics is not None:
            organisation.topics.set(topics)
        if resubmitted:
            emails.send_on_commit(
                "organisation_submitted",
                emails.moderator_emails(),
                lambda: {
                    "organisation": organisation,
                    "creator": user,
                    "resubmitted": True,
                    "queue_url": emails.absolute_url(reverse("network:moderation_queue")),
                },
            )
    return organisation


def _review(moderator, organisation, status, note=""):
    _require_moderator(moderator)
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if organisation.status != Organisation.Status.PENDING:
            raise ValidationError(
                _("„%(name)s“ wartet nicht mehr auf Freigabe; jemand hat schon entschieden.")
                % {"name": organisation.name}
            )
        organisation.status = status
        organisation.review_note = note
        organisation.reviewed_at = timezone.now()
        organisation.reviewed_by = moderator
        organisation.save(update_fields=["status", "review_note", "reviewed_at", "reviewed_by"])
        creator_email = organisation.created_by.email if organisation.created_by else ""
        emails.send_on_commit(
            "organisation_approved"
            if status == Organisation.Status.APPROVED
            else "organisation_rejected",
            [creator_email] if creator_email else emails.admin_emails(organisation),
            lambda: {
                "organisation": organisation,
                "reason": note,
                "organisation_url": emails.absolute_url(organisation.get_absolute_url()),
                "edit_url": emails.absolute_url(
                    reverse("network:organisation_edit", kwargs={"slug": organisation.slug})
                ),
            },
        )
    return organisation


def approve_organisation(moderator, organisation):
    return _review(moderator, organisation, Organisation.Status.APPROVED)


def reject_organisation(moderator, organisation, reason):
    _require_moderator(moderator)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Bitte begründen Sie die Ablehnung; die Begründung geht an die "
                         "Person, die die Organisation angelegt hat.")}
        )
    if len(reason) > MAX_MESSAGE_LENGTH:
        raise ValidationError(
            {"reason": _("Die Begründung darf höchstens %(max)s Zeichen lang sein.")
             % {"max": MAX_MESSAGE_LENGTH}}
        )
    return _review(moderator, organisation, Organisation.Status.REJECTED, reason)


# --- memberships ------------------------------------------------------------------------


def request_membership(user, organisation, message=""):
    """Ask to join an approved organisation; its admins are told by mail."""
    _require_active_user(user)
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE_LENGTH:
        raise ValidationError(
            {"message": _("Die Nachricht darf höchstens %(max)s Zeichen lang sein.")
             % {"max": MAX_MESSAGE_LENGTH}}
        )
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        if organisation.status != Organisation.Status.APPROVED:
            raise ValidationError(
                _("Dieser Organisation kann man erst beitreten, wenn sie freigegeben ist.")
            )
        membership = Membership.objects.filter(user=user, organisation=organisation).first()
        if membership and membership.status == Membership.Status.ACTIVE:
            raise ValidationError(_("Sie sind bereits Mitglied dieser Organisation."))
        if membership and membership.status == Membership.Status.REQUESTED:
            raise ValidationError(
                _("Ihre Beitrittsanfrage liegt schon vor; die Administrator*innen entscheiden "
                  "bald.")
            )
        if membership is None:
            membership = Membership(user=user, organisation=organisation)
        membership.role = Membership.Role.MEMBER
        membership.status = Membership.Status.REQUESTED
        membership.message = message
        membership.decided_at = None
        membership.decided_by = None
        membership.save()
        emails.send_on_commit(
            "join_requested",
            emails.admin_emails(organisation),
            lambda: {
                "organisation": organisation,
                "applicant": user,
                "message": message,
                "requests_url": emails.absolute_url(
                    reverse("network:join_requests", kwargs={"slug": organisation.slug})
                ),
            },
        )
    return membership


def _decide_membership(admin_user, membership, status):
    _require_active_user(admin_user)
    if not permissions.can_manage_organisation(admin_user, membership.organisation):
        raise PermissionDenied(
            _("Nur die Administrator*innen der Organisation dürfen über Beitritte entscheiden.")
        )
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .select_related("user", "organisation")
            .get(pk=membership.pk)
        )
        if membership.status != Membership.Status.REQUESTED:
            raise ValidationError(_("Über diese Anfrage wurde bereits entschieden."))
        membership.status = status
        membership.decided_at = timezone.now()
        membership.decided_by = admin_user
        membership.save(update_fields=["status", "decided_at", "decided_by"])
        organisation = membership.organisation
        emails.send_on_commit(
            "join_accepted" if status == Membership.Status.ACTIVE else "join_declined",
            [membership.user.email],
            lambda: {
                "organisation": organisation,
                "organisation_url": emails.absolute_url(organisation.get_absolute_url()),
                "directory_url": emails.absolute_url(reverse("network:directory")),
            },
        )
    return membership


def accept_membership(admin_user, membership):
    return _decide_membership(admin_user, membership, Membership.Status.ACTIVE)


def decline_membership(admin_user, membership):
    return _decide_membership(admin_user, membership, Membership.Status.DECLINED)


def leave_organisation(user, organisation):
    """End `user`'s membership (or withdraw a join request).

    The last admin cannot leave: an organisation without admins could not accept anyone.
    """
    _require_active_user(user)
    with transaction.atomic():
        membership = (
            Membership.objects.select_for_update()
            .filter(user=user, organisation=organisation)
            .exclude(status=Membership.Status.DECLINED)
            .first()
        )
        if membership is None:
            raise ValidationError(_("Sie sind kein Mitglied dieser Organisation."))
        if membership.is_admin:
            other_admins = (
                Membership.objects.select_for_update()
                .filter(
                    organisation=organisation,
                    role=Membership.Role.ADMIN,
                    status=Membership.Status.ACTIVE,
                )
                .exclude(pk=membership.pk)
            )
            if not other_admins.exists():
                raise ValidationError(
                    _("Sie sind die einzige Administrator*in dieser Organisation. Bitte "
                      "ernennen Sie zuerst eine andere Person zur Administrator*in.")
                )
        membership.delete()


def change_member_role(admin_user, membership, role):
    """Make an active member admin or member; the last admin cannot step down."""
    _require_active_user(admin_user)
    if role not in Membership.Role.values:
        raise ValidationError({"role": _("Bitte wählen Sie eine gültige Rolle.")})
    if not permissions.can_manage_organisation(admin_user, membership.organisation):
        raise PermissionDenied(
            _("Nur die Administrator*innen der Organisation dürfen Rollen vergeben.")
        )
    with transaction.atomic():
        membership = Membership.objects.select_for_update().get(pk=membership.pk)
        if membership.status != Membership.Status.ACTIVE:
            raise ValidationError(_("Rollen gibt es nur für aktive Mitglieder."))
        if membership.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN:
            remaining = (
                Membership.objects.select_for_update()
                .filter(
                    organisation_id=membership.organisation_id,
                    role=Membership.Role.ADMIN,
                    status=Membership.Status.ACTIVE,
                )
                .exclude(pk=membership.pk)
            )
            if not remaining.exists():
                raise ValidationError(
                    _("Eine Organisation braucht mindestens eine Administrator*in.")
                )
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


# --- people -----------------------------------------------------------------------------


def update_profile(user, **data):
    """Change one's own name, job title, directory visibility and the language of mails."""
    _require_active_user(user)
    unknown = set(data) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"Unbekannte Felder: {', '.join(sorted(unknown))}")
    if "language" in data and data["language"] not in language_codes():
        raise ValidationError({"language": _(
            "Diese Sprache gibt es im Stadtlabor nicht. Bitte wählen Sie Deutsch oder Englisch."
        )})
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        for field, value in data.items():
            setattr(user, field, (value or "").strip())
        user.clean_fields(exclude=[f.name for f in User._meta.fields if f.name not in data])
        user.save(update_fields=list(data))
    return user
