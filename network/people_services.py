"""Writes about people: topics of expertise and following a person."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from network.models import NotificationKind, PersonFollow, User
from network.notifications.services import notify

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


def notify_followers(person, message, url, visible_to_visitors=True):
    """Tell `person`'s followers about a new contribution; call inside the writing
    service's transaction (notify schedules its pushes and mails on commit). Followers
    who could not see the contribution are left out: for members-only content only
    followers who are network members are told."""
    if person is None or person.profile_visibility == User.ProfileVisibility.HIDDEN:
        return
    followers = PersonFollow.objects.filter(person=person, follower__is_active=True)
    if not visible_to_visitors:
        from network.models import Membership, Organisation

        followers = followers.filter(
            follower__memberships__status=Membership.Status.ACTIVE,
            follower__memberships__organisation__status=Organisation.Status.APPROVED,
        )
    follower_ids = set(followers.values_list("follower_id", flat=True))
    notify(follower_ids, NotificationKind.FOLLOW, message, url=url)
