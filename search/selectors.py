"""Reads for the search page: run the search and describe its facets for the template."""

from dataclasses import dataclass

import search
from search.documents import TYPE_FACET, facet_label, facet_names, facet_value_label, providers

PER_PAGE = 10
TYPE_PARAMETER = "typ"


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    parameter: str
    label: str
    options: list[FacetOption]


def site_search(user, *, query="", types=(), filters=None, page=1, per_page=PER_PAGE):
    """Search everything `user` may see; a page past the end shows the last page instead."""
    engine = search.engine()
    arguments = {
        "user": user,
        "types": types,
        "filters": filters or {},
        "facets": facet_names(types),
        "per_page": per_page,
    }
    results = engine.search(query, page=page, **arguments)
    if results.total and results.page > results.num_pages:
        results = engine.search(query, page=results.num_pages, **arguments)
    return results


def facet_groups(results, *, types=(), filters=None):
    """Every facet with its options and counts; selected values stay listed even at count 0."""
    filters = filters or {}
    groups = []
    for name, counts in results.facets.items():
        selected = list(types) if name == TYPE_FACET else list(filters.get(name, []))
        count_by_value = {facet.value: facet.count for facet in counts}
        values = [facet.value for facet in counts]
        values += [value for value in selected if value not in count_by_value]
        options = [
            FacetOption(
                value=value,
                label=str(facet_value_label(name, value)),
                count=count_by_value.get(value, 0),
                selected=value in selected,
            )
            for value in values
        ]
        if options:
            groups.append(
                FacetGroup(
                    name=name,
                    parameter=TYPE_PARAMETER if name == TYPE_FACET else name,
                    label=str(facet_label(name)),
                    options=options,
                )
            )
    return groups


def type_labels():
    return {provider.type: str(provider.label) for provider in providers()}


MAX_SUGGESTIONS = 8


def suggestions(query, limit=MAX_SUGGESTIONS):
    """Completions of the last word typed, from the public vocabulary: "Einbeck lee" ->
    ["Einbeck leerstand", …]. Nothing for less than two letters."""
    text = " ".join(query.split())
    if not text or query[-1:].isspace():
        return []
    head, _space, last = text.rpartition(" ")
    if len(last) < 2:
        return []
    words = search.engine().completions(last, limit=limit)
    return [f"{head} {word}".strip() for word in words]
