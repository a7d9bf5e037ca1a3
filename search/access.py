"""Which documents a user may see: the visibilities every engine filters on."""

from search.documents import MEMBERS, PUBLIC

_group_resolvers = []


def register_group_resolver(resolver):
    """Add `resolver(user) -> iterable of group keys` (e.g. the closed working groups a user is in).

    Documents with visibility `group:<key>` are then shown to that user.
    """
    if resolver not in _group_resolvers:
        _group_resolvers.append(resolver)
    return resolver


def unregister_group_resolver(resolver):
    if resolver in _group_resolvers:
        _group_resolvers.remove(resolver)


def is_member(user):
    """Members belong to an approved organisation; staff count as members too."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_staff:
        return True
    from network.models import Membership, Organisation

    return user.memberships.filter(
        status=Membership.Status.ACTIVE, organisation__status=Organisation.Status.APPROVED
    ).exists()


def visibilities_for(user):
    """The visibility values `user` may see; a visitor sees only public documents."""
    if not is_member(user):
        return (PUBLIC,)
    groups = [f"group:{key}" for resolver in _group_resolvers for key in resolver(user)]
    return (PUBLIC, MEMBERS, *groups)
