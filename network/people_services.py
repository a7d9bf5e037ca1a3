"""Writes about people: topics of expertise and following a person."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from network.models import NotificationKind, PersonFollow, User
from network.notifications.services import Text, notify

MAX_EXPERTISE = 15


def _require_active_user(user):
    if not (user and user.is_authenticated and user.is_active):
        raise PermissionDenied(_("Bitte melden Sie sich an."))


def set_expertise(user, tags):
    """Replace `user`'s topics of expertise by `tags` (existing taggit Tags only: the
    platform's shared vocabulary)."""
    from taggit.models import Tag

    _require_active_user(user)
    tags = list(tags)
    if len(tags) > MAX_EXPERTISE:
        raise ValidationError(
            {"expertise": _("Bitte höchstens %(max)s Themen wählen.") % {"max": MAX_EXPERTISE}}
        )
    known = Tag.objects.filter(pk__in=[tag.pk for tag in tags])
    if known.count() != len({tag.pk for tag in tags}):
        raise ValidationError({"expertise": _("Bitte nur Themen aus der Liste wählen.")})
    with transaction.atomic():
        user.expertise.set(list(known))
    return user


def follow_person(follower, person):
    _require_active_user(follower)
    if follower.pk == person.pk:
        raise ValidationError(_("Sie können sich nicht selbst folgen."))
    try:
        with transaction.atomic():
            PersonFollow.objects.get_or_create(follower=follower, person=person)
    except IntegrityError:
        pass  # a parallel click created it


def unfollow_person(follower, person):
    _require_active_user(follower)
    PersonFollow.objects.filter(follower=follower, person=person).delete()


def follower_ids(person):
    """Ids of the active people following `person`; none while the profile is hidden."""
    if person is None or person.profile_visibility == User.ProfileVisibility.HIDDEN:
        return set()
    return set(
        PersonFollow.objects.filter(person=person, follower__is_active=True).values_list(
            "follower_id", flat=True
        )
    )


def notify_followers(person, message, url):
    """Tell `person`'s followers about a new public contribution; call inside the writing
    service's transaction (notify schedules its pushes and mails on commit). Forum posts
    go through `network.forum.services`, which also checks who may read the thread."""
    notify(follower_ids(person), NotificationKind.FOLLOW, message, url=url)


# --- messages through the profile --------------------------------------------------------

MIN_MESSAGE_LENGTH = 20
MAX_MESSAGE_LENGTH = 2000
MESSAGES_PER_DAY = 5
MESSAGES_PER_RECIPIENT_PER_DAY = 1


def _clean_body(body, field):
    body = (body or "").strip()
    if len(body) < MIN_MESSAGE_LENGTH:
        raise ValidationError({field: _(
            "Bitte schreiben Sie ein paar Sätze (mindestens %(count)d Zeichen): wer Sie sind "
            "und worüber Sie sprechen möchten."
        ) % {"count": MIN_MESSAGE_LENGTH}})
    if len(body) > MAX_MESSAGE_LENGTH:
        raise ValidationError({field: _("Bitte höchstens %(count)d Zeichen.")
                               % {"count": MAX_MESSAGE_LENGTH}})
    return body


def _check_message_rate(sender, recipient, now):
    from datetime import timedelta

    from network.models import PersonMessage

    day_ago = now - timedelta(days=1)
    recent = PersonMessage.objects.filter(sender=sender, created_at__gt=day_ago)
    if recent.filter(recipient=recipient).count() >= MESSAGES_PER_RECIPIENT_PER_DAY:
        raise ValidationError(_(
            "Sie haben dieser Person heute schon geschrieben. Bitte warten Sie auf eine "
            "Antwort oder schreiben Sie morgen erneut – Ihr Text bleibt erhalten."
        ))
    if recent.count() >= MESSAGES_PER_DAY:
        raise ValidationError(_(
            "Sie haben heute schon %(count)d Nachrichten an Personen geschrieben; mehr sind "
            "pro Tag nicht möglich. Bitte schreiben Sie morgen erneut – Ihr Text bleibt "
            "erhalten."
        ) % {"count": MESSAGES_PER_DAY})


def send_message(sender, recipient, body):
    """A message from `sender` to `recipient` (whose profile `sender` may see: the view
    looks it up through `person_for_profile`). Network members only; stored, and the
    recipient is told in the app and by (batched) e-mail, without the sender's address."""
    from django.urls import reverse
    from django.utils import timezone

    from network.models import PersonMessage
    from network.permissions import is_network_member

    _require_active_user(sender)
    if not is_network_member(sender):
        raise PermissionDenied(_(
            "Nachrichten an Personen schreiben Mitglieder einer freigegebenen Organisation."
        ))
    if sender.pk == recipient.pk:
        raise ValidationError(_("Sie können sich nicht selbst schreiben."))
    if not recipient.is_active or recipient.profile_visibility == User.ProfileVisibility.HIDDEN:
        raise PermissionDenied(_("Diese Person nimmt keine Nachrichten an."))
    body = _clean_body(body, "body")
    now = timezone.now()
    with transaction.atomic():
        # Serialise one sender's messages so that parallel posts cannot pass the limit.
        User.objects.select_for_update().filter(pk=sender.pk).first()
        _check_message_rate(sender, recipient, now)
        message = PersonMessage.objects.create(sender=sender, recipient=recipient, body=body)
        notify(
            [recipient.pk], NotificationKind.MESSAGE,
            Text(gettext_noop("%(name)s hat Ihnen über Ihr Profil geschrieben."),
                 name=sender.display_name),
            url=reverse("network:person_message", args=[message.pk]),
        )
    return message


def reply_to_message(user, message, reply):
    """The recipient answers once; from then on both see each other's e-mail address."""
    from django.urls import reverse
    from django.utils import timezone

    _require_active_user(user)
    if user.pk != message.recipient_id:
        raise PermissionDenied(_("Nur die angeschriebene Person kann antworten."))
    if message.replied_at:
        raise ValidationError(_("Diese Nachricht ist schon beantwortet."))
    reply = _clean_body(reply, "reply")
    with transaction.atomic():
        message.reply = reply
        message.replied_at = timezone.now()
        message.save(update_fields=["reply", "replied_at"])
        notify(
            [message.sender_id], NotificationKind.MESSAGE,
            Text(gettext_noop("%(name)s hat auf Ihre Nachricht geantwortet."),
                 name=user.display_name),
            url=reverse("network:person_message", args=[message.pk]),
        )
    return message
