"""Who may organise an event, moderate its live room and join it. Services decide
with these; templates only display the result."""

from network import permissions as network_permissions
from network.models import Membership
from webtalks.models import EventPage, EventSeriesPage, EventSpeaker, Registration


def _active(user):
    return bool(user and user.is_authenticated and user.is_active)


def _speaker_rows(target):
    if isinstance(target, EventSeriesPage):
        return EventSpeaker.objects.filter(page__series=target)
    return EventSpeaker.objects.filter(page=target)


def is_editor(user, target):
    if not _active(user):
        return False
    return user.is_superuser or target.permissions_for_user(user).can_edit()


def can_organise(user, target):
    """Editors, and admins of an organisation that one of the speakers represents."""
    if not _active(user):
        return False
    if is_editor(user, target):
        return True
    organisation_ids = _speaker_rows(target).exclude(organisation=None).values("organisation_id")
    return Membership.objects.filter(
        user=user,
        role=Membership.Role.ADMIN,
        status=Membership.Status.ACTIVE,
        organisation_id__in=organisation_ids,
    ).exists()


def is_speaker(user, event):
    return _active(user) and event.speakers.filter(user=user).exists()


def can_moderate_live(user, event):
    return _active(user) and (
        network_permissions.is_moderator(user)
        or is_speaker(user, event)
        or can_organise(user, event)
    )


def is_confirmed_registrant(user, target):
    if not _active(user):
        return False
    registrations = (
        Registration.objects.for_session(target)
        if isinstance(target, EventPage)
        else Registration.objects.for_target(target)
    )
    return registrations.confirmed().filter(user=user).exists()


def can_join_live(user, event):
    """Confirmed registrants (of a members-only event: while they are still members of the
    network) and the people who moderate the room."""
    if not _active(user):
        return False
    if can_moderate_live(user, event):
        return True
    members_only = event.is_members_only or event.registration_target.is_members_only
    if members_only and not network_permissions.is_network_member(user):
        return False
    return is_confirmed_registrant(user, event)


def can_register_for(user, target):
    """Members-only events take registrations from members of an approved organisation."""
    if target.is_members_only:
        return network_permissions.is_network_member(user)
    return True
