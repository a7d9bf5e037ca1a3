"""The database side of the engine: model rows as engine items, and one stored index per catalog.

The worker builds an index per catalog (offers, pain points, case studies, funding
programmes, upcoming events) and stores it serialised in the database, with a stamp of
the rows it was built from (count and latest change, plus the editors' synonym list), so
every server and worker process shares it. A single changed row is applied with
`refresh_item()` (one update, not a rebuild), queued on publish and change
(`matchmaking.signals`). Requests read with `stored_index()` and never build; the
worker's side (`index_for`, recompute) rebuilds when the stamp is stale.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import pickle
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.html import strip_tags

from matchmaking import learning
from matchmaking.engine import Item as EngineItem
from matchmaking.engine import MatchIndex, Sources
from matchmaking.models import FundingProgramme, Offer, PainPoint, SynonymEntry

logger = logging.getLogger(__name__)

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
    if name in (PAIN_POINTS, OFFERS):
        stamp += (learning.verdict_stamp(),)
    if name == EVENTS:
        # Events leave the catalog when they start, without any row changing.
        stamp += (tuple(rows.values_list("pk", flat=True).order_by("pk")),)
    return stamp


def synonym_stamp():
    summary = SynonymEntry.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    return summary["count"], summary["latest"]


def editor_synonyms() -> list[dict]:
    return [entry.as_group() for entry in SynonymEntry.objects.all() if len(entry.term_list) >= 2]


# --- Stored indexes ------------------------------------------------------------------
#
# The worker builds each index and stores it serialised in the database (`CatalogSnapshot`,
# the *base*); a later change of one row is stored as a line of `CatalogChange` with the
# next version number, not as a new serialised copy. Every process keeps the index it last
# loaded with its version: on a request (`stored_index`) it reads the current version (one
# small query) and, if it is behind, applies the few changed rows itself (one query for
# them) - loading the base only when it has no copy yet. A request never builds an index:
# with nothing stored yet it schedules the build and answers with an empty index.

_ENGINE_DIR = Path(__file__).resolve().parent / "engine"
ENGINE_VERSION = hashlib.sha256(
    b"".join(path.read_bytes() for path in sorted(_ENGINE_DIR.glob("*.py")))
).hexdigest()[:32]
# A stored index older than this is checked by the worker against the database (events
# leave the catalog when they start, without any row changing).
RECHECK_AFTER = datetime.timedelta(minutes=10)
# After this many stored changes the worker writes a new base, so that a fresh process
# need not replay a long log.
REBASE_AFTER = 200

_lock = threading.RLock()
_local: dict[str, tuple[int, MatchIndex]] = {}
_empty: MatchIndex | None = None


def _snapshots():
    from matchmaking.models import CatalogSnapshot

    return CatalogSnapshot.objects.filter(engine=ENGINE_VERSION)


def _apply(name: str, index: MatchIndex, row_ids) -> None:
    """Bring the rows `row_ids` of `name` into `index` as the database has them now."""
    row_ids = set(row_ids)
    if not row_ids:
        return
    catalog = CATALOGS[name]
    found = {row.pk: catalog.to_item(row) for row in catalog.rows().filter(pk__in=row_ids)}
    with _lock:
        for row_id in row_ids:
            if row_id in found:
                index.update(found[row_id])
            else:
                index.remove(str(row_id))


def _load(name: str, version: int, base_version: int) -> MatchIndex | None:
    """Index `version` of `name`: this process' copy, caught up through the change log, or
    the stored base plus the log."""
    from matchmaking.models import CatalogChange

    with _lock:
        cached = _local.get(name)
    if cached is not None and cached[0] == version:
        return cached[1]
    if cached is not None and base_version <= cached[0] < version:
        index, since = cached[1], cached[0]
    else:
        data = _snapshots().filter(name=name).values_list("data", flat=True).first()
        if data is None:
            return None
        try:
            index = pickle.loads(bytes(data))  # noqa: S301 - written by our own worker only
        except Exception:  # a class the engine no longer has: rebuild instead
            logger.warning("Gespeicherter Index %s nicht lesbar, wird neu erstellt", name)
            return None
        since = base_version
    changed = CatalogChange.objects.filter(
        name=name, version__gt=since, version__lte=version
    ).values_list("row_id", flat=True)
    _apply(name, index, changed)
    with _lock:
        _local[name] = (version, index)
    return index


def _store(name: str, index: MatchIndex, stamp) -> MatchIndex:
    """Save `index` as the new base of `name` (the worker's side)."""
    from matchmaking.models import CatalogChange, CatalogSnapshot

    data = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    with transaction.atomic():
        row = CatalogSnapshot.objects.select_for_update().filter(name=name).first()
        version = (row.version + 1) if row else 1
        CatalogSnapshot.objects.update_or_create(
            name=name,
            defaults={"version": version, "base_version": version, "engine": ENGINE_VERSION,
                      "stamp": repr(stamp), "item_count": len(index), "data": data},
        )
        CatalogChange.objects.filter(name=name).delete()
    with _lock:
        _local[name] = (version, index)
    return index


def build(name: str) -> MatchIndex:
    """Build `name` from all its rows and store it (the worker's side; seconds at scale)."""
    stamp = _stamp(name)
    catalog = CATALOGS[name]
    # In chunks: each prefetches its own tags, which keeps SQLite's IN lists short.
    rows = catalog.rows().iterator(chunk_size=500)
    # The same knowledge sources the evaluation measures: the members' verdicts, and the
    # platform's texts when the engine's corpus source is on (matchmaking/learning.py).
    corpus = learning.platform_texts() if Sources().corpus else ()
    index = MatchIndex((catalog.to_item(row) for row in rows), extra_synonyms=editor_synonyms(),
                       corpus=corpus, verdicts=learning.verdicts_for(name))
    return _store(name, index, stamp)


def _current(name: str):
    return _snapshots().filter(name=name).values("version", "base_version", "stamp",
                                                 "built_at").first()


def index_for(name: str) -> MatchIndex:
    """The catalog's index as the database is now, built only when the stored one is stale
    (the worker's side and the services that recompute stored matches)."""
    stamp = _stamp(name)
    row = _current(name)
    if row is not None and row["stamp"] == repr(stamp):
        index = _load(name, row["version"], row["base_version"])
        if index is not None:
            return index
    return build(name)


def stored_index(name: str) -> MatchIndex:
    """The stored index for a request: never built here. Missing or due for a check, the
    worker is asked to (re)build it; until then an empty index answers."""
    row = _current(name)
    index = _load(name, row["version"], row["base_version"]) if row else None
    if index is None or timezone.now() - row["built_at"] > RECHECK_AFTER:
        if schedule_check(name) and index is None:
            # The task may have run already (the immediate backend of `make run`).
            row = _current(name)
            index = _load(name, row["version"], row["base_version"]) if row else None
    if index is None:
        global _empty
        if _empty is None:
            _empty = MatchIndex()
        return _empty
    return index


def schedule_check(name: str) -> bool:
    """Ask the worker to bring `name` up to date, at most once a minute per catalog;
    True if this call asked."""
    from django.core.cache import cache

    if not cache.add(f"matching:check:{name}", 1, timeout=60):
        return False
    from matchmaking.tasks import check_catalog

    try:
        check_catalog.enqueue(name)
    except Exception:  # the queue may be down; the next request asks again
        cache.delete(f"matching:check:{name}")
        logger.exception("Aktualisierung des Matching-Index %s nicht eingereiht", name)
        return False
    return True


def refresh_item(name: str, row_id: int) -> MatchIndex:
    """Record that one row changed (or left): one line in the change log that every process
    applies, not a rebuild (the worker's side)."""
    from matchmaking.models import CatalogChange, CatalogSnapshot

    with transaction.atomic():
        # Serialises changes of one catalog between worker processes.
        row = (CatalogSnapshot.objects.select_for_update().filter(name=name, engine=ENGINE_VERSION)
               .values("version", "base_version", "stamp").first())
        index = _load(name, row["version"], row["base_version"]) if row else None
        if index is None:
            return build(name)
        previous_stamp = row["stamp"]
        _apply(name, index, [row_id])
        stamp = _stamp(name)
        # Other rows may have changed meanwhile without reaching us: then the count or
        # the synonym list disagrees, and only a rebuild is safe.
        # (The stored stamp is the repr of a tuple that holds the synonym stamp.)
        if len(index) != stamp[0] or repr(stamp[2]) not in previous_stamp:
            return build(name)
        if row["version"] + 1 - row["base_version"] >= REBASE_AFTER:
            return _store(name, index, stamp)
        version = row["version"] + 1
        CatalogChange.objects.create(name=name, version=version, row_id=row_id)
        CatalogSnapshot.objects.filter(name=name).update(
            version=version, stamp=repr(stamp), item_count=len(index), built_at=timezone.now()
        )
    with _lock:
        _local[name] = (version, index)
    return index


def clear_cache() -> None:
    """Forget this process' copies (they are loaded again from the database)."""
    global _empty
    with _lock:
        _local.clear()
        _empty = None


def items_of(name: str, rows: Iterable) -> list[EngineItem]:
    return [CATALOGS[name].to_item(row) for row in rows]
