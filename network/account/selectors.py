"""Reads of the "Meine Daten" page: which organisations block or follow a deletion."""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from network.models import DataExport, Membership, Organisation


@dataclass
class Handover:
    """An organisation whose last administrator is `user`, with members to hand over to."""

    organisation: Organisation
    candidates: list = field(default_factory=list)  # active memberships of other people


def _active_memberships(user):
    return Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).select_related(
        "organisation"
    )


def sole_member_organisation_ids(user):
    """Organisations in which `user` is the only active member: they go with the account."""
    own = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values(
        "organisation_id"
    )
    # Count in a query of its own: filtering and counting over the same join would count
    # only the person's own membership.
    active = Q(memberships__status=Membership.Status.ACTIVE)
    return list(
        Organisation.objects.filter(pk__in=own)
        .annotate(active_members=Count("memberships", filter=active, distinct=True))
        .filter(active_members=1)
        .values_list("pk", flat=True)
    )


def handovers_needed(user):
    """Organisations with other active members in which `user` is the last active admin."""
    admin_org_ids = [
        m.organisation_id for m in _active_memberships(user) if m.role == Membership.Role.ADMIN
    ]
    if not admin_org_ids:
        return []
    others = (
        Membership.objects.filter(
            organisation_id__in=admin_org_ids, status=Membership.Status.ACTIVE
        )
        .exclude(user=user)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name", "user__first_name", "pk")
    )
    by_org = {}
    for membership in others:
        by_org.setdefault(membership.organisation_id, []).append(membership)
    result = []
    for memberships in by_org.values():
        if any(m.role == Membership.Role.ADMIN for m in memberships):
            continue
        result.append(Handover(memberships[0].organisation, memberships))
    return result


def exports_of(user):
    return list(DataExport.objects.filter(user=user).order_by("-created_at", "-pk")[:5])


def export_for_download(user, token):
    """The export `token` if `user` owns it; None otherwise (the view answers 404)."""
    if not (user and user.is_authenticated):
        return None
    return DataExport.objects.filter(user=user, token=token).first()
