"""The plain search document and the registry of document providers.

Every indexable model gets one `DocumentProvider`, registered by its owning app when
the app is ready (see `network/search.py` and `NetworkConfig.ready()`):

    class OrganisationDocuments(DocumentProvider):
        type = "organisation"
        model = Organisation
        label = _("Organisationen")
        facets = {"kind": _("Art"), "bundesland": _("Bundesland")}

        def get_queryset(self):
            return Organisation.objects.approved().prefetch_related("topics")

        def build_document(self, organisation):
            return SearchDocument(type=self.type, id=organisation.pk, ...)

    register(OrganisationDocuments())

Registering connects the model's signals (`post_save`/`post_delete`, or Wagtail's
`page_published`/`page_unpublished` for pages, plus `watched_m2m` through models), so
the index follows every change after the transaction commits (`search/signals.py`).
An object missing from `get_queryset()` (unapproved, unpublished) is removed from the index.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PUBLIC = "public"
MEMBERS = "members"
_VISIBILITY = re.compile(r"^(public|members|group:[\w-]+)$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

# Facets every document has, whatever its type.
TYPE_FACET = "type"
TAGS_FACET = "tags"
BUILTIN_FACETS = {TYPE_FACET: _("Inhaltsart"), TAGS_FACET: _("Themen")}


def group_visibility(group_key):
    """The visibility of content only a closed group may see, e.g. a working group."""
    return f"group:{group_key}"


def _as_datetime(value):
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return timezone.make_aware(datetime.combine(value, time.min))
    raise TypeError(f"date must be a date or datetime, not {type(value).__name__}")


def _as_values(value):
    if value is None:
        return ()
    if isinstance(value, str | int):
        value = [value]
    return tuple(dict.fromkeys(str(item).strip() for item in value if str(item).strip()))


@dataclass(frozen=True)
class SearchPart:
    """A part of a document with its own address, e.g. one reply in a forum thread.

    Its text is searched as part of the document; the best-matching part gives the hit
    its snippet and its link, so a thread is one hit that leads to the right reply.
    """

    url: str
    text: str


@dataclass(frozen=True)
class SearchDocument:
    """One searchable thing, the same for every engine."""

    type: str
    id: str
    title: str
    url: str
    body: str = ""
    tags: tuple[str, ...] = ()
    facets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    visibility: str = PUBLIC
    date: datetime | None = None
    parts: tuple[SearchPart, ...] = ()

    def __post_init__(self):
        if not _NAME.match(self.type or ""):
            raise ValueError(f"invalid document type {self.type!r}")
        if not _VISIBILITY.match(self.visibility or ""):
            raise ValueError(f"invalid visibility {self.visibility!r}")
        facets = {}
        for name, values in (self.facets or {}).items():
            if not _NAME.match(name) or name in BUILTIN_FACETS:
                raise ValueError(f"invalid facet name {name!r}")
            facets[name] = _as_values(values)
        object.__setattr__(self, "id", str(self.id))
        object.__setattr__(self, "title", str(self.title or "").strip())
        object.__setattr__(self, "body", str(self.body or "").strip())
        object.__setattr__(self, "tags", _as_values(self.tags))
        object.__setattr__(self, "facets", facets)
        object.__setattr__(self, "date", _as_datetime(self.date))
        object.__setattr__(
            self,
            "parts",
            tuple(
                part if isinstance(part, SearchPart) else SearchPart(*part)
                for part in self.parts or ()
                if (part.text if isinstance(part, SearchPart) else part[1]).strip()
            ),
        )

    @property
    def searchable_body(self):
        """The body and the text of every part: what the body field is searched by."""
        return "\n".join([self.body, *(part.text for part in self.parts)]).strip()

    @property
    def key(self):
        return f"{self.type}:{self.id}"

    def facet_values(self):
        """Every (facet, value) pair, including the built-in type and tags facets."""
        pairs = [(TYPE_FACET, self.type)]
        pairs += [(TAGS_FACET, tag) for tag in self.tags]
        pairs += [(name, value) for name, values in self.facets.items() for value in values]
        return pairs


class DocumentProvider:
    """Turns the objects of one model into search documents."""

    type = ""
    model = None
    label = ""
    facets = {}
    # Through models whose m2m_changed signal means "re-index the instance" (e.g. tags).
    watched_m2m = ()

    def get_queryset(self):
        """Every object that belongs in the index."""
        return self.model._default_manager.all()

    def build_document(self, obj):
        raise NotImplementedError

    def facet_value_label(self, name, value):
        return value

    def count(self):
        return self.get_queryset().count()

    def documents(self, batch_size=500):
        queryset = self.get_queryset().order_by("pk")
        for obj in queryset.iterator(chunk_size=batch_size):
            document = self.build_document(obj)
            if document is not None:
                yield document

    def document_for(self, pk):
        """The current document for `pk`, or None when the object no longer belongs in the index."""
        obj = self.get_queryset().filter(pk=pk).first()
        return self.build_document(obj) if obj is not None else None


_providers = {}


def register(provider):
    from search import signals

    if not _NAME.match(provider.type or "") or provider.model is None:
        raise ImproperlyConfigured(f"{type(provider).__name__} needs a type and a model.")
    if provider.type in _providers:
        raise ImproperlyConfigured(f"Search document type {provider.type!r} is already registered.")
    reserved = set(BUILTIN_FACETS) | set(RESERVED_PARAMETERS)
    for name in provider.facets:
        if not _NAME.match(name) or name in reserved:
            raise ImproperlyConfigured(f"Facet name {name!r} is invalid or reserved.")
    _providers[provider.type] = provider
    signals.connect(provider)
    return provider


def unregister(doc_type):
    from search import signals

    provider = _providers.pop(doc_type, None)
    if provider is not None:
        signals.disconnect(provider)


def get_provider(doc_type):
    try:
        return _providers[doc_type]
    except KeyError:
        raise LookupError(f"No search document type {doc_type!r} is registered.") from None


def providers():
    return [_providers[doc_type] for doc_type in sorted(_providers)]


def document_types():
    return sorted(_providers)


def facet_names(types=None):
    """The facets shown for documents of `types` (all types when empty)."""
    names = [TYPE_FACET]
    for provider in providers():
        if not types or provider.type in types:
            names += [name for name in provider.facets if name not in names]
    return [*names, TAGS_FACET]


def facet_label(name):
    if name in BUILTIN_FACETS:
        return BUILTIN_FACETS[name]
    for provider in providers():
        if name in provider.facets:
            return provider.facets[name]
    return name


def facet_value_label(name, value):
    if name == TYPE_FACET:
        provider = _providers.get(value)
        return provider.label if provider else value
    for provider in providers():
        if name in provider.facets:
            return provider.facet_value_label(name, value)
    return value


# GET parameters of the search page; facet names must not collide with them.
RESERVED_PARAMETERS = ("q", "typ", "page")
