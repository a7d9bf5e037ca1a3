"""Reads shared by the network's views and pages."""

from network.models.organisations import Organisation


def newest_organisations(limit=6):
    return list(
        Organisation.objects.approved()
        .prefetch_related("topics")
        .order_by("-reviewed_at", "-created_at")[:limit]
    )


# Partners and associations get their own home page block instead of "Neue Mitglieder".
HOME_PARTNER_KINDS = (Organisation.Kind.PARTNER, Organisation.Kind.VERBAND)


def _optional_selector(app_name, selector_name):
    """`<app>.selectors.<name>` of an app that may not be installed (or written) yet."""
    from importlib import import_module

    from django.apps import apps

    if not apps.is_installed(app_name):
        return None
    module_name = f"{app_name}.selectors"
    try:
        module = import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        return None
    return getattr(module, selector_name, None)


def _from_optional_app(app_name, selector_name, *args, default):
    selector = _optional_selector(app_name, selector_name)
    return default if selector is None else selector(*args)


def home_page_sections(user):
    """Context for the home page: `impulse` (a page or None) and lists that may be empty.

    The library (`bestpractice`) and events (`webtalks`) apps are optional here, so the
    home page keeps working while they are absent; their blocks then stay hidden.
    """
    from django.db.models import F

    impulse = _from_optional_app("bestpractice", "latest_impulse", default=None)
    news = _from_optional_app("bestpractice", "latest_news", 3, default=[])
    approved = Organisation.objects.approved().prefetch_related("topics")
    newest_first = (F("reviewed_at").desc(nulls_last=True), F("created_at").desc(), "-pk")
    upcoming_events = list(_from_optional_app("webtalks", "upcoming_events", 4, default=[]))
    newest_case_studies = list(
        _from_optional_app("bestpractice", "newest_case_studies", 6, default=[])
    )
    _fetch_parents([items[0] for items in (upcoming_events, newest_case_studies) if items])
    return {
        "impulse": impulse,
        "news": [item for item in news if impulse is None or item.pk != impulse.pk],
        "upcoming_events": upcoming_events,
        "newest_case_studies": newest_case_studies,
        "library_map": _from_optional_app("bestpractice", "library_map_for_home", default=None),
        "newest_members": list(
            approved.exclude(kind__in=HOME_PARTNER_KINDS).order_by(*newest_first)[:6]
        ),
        "partners": list(approved.filter(kind__in=HOME_PARTNER_KINDS).order_by("name")[:8]),
    }


def _fetch_parents(pages):
    """Read the parents of `pages` in one query for the "Alle …" links (`get_parent` in the
    template), instead of one query each. treebeard's `get_parent()` keeps its answer in
    `_cached_parent_obj`; we fill it with the same object it would fetch (the base Page at
    the parent path)."""
    from wagtail.models import Page

    wanted = {page.path[: -page.steplen]: page for page in pages if page.depth > 1}
    if not wanted:
        return
    for parent in Page.objects.filter(path__in=wanted):
        wanted[parent.path]._cached_parent_obj = parent


def memberships_of(user):
    return list(
        user.memberships.select_related("organisation").order_by("organisation__name")
    )


# --- Member directory and organisation profiles ------------------------------------------


def directory(filters=None):
    """Approved organisations matching `filters` (kind, bundesland, topic slug), by name."""
    filters = filters or {}
    organisations = Organisation.objects.approved()
    if filters.get("kind"):
        organisations = organisations.filter(kind=filters["kind"])
    if filters.get("bundesland"):
        organisations = organisations.filter(bundesland=filters["bundesland"])
    if filters.get("topic"):
        organisations = organisations.filter(topics__slug=filters["topic"]).distinct()
    return organisations.prefetch_related("topics").order_by("name", "pk")


def directory_topics():
    """(slug, name) of every topic used by an approved organisation, by name."""
    from taggit.models import Tag

    return list(
        Tag.objects.filter(
            network_taggedorganisation_items__content_object__status=(
                Organisation.Status.APPROVED
            )
        )
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )


def _viewer_memberships(viewer):
    from network.models import Membership

    if not (viewer and viewer.is_authenticated):
        return Membership.objects.none()
    return Membership.objects.filter(user=viewer, status=Membership.Status.ACTIVE)


def organisation_for_profile(slug, viewer):
    """The organisation behind `slug` as `viewer` may see it, or Http404.

    Pending and rejected organisations exist only for their own members and moderators.
    """
    from django.http import Http404
    from django.shortcuts import get_object_or_404

    from network.permissions import is_moderator

    organisation = get_object_or_404(
        Organisation.objects.select_related("created_by").prefetch_related("topics"),
        slug=slug,
    )
    if organisation.is_approved or is_moderator(viewer):
        return organisation
    if _viewer_memberships(viewer).filter(organisation=organisation).exists():
        return organisation
    raise Http404("Organisation nicht gefunden")


def visible_members(organisation, viewer):
    """Active memberships of `organisation` whose people `viewer` may see, admins first.

    Public profiles are shown to everyone, "members" profiles to logged-in members of the
    network, hidden profiles only to colleagues in the same organisation and moderators.
    """
    from network.models import Membership, User
    from network.permissions import is_moderator

    memberships = (
        Membership.objects.filter(
            organisation=organisation, status=Membership.Status.ACTIVE, user__is_active=True
        )
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name", "user__email")
    )
    if is_moderator(viewer) or _viewer_memberships(viewer).filter(
        organisation=organisation
    ).exists():
        return list(memberships)
    visible = [User.ProfileVisibility.PUBLIC]
    if _viewer_memberships(viewer).filter(
        organisation__status=Organisation.Status.APPROVED
    ).exists():
        visible.append(User.ProfileVisibility.MEMBERS)
    return list(memberships.filter(user__profile_visibility__in=visible))


def viewer_membership(organisation, viewer):
    """`viewer`'s membership in `organisation` (any status), or None."""
    from network.models import Membership

    if not (viewer and viewer.is_authenticated):
        return None
    return Membership.objects.filter(organisation=organisation, user=viewer).first()


def pending_organisations():
    return list(
        Organisation.objects.filter(status=Organisation.Status.PENDING)
        .select_related("created_by")
        .prefetch_related("topics")
        .order_by("created_at", "pk")
    )


def join_requests_for(organisation):
    from network.models import Membership

    return list(
        Membership.objects.filter(
            organisation=organisation, status=Membership.Status.REQUESTED
        )
        .select_related("user")
        .order_by("created_at", "pk")
    )


def open_join_request_counts(user):
    """{organisation id: number of open join requests} for organisations `user` administers."""
    from django.db.models import Count

    from network.models import Membership

    if not (user and user.is_authenticated):
        return {}
    administered = Membership.objects.filter(
        user=user, role=Membership.Role.ADMIN, status=Membership.Status.ACTIVE
    ).values("organisation_id")
    return dict(
        Membership.objects.filter(
            organisation_id__in=administered, status=Membership.Status.REQUESTED
        )
        .values_list("organisation_id")
        .annotate(count=Count("pk"))
        .values_list("organisation_id", "count")
    )


def pending_organisation_count():
    return Organisation.objects.filter(status=Organisation.Status.PENDING).count()


def organisation_activity(organisation, viewer=None):
    """What an organisation contributes elsewhere, from the apps that are installed:
    case studies (`bestpractice.case_studies_of`), offers (`matchmaking.offers_of`, the
    members-only ones too if `viewer` is a network member) and events
    (`webtalks.events_of`). Each is a list, empty while its app is absent."""
    return {
        "case_studies": list(
            _from_optional_app("bestpractice", "case_studies_of", organisation, default=[])
        ),
        "offers": list(
            _from_optional_app("matchmaking", "offers_of", organisation, viewer, default=[])
        ),
        "events": list(_from_optional_app("webtalks", "events_of", organisation, default=[])),
    }
