"""Reads shared by the network's views and pages."""

from network.models.organisations import Organisation


def newest_organisations(limit=6):
    return list(
        Organisation.objects.approved()
        .prefetch_related("topics")
        .order_by("-reviewed_at", "-created_at")[:limit]
    )


def home_page_sections(user):
    """Context for the home page; every section is a list that may be empty."""
    newest = newest_organisations(limit=8)
    return {
        "newest_members": [org for org in newest if org.kind != Organisation.Kind.PARTNER][:6],
        "partners": list(
            Organisation.objects.approved()
            .filter(kind__in=[Organisation.Kind.PARTNER, Organisation.Kind.VERBAND])
            .order_by("name")[:8]
        ),
    }


def memberships_of(user):
    return list(
        user.memberships.select_related("organisation").order_by("organisation__name")
    )
