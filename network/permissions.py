"""Small permission helpers; services decide with them, templates only display."""

from network.models import Membership, Organisation

MODERATE_PERMISSION = "network.moderate"


def is_moderator(user):
    return bool(
        user
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(MODERATE_PERMISSION))
    )


def _active_memberships(user):
    return Membership.objects.filter(user=user, status=Membership.Status.ACTIVE)


def is_org_admin(user, organisation):
    if not (user and user.is_authenticated and user.is_active):
        return False
    return (
        _active_memberships(user)
        .filter(organisation=organisation, role=Membership.Role.ADMIN)
        .exists()
    )


def is_org_member(user, organisation):
    """Active member (any role) of `organisation`."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return _active_memberships(user).filter(organisation=organisation).exists()


def is_network_member(user):
    """Logged in and active member of at least one approved organisation."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    return (
        _active_memberships(user)
        .filter(organisation__status=Organisation.Status.APPROVED)
        .exists()
    )


def can_manage_organisation(user, organisation):
    return is_moderator(user) or is_org_admin(user, organisation)
