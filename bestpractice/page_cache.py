"""The parts of a case study page that every viewer of a kind sees alike, cached as HTML.

Profile of issue 14 (docs/decisions.md): on a cache-less request most of the time went
into rebuilding what does not depend on the viewer: the two neighbour lists' cards (a
query each for pages, topics and images, and rendering six cards), "Ansprechpersonen",
the KPI charts' SVG, the rich-text sections and the fact sheet (organisation, partners,
parent page). The template caches these parts (`{% cache %}`) under keys built here; the
context hands the lists over lazily, so a cache hit runs none of their queries.

A key holds everything the HTML depends on:
- the library generation (bestpractice.listing_cache): replaced on every publish,
  unpublish, move, restriction and organisation change, so a publish shows at once;
- the page, its live revision, the active language and the path (links and labels
  differ per language; the login link carries the path);
- the viewer kind where the part differs by viewer: the contact e-mail address is for
  signed-in visitors only, "Städte wie Ihre" follows the visitor's own town,
  "Ansprechpersonen" depend on which profiles the viewer may see.

Nothing personal is cached across users: the discussion (comment form, CSRF token,
members-only threads) is rendered per request, "Ansprechpersonen" are cached for
anonymous visitors only (public profiles, under the people generation below), and a page
behind a view restriction never reaches the template for a viewer it refuses.
"""

import uuid

from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from bestpractice import listing_cache, selectors
from network import cache_generations

TIMEOUT = listing_cache.TIMEOUT
# Replaced when a person's name, visibility, activity or topics of expertise change
# (bestpractice.signals): the anonymous "Ansprechpersonen" are kept under it.
PEOPLE_GENERATION_KEY = "people:generation"
ANONYMOUS, SIGNED_IN = "anonymous", "signed-in"


def people_generation():
    return cache_generations.generation(PEOPLE_GENERATION_KEY)


def bump_people():
    cache_generations.bump(PEOPLE_GENERATION_KEY)


def viewer_kind(user):
    return SIGNED_IN if user.is_authenticated else ANONYMOUS


def case_study_context(page, request, limit=3):
    """Context of a case study page: the cache keys of its parts and the data of those
    parts as lazy objects, read only when a part is not in the cache."""
    from network.people_selectors import experts_for_item

    user = request.user
    kind = viewer_kind(user)
    # Which town "Städte wie Ihre" compares with is part of the key: the visitor's own
    # municipality when it has a size and a Land, else the case study's. No query for
    # anonymous visitors.
    own = selectors.municipal_organisation_of(user)
    is_own = bool(own and own.size_class and own.bundesland)
    reference_pk = own.pk if is_own else page.organisation_id
    neighbours = SimpleLazyObject(
        lambda: selectors.case_study_neighbours(page, user, limit=limit, own=own)
    )
    key = ":".join(
        str(part)
        for part in (listing_cache.generation(), page.pk, page.live_revision_id,
                     get_language(), request.path)
    )
    timeout = TIMEOUT
    if getattr(request, "is_preview", False):
        # A preview renders a draft under the live page's key: it must neither show the
        # cached live parts nor leave the draft behind for visitors.
        key, timeout = f"preview:{uuid.uuid4().hex}", 0
    return {
        "fragment_timeout": timeout,
        "fragment_key": key,
        "viewer_kind": kind,
        "towns_key": f"{reference_pk}:{is_own}",
        # Only anonymous visitors share "Ansprechpersonen" (see the module docstring).
        "experts_key": people_generation() if kind == ANONYMOUS else None,
        "page_topics": SimpleLazyObject(lambda: neighbours["page_topics"]),
        "related_case_studies": SimpleLazyObject(lambda: neighbours["related_case_studies"]),
        "towns_like_yours": SimpleLazyObject(lambda: neighbours["towns_like_yours"]),
        "towns_like_yours_reference": SimpleLazyObject(
            lambda: neighbours["towns_like_yours_reference"]
        ),
        "towns_like_yours_is_own": is_own,
        "experts": SimpleLazyObject(lambda: experts_for_item(page, user)),
    }
