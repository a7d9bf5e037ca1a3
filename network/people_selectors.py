"""Reads about people: who may see whom, the people directory with its facet counts, a
person's profile and contributions, and "Ansprechpersonen zum Thema".

Visibility is decided here and nowhere else: visitors see "public" profiles, network
members (an active membership in an approved organisation) and moderators see "public"
and "members" profiles, a "hidden" profile exists only for the person themself.
"""

from django.db.models import Count, Prefetch, Q
from django.http import Http404

from network.models import Bundesland, Membership, Organisation, User
from network.permissions import is_moderator, is_network_member

Visibility = User.ProfileVisibility
MAX_EXPERTS = 5


def visible_levels(viewer):
    """The profile visibilities `viewer` may see (as a tuple, for `__in`)."""
    if is_moderator(viewer) or is_network_member(viewer):
        return (Visibility.PUBLIC, Visibility.MEMBERS)
    return (Visibility.PUBLIC,)


def _active_approved_memberships():
    return (
        Membership.objects.filter(
            status=Membership.Status.ACTIVE, organisation__status=Organisation.Status.APPROVED
        )
        .select_related("organisation")
        .order_by("role", "organisation__name", "pk")
    )


def visible_people(viewer, levels=None):
    """Active people whose profile `viewer` may see (levels: from `visible_levels`)."""
    levels = levels if levels is not None else visible_levels(viewer)
    return User.objects.filter(is_active=True, profile_visibility__in=levels)


def _with_profile_data(people):
    return people.prefetch_related(
        Prefetch(
            "memberships", queryset=_active_approved_memberships(), to_attr="active_memberships"
        ),
        "expertise",
    )


def _attach_primary(people):
    for person in people:
        memberships = getattr(person, "active_memberships", [])
        person.primary_organisation = memberships[0].organisation if memberships else None
    return people


# --- directory ---------------------------------------------------------------------------


def _filtered(people, filters, skip=None):
    if filters.get("q") and skip != "q":
        for word in filters["q"].split()[:5]:
            people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    membership = {}
    if filters.get("bundesland") and skip != "bundesland":
        membership["organisation__bundesland"] = filters["bundesland"]
    if filters.get("kind") and skip != "kind":
        membership["organisation__kind"] = filters["kind"]
    if membership:
        people = people.filter(
            pk__in=Membership.objects.filter(
                status=Membership.Status.ACTIVE,
                organisation__status=Organisation.Status.APPROVED,
                **membership,
            ).values("user_id")
        )
    if filters.get("topic") and skip != "topic":
        people = people.filter(tagged_expertise__tag__slug=filters["topic"])
    return people


def people_directory(viewer, filters=None):
    """People `viewer` may see that match `filters` (q, topic slug, bundesland, kind), by
    name; call `attach_directory_data` on the page's slice."""
    filters = filters or {}
    people = _filtered(visible_people(viewer), filters)
    return _with_profile_data(people).order_by("last_name", "first_name", "pk")


def attach_directory_data(page_people):
    return _attach_primary(list(page_people))


def people_facets(viewer, filters=None):
    """Counts per facet value among the people `viewer` may see; each facet is counted
    with the other facets' filters applied (so choosing a value shows how many remain).

    Returns {"topic": [(slug, name, n)], "bundesland": [(code, label, n)],
    "kind": [(value, label, n)]}; three queries whatever the number of people.
    """
    from taggit.models import Tag

    filters = filters or {}
    base = visible_people(viewer, visible_levels(viewer))

    topic_people = _filtered(base, filters, skip="topic").values("pk")
    topics = (
        Tag.objects.filter(network_taggedexpertise_items__content_object__in=topic_people)
        .annotate(n=Count("network_taggedexpertise_items", distinct=True))
        .order_by("name")
        .values_list("slug", "name", "n")
    )

    def organisation_counts(field):
        members = _filtered(base, filters, skip=field).values("pk")
        return dict(
            Membership.objects.filter(
                status=Membership.Status.ACTIVE,
                organisation__status=Organisation.Status.APPROVED,
                user__in=members,
            )
            .values_list(f"organisation__{field}")
            .annotate(n=Count("user", distinct=True))
            .order_by()
        )

    land_counts = organisation_counts("bundesland")
    kind_counts = organisation_counts("kind")
    return {
        "topic": list(topics),
        "bundesland": [
            (code, label, land_counts[code])
            for code, label in Bundesland.choices
            if land_counts.get(code)
        ],
        "kind": [
            (value, label, kind_counts[value])
            for value, label in Organisation.Kind.choices
            if kind_counts.get(value)
        ],
    }


# --- profile -----------------------------------------------------------------------------


def person_for_profile(pk, viewer):
    """The person behind `pk` with `primary_organisation` and `active_memberships`, if
    `viewer` may see the profile; Http404 otherwise (hidden profiles for everyone else)."""
    is_self = bool(viewer and viewer.is_authenticated and viewer.pk == pk)
    people = User.objects.filter(pk=pk, is_active=True)
    if not is_self:
        people = people.filter(profile_visibility__in=visible_levels(viewer))
    person = _with_profile_data(people).first()
    if person is None:
        raise Http404("Person nicht gefunden")
    _attach_primary([person])
    return person


def person_contributions(person, viewer, limit=10):
    """What `person` contributed that `viewer` may see: published case studies they
    submitted, events they speak at, forum threads they started and results they wrote.
    A fixed number of queries, whatever the numbers."""
    from django.apps import apps

    from network.forum.access import Viewer

    member = is_moderator(viewer) or is_network_member(viewer)
    contributions = {"case_studies": [], "events": [], "threads": [], "results": []}
    if apps.is_installed("bestpractice"):
        from bestpractice.models import BestPracticePage, CaseStudySubmission

        page_ids = CaseStudySubmission.objects.filter(
            submitter=person, status=CaseStudySubmission.Status.PUBLISHED, page__isnull=False
        ).values("page_id")
        contributions["case_studies"] = list(
            BestPracticePage.objects.live().public().filter(pk__in=page_ids)
            .order_by("-first_published_at")[:limit]
        )
    if apps.is_installed("webtalks"):
        from webtalks.models.choices import Audience
        from webtalks.models.pages import EventPage

        events = EventPage.objects.live().public().filter(
            pk__in=EventPage.speakers.rel.related_model.objects.filter(user=person).values(
                "page_id"
            )
        )
        if not member:
            events = events.exclude(audience=Audience.MEMBERS)
        contributions["events"] = list(events.order_by("-start")[:limit])

    threads = Viewer.of(viewer).visible_threads().filter(category__isnull=False)
    contributions["threads"] = list(
        threads.filter(author=person).select_related("category").order_by("-created_at")[:limit]
    )
    contributions["results"] = list(
        threads.filter(result_by=person)
        .exclude(result_html="")
        .select_related("category")
        .order_by("-result_at")[:limit]
    )
    return contributions


def is_following(viewer, person):
    from network.models import PersonFollow

    if not (viewer and viewer.is_authenticated) or viewer.pk == person.pk:
        return False
    return PersonFollow.objects.filter(follower=viewer, person=person).exists()


# --- "Ansprechpersonen zum Thema" --------------------------------------------------------


def experts_for_topics(topic_slugs, viewer, limit=MAX_EXPERTS, exclude_ids=()):
    """Up to `limit` people `viewer` may see whose expertise overlaps `topic_slugs`, the
    largest overlap first, with the number of shared topics as `overlap`. One query (plus
    the viewer's membership check)."""
    topic_slugs = list(topic_slugs)[:30]
    if not topic_slugs:
        return []
    return list(
        visible_people(viewer)
        .exclude(pk__in=list(exclude_ids))
        .filter(tagged_expertise__tag__slug__in=topic_slugs)
        .annotate(overlap=Count("tagged_expertise", distinct=True))
        .order_by("-overlap", "last_name", "first_name", "pk")[:limit]
    )


def experts_for_item(item, viewer, limit=MAX_EXPERTS):
    """"Ansprechpersonen zum Thema" for anything tagged through a `TaggedItemBase` model
    (`item.topics`): one query, the item's topics read in a subquery."""
    tag_ids = item.topics.through.objects.filter(content_object_id=item.pk).values("tag_id")
    exclude = [viewer.pk] if viewer is not None and viewer.is_authenticated else []
    return list(
        visible_people(viewer)
        .exclude(pk__in=exclude)
        .filter(tagged_expertise__tag_id__in=tag_ids)
        .annotate(overlap=Count("tagged_expertise", distinct=True))
        .order_by("-overlap", "last_name", "first_name", "pk")[:limit]
    )


def message_for(pk, viewer):
    """A profile message as its sender or recipient sees it; Http404 for everyone else."""
    from network.models import PersonMessage

    if not (viewer and viewer.is_authenticated):
        raise Http404("Nachricht nicht gefunden")
    message = (
        PersonMessage.objects.select_related("sender", "recipient")
        .filter(Q(sender=viewer) | Q(recipient=viewer), pk=pk)
        .first()
    )
    if message is None:
        raise Http404("Nachricht nicht gefunden")
    return message
