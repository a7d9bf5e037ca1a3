"""How hits are ordered, in plain Python: the same for every engine and database.

Engines fetch a bounded set of candidates (those matching in title or tags, then the rest,
each in the order of `static_rank`) and `score()` orders them:

- a field's weight: title above tags above body;
- how a query word matches: the whole word above a part of a compound ("Leerstand" in
  "Leerstandsmanagement") above the query's own parts ("Frequenzmessung" as "Frequenz
  messen") above a mere prefix;
- the weight of the content type: what people look for when they search a topic (the
  library, events, funding programmes) before single forum contributions;
- an organisation whose name the query spells out comes first;
- recency only as a gentle tie-breaker.

Weights come from what the platform's members search for (docs/decisions.md), never from
a benchmark's queries.
"""

import math
from bisect import bisect_left
from datetime import UTC, datetime

from search.analysis import MIN_PREFIX_LENGTH, analyse, fold, stem

FIELD_WEIGHTS = (("t", 3.0), ("g", 2.5), ("b", 1.0))
WHOLE, PART, SPLIT, PREFIX, HEAD = 1.0, 0.7, 0.6, 0.45, 0.3

TYPE_WEIGHTS = {
    "case_study": 1.3,
    "funding": 1.25,
    "event": 1.2,
    "article": 1.15,
    "offer": 1.05,
    "organisation": 1.0,
    "pain_point": 1.0,
    "forum_thread": 0.85,
    "forum_post": 0.7,
}
DEFAULT_TYPE_WEIGHT = 1.0
NAME_BONUS = 4.0  # an organisation named by the query
# Words of German organisation names that name no one in particular (legal forms, "Stadt").
NAME_AFFIXES = frozenset(
    stem(fold(word))
    for word in "stadt gemeinde markt kreis landkreis gmbh ug ag kg ev e v verein".split()
)
RECENCY = 0.05  # at most this much for the newest item
RECENCY_HALF_LIFE_DAYS = 365
_EPOCH = datetime(2015, 1, 1, tzinfo=UTC)


def type_weight(doc_type):
    return TYPE_WEIGHTS.get(doc_type, DEFAULT_TYPE_WEIGHT)


def static_rank(doc_type, date):
    """The order candidates are read in: type weight, then (a little) newer first."""
    years = 0.0
    if date is not None:
        years = max(0.0, (date - _EPOCH).total_seconds() / (365.25 * 86400))
    return type_weight(doc_type) + min(years, 50) / 1000


def analysed_fields(title, tags, body, type_label=""):
    """The per-field terms `score()` reads, stored with each indexed document.

    The name of the content type ("Förderprogramme", "Veranstaltungen") counts as body
    text, so searching for a kind of content finds its items.
    """
    fields = {}
    for key, text in (("t", title), ("g", " ".join(tags)), ("b", f"{body}\n{type_label}")):
        wholes, parts = analyse(text)
        # Sorted, so a prefix is looked up by bisection.
        fields[key] = sorted(set(wholes))
        fields[f"{key}p"] = sorted(set(parts))
        if key == "t":
            fields["n"] = wholes  # the title's words in order: whose name it is
    return fields


def _prefix_of_any(stem, terms):
    """Whether a term of the sorted list `terms` starts with `stem`."""
    if len(stem) < MIN_PREFIX_LENGTH:
        return False
    position = bisect_left(terms, stem)
    return position < len(terms) and terms[position].startswith(stem)


def _contains(terms, term):
    position = bisect_left(terms, term)
    return position < len(terms) and terms[position] == term


def _match_quality(alternative, wholes, parts):
    whole, query_parts = alternative
    if _contains(wholes, whole):
        return WHOLE
    if _contains(parts, whole):
        return PART
    if query_parts and all(
        _contains(parts, part) or _prefix_of_any(part, wholes) for part in query_parts
    ):
        return SPLIT
    if _prefix_of_any(whole, wholes) or _prefix_of_any(whole, parts):
        return PREFIX
    if query_parts:
        head = query_parts[-1]
        if _contains(parts, head) or _prefix_of_any(head, wholes):
            return HEAD
    return 0.0


def _names_organisation(alternatives, title_stems):
    """Whether the query spells out an organisation's name: every query word is in the name,
    and it holds the name's first distinctive word or all of them ("Raumwende", "Stadt
    Iserlohn"), not just a topic that happens to be in the name ("Leerstand")."""
    distinctive = [stem for stem in title_stems if stem not in NAME_AFFIXES]
    if not distinctive:
        return False
    query_stems = {whole for whole, _parts in alternatives}
    if not all(any(stem.startswith(whole) for stem in title_stems) for whole in query_stems):
        return False
    covered = [stem for stem in distinctive if any(stem.startswith(whole) for whole in query_stems)]
    return distinctive[0] in covered or len(covered) == len(distinctive)


def score(alternatives, doc_type, fields, date=None, now=None):
    """The score of one candidate for a query's `alternatives` (see `ParsedQuery`)."""
    if not alternatives:
        return 0.0
    total = 0.0
    for alternative in alternatives:
        best = 0.0
        for key, weight in FIELD_WEIGHTS:
            quality = _match_quality(alternative, fields.get(key, ()), fields.get(f"{key}p", ()))
            best = max(best, weight * quality)
        total += best
    relevance = total / len(alternatives) * type_weight(doc_type)
    if doc_type == "organisation" and _names_organisation(alternatives, fields.get("n", ())):
        relevance += NAME_BONUS
    if date is not None:
        now = now or datetime.now(UTC)
        age_days = max(0.0, (now - date).total_seconds() / 86400)
        relevance += RECENCY * math.exp(-age_days / RECENCY_HALF_LIFE_DAYS)
    return relevance


def type_label(doc_type):
    from search.documents import get_provider

    try:
        return str(get_provider(doc_type).label)
    except LookupError:
        return ""
