"""Filter state of the library's list pages, parsed from and written back to the URL.

Plain module, no database: the selectors turn a `ListingState` into queries. Within one
facet, selected values are alternatives (OR); different facets narrow each other (AND).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

MAX_VALUES_PER_FACET = 12
_SLUG = re.compile(r"^[-\w]{1,100}$")
_YEAR = re.compile(r"^(19|20)\d\d$")

PAGE_PARAM = "seite"
SORT_PARAM = "sortierung"


@dataclass(frozen=True)
class Facet:
    key: str  # GET parameter
    label: str
    field: str  # column (or annotation) to filter and group by; "" means topic tags
    choices: tuple = ()  # (value, label) in display order; empty: values found in the data
    numeric: bool = False

    @property
    def is_topic(self):
        return self.field == ""

    def accepts(self, value):
        if self.choices:
            return value in {choice for choice, _label in self.choices}
        if self.numeric:
            return bool(_YEAR.match(value))
        return bool(_SLUG.match(value))

    def label_for(self, value):
        return dict(self.choices).get(value, value)


@dataclass(frozen=True)
class Sort:
    key: str
    label: str
    order_by: tuple
    annotation: str = ""  # name of a selector-side annotation the order_by needs


@dataclass(frozen=True)
class ListingState:
    """What the visitor asked for: selected facet values, sort order and page number."""

    facets: tuple
    sorts: tuple
    selected: dict = field(default_factory=dict)
    sort: str = ""
    page: str = "1"

    @classmethod
    def from_query(cls, query, facets, sorts):
        selected = {}
        for facet in facets:
            values = []
            for raw in query.getlist(facet.key):
                value = raw.strip()
                if value and facet.accepts(value) and value not in values:
                    values.append(value)
            if values:
                selected[facet.key] = tuple(sorted(values[:MAX_VALUES_PER_FACET]))
        sort = query.get(SORT_PARAM, "")
        if sort not in {option.key for option in sorts}:
            sort = sorts[0].key
        page = query.get(PAGE_PARAM, "1")
        return cls(facets=facets, sorts=sorts, selected=selected, sort=sort, page=page)

    @property
    def sort_option(self):
        return next(option for option in self.sorts if option.key == self.sort)

    @property
    def is_filtered(self):
        return bool(self.selected)

    def values(self, key):
        return self.selected.get(key, ())

    def _pairs(self, *, without=None):
        pairs = []
        for facet in self.facets:
            for value in self.values(facet.key):
                if (facet.key, value) != without:
                    pairs.append((facet.key, value))
        if self.sort != self.sorts[0].key:
            pairs.append((SORT_PARAM, self.sort))
        return pairs

    def querystring(self, *, page=None, without=None):
        """`?…` for this state, on `page`, optionally with one (key, value) removed."""
        pairs = self._pairs(without=without)
        if page and str(page) != "1":
            pairs.append((PAGE_PARAM, str(page)))
        return "?" + urlencode(pairs) if pairs else "?"

    def active_filters(self, names=None):
        """Each selected value with the address that removes it; `names` maps
        {facet key: {value: display name}} for values without fixed choices (topics)."""
        names = names or {}
        return [
            {
                "facet": facet.label,
                "label": names.get(facet.key, {}).get(value) or facet.label_for(value),
                "remove_query": self.querystring(without=(facet.key, value)),
            }
            for facet in self.facets
            for value in self.values(facet.key)
        ]


def size_facet_choices():
    from network.models import SizeClass

    return tuple((size.value, size.label) for size in SizeClass)


def bundesland_facet_choices():
    from network.models import Bundesland

    return tuple(sorted(((land.value, land.label) for land in Bundesland), key=lambda c: c[1]))


def case_study_facets():
    from bestpractice.models.choices import BudgetRange

    return (
        Facet("thema", _("Thema"), ""),
        Facet("groesse", _("Stadtgröße"), "size_class", size_facet_choices()),
        Facet("land", _("Bundesland"), "bundesland", bundesland_facet_choices()),
        Facet("budget", _("Kostenrahmen"), "budget_range", tuple(BudgetRange.choices)),
        Facet("jahr", _("Startjahr"), "year", numeric=True),
    )


def article_facets():
    from bestpractice.models.choices import ArticleKind

    return (
        Facet("art", _("Art"), "kind", tuple(ArticleKind.choices)),
        Facet("thema", _("Thema"), ""),
        Facet("jahr", _("Jahr"), "date__year", numeric=True),
    )


CASE_STUDY_SORTS = (
    Sort("neu", _("Neueste zuerst"), ("-first_published_at", "-pk")),
    Sort(
        "diskutiert",
        _("Meistdiskutiert"),
        ("-comment_count", "-first_published_at", "-pk"),
        annotation="comment_count",
    ),
    Sort("titel", _("Titel A–Z"), ("title", "pk")),
)
ARTICLE_SORTS = (
    Sort("neu", _("Neueste zuerst"), ("-date", "-pk")),
    Sort("titel", _("Titel A–Z"), ("title", "pk")),
)
