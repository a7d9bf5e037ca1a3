import pytest

import search
from network.models import Organisation
from search.documents import MEMBERS, DocumentProvider, SearchDocument, register, unregister


@pytest.fixture
def engine(db):
    """The configured engine: the database engine on whatever database the suite runs on."""
    return search.engine()


def titles(results):
    """The hits' titles, sorted: what a test compares when the order does not matter."""
    return sorted(hit.title for hit in results.hits)


def document(doc_id, title, body="", *, doc_type="artikel", tags=(), facets=None, **kwargs):
    return SearchDocument(
        type=doc_type,
        id=doc_id,
        title=title,
        body=body,
        tags=tags,
        facets=facets or {},
        url=f"/{doc_type}/{doc_id}/",
        **kwargs,
    )


class MembersOnlyNotes(DocumentProvider):
    """A test-only type: one members-only "Protokoll" per Verband organisation."""

    type = "protokoll"
    model = Organisation
    label = "Protokolle"
    facets = {"gremium": "Gremium"}

    def get_queryset(self):
        return Organisation.objects.filter(kind=Organisation.Kind.VERBAND)

    def build_document(self, organisation):
        return SearchDocument(
            type=self.type,
            id=organisation.pk,
            title=f"Internes Protokoll {organisation.name}",
            body=organisation.description,
            facets={"gremium": "vorstand"},
            url=f"/intern/protokolle/{organisation.pk}/",
            visibility=MEMBERS,
            date=organisation.created_at,
        )


@pytest.fixture
def members_only_type():
    provider = register(MembersOnlyNotes())
    yield provider
    unregister(provider.type)
