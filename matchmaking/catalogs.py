"""The database side of the engine: model rows as engine items, and one cached index per catalog.

Each process keeps a `MatchIndex` per catalog (offers, pain points, case studies, funding
programmes, upcoming events) together with a stamp of the rows it was built from (count and
latest change, plus the editors' synonym list). A stale stamp rebuilds the index; a single
changed row is applied in place with `refresh_item()`, so a change costs one update, not a
rebuild.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.html import strip_tags

from matchmaking.engine import Item as EngineItem
from matchmaking.engine import MatchIndex
from matchmaking.models import FundingProgramme, Offer, PainPoint, SynonymEntry

PAIN_POINTS, OFFERS, CASE_STUDIES, FUNDING, EVENTS = (
    "pain_points", "offers", "case_studies", "funding", "events",
)


def _tag_names(obj) -> list[str]:
    """Tag names from a prefetched `tagged_items` (no query when prefetched)."""
    return [tagged.tag.name for tagged in obj.tagged_items.all()]


def pain_point_item(pain_point: PainPoint) -> EngineItem:
    organisation = pain_point.organisation
    return EngineItem.create(
        id=str(pain_point.pk),
        title=pain_point.title,
        description=pain_point.description,
        tags=_tag_names(pain_point),
        regions=[organisation.bundesland] if organisation.bundesland else [],
        sizes=[organisation.size_class] if organisation.size_class else [],
        kind="pain_point",
    )


def offer_item(offer: Offer) -> EngineItem:
    return EngineItem.create(
        id=str(offer.pk),
        title=offer.title,
        description=offer.description,
        tags=_tag_names(offer),
        regions=offer.region_codes,
        sizes=offer.sizes or [],
        kind="offer",
    )


def case_study_item(page) -> EngineItem:
    sizes = [size for size, fits in (("small", page.transfers_to_small),
                                     ("medium", page.transfers_to_medium),
                                     ("large", page.transfers_to_large)) if fits]
    if not sizes and page.size_class:
        sizes = [page.size_class]
    return EngineItem.create(
        id=str(page.pk),
        title=page.title,
        description=" ".join((page.summary, strip_tags(page.problem), strip_tags(page.approach))),
        tags=_tag_names(page),
        # Experience travels across state borders: a case study serves everyone.
        regions=[],
        sizes=sizes,
        kind="case_study",
    )


def funding_item(programme: FundingProgramme) -> EngineItem:
    return EngineItem.create(
        id=str(programme.pk),
        title=programme.name,
        description=programme.description,
        tags=_tag_names(programme),
        regions=programme.bundeslaender or ["DE"],
        kind="funding",
    )


def event_item(event) -> EngineItem:
    return EngineItem.create(
        id=str(event.pk),
        title=event.title,
        description=event.intro,
        tags=_tag_names(event),
        kind="event",
    )


def _tagged(queryset):
    return queryset.prefetch_related("tagged_items__tag")


def listed_pain_points():
    return _tagged(PainPoint.objects.listed().select_related("organisation"))


def listed_offers():
    return _tagged(Offer.objects.listed().select_related("organisation"))


def _case_studies():
    from bestpractice.selectors import live_case_studies

    return _tagged(live_case_studies())


def _funding():
    return _tagged(FundingProgramme.objects.open_on())


def _events():
    from webtalks.selectors import live_events

    return _tagged(live_events().filter(start__gt=timezone.now()))


@dataclass(frozen=True)
class Catalog:
    rows: Callable[[], object]
    to_item: Callable[[object], EngineItem]


CATALOGS: dict[str, Catalog] = {
    PAIN_POINTS: Catalog(listed_pain_points, pain_point_item),
    OFFERS: Catalog(listed_offers, offer_item),
    CASE_STUDIES: Catalog(_case_studies, case_study_item),
    FUNDING: Catalog(_funding, funding_item),
    EVENTS: Catalog(_events, event_item),
}


def _stamp(name: str):
    """What the cached index must agree with: the catalog's size and latest change."""
    rows = CATALOGS[name].rows().order_by()
    changed_field = {CASE_STUDIES: "last_published_at", EVENTS: "last_published_at"}.get(
        name, "updated_at"
    )
    summary = rows.prefetch_related(None).aggregate(count=Count("pk"), latest=Max(changed_field))
    stamp = (summary["count"], summary["latest"], synonym_stamp())
    if name == EVENTS:
        # Events leave the catalog when they start, without any row changing.
        stamp += (tuple(rows.values_list("pk", flat=True).order_by("pk")),)
    return stamp


def synonym_stamp():
    summary = SynonymEntry.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return summary["count"], summary["latest"]


def editor_synonyms() -> list[dict]:
    return [entry.as_group() for entry in SynonymEntry.objects.all() if len(entry.term_list) >= 2]


_lock = threading.Lock()
_cache: dict[str, tuple[object, MatchIndex]] = {}


def index_for(name: str) -> MatchIndex:
    """The catalog's index, rebuilt only when the database has moved on."""
    stamp = _stamp(name)
    with _lock:
        cached = _cache.get(name)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    catalog = CATALOGS[name]
    # In chunks: each prefetches its own tags, which keeps SQLite's IN lists short.
    rows = catalog.rows().iterator(chunk_size=500)
    index = MatchIndex((catalog.to_item(row) for row in rows), extra_synonyms=editor_synonyms())
    with _lock:
        _cache[name] = (stamp, index)
    return index


def refresh_item(name: str, row_id: int) -> MatchIndex:
    """Apply one changed (or removed) pain point or offer to the cached index, rebuilding
    only if needed."""
    catalog = CATALOGS[name]
    with _lock:
        cached = _cache.get(name)
    if cached is None:
        return index_for(name)
    previous_stamp, index = cached
    row = catalog.rows().filter(pk=row_id).first()
    if row is None:
        index.remove(str(row_id))
    else:
        index.update(catalog.to_item(row))
    stamp = _stamp(name)
    # Another process may have changed other rows meanwhile: then the count or the
    # synonym list disagrees, and only a rebuild is safe.
    if len(index) == stamp[0] and previous_stamp[2] == stamp[2]:
        with _lock:
            _cache[name] = (stamp, index)
        return index
    return index_for(name)


def clear_cache() -> None:
    with _lock:
        _cache.clear()


def items_of(name: str, rows: Iterable) -> list[EngineItem]:
    return [CATALOGS[name].to_item(row) for row in rows]
