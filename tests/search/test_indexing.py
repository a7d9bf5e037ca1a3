"""The index follows the database: signals after commit, the rebuild service and command."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

import search
from network.models import Organisation
from search import services
from search.documents import PUBLIC, get_provider, register, unregister
from tests.factories import OrganisationFactory, ProviderFactory
from tests.search.conftest import MembersOnlyNotes

pytestmark = pytest.mark.django_db


def found(query="", **kwargs):
    return sorted(hit.title for hit in search.engine().search(query, **kwargs).hits)


def test_an_approved_organisation_is_searchable_once_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(
            name="Stadt Lindenau",
            town="Lindenau",
            description="<p>Wir erproben <b>Leerstandsmanagement</b>.</p>",
            topics=["Zwischennutzung"],
        )

    results = search.engine().search("leerstand", facets=["type", "kind", "bundesland", "tags"])
    (hit,) = results.hits
    assert (hit.type, hit.title, hit.url) == (
        "organisation",
        "Stadt Lindenau",
        organisation.get_absolute_url(),
    )
    assert "<b>" not in hit.snippet and "Leerstandsmanagement" in hit.snippet
    assert results.facet_counts("kind") == {"kommune": 1}
    assert results.facet_counts("bundesland") == {"NW": 1}
    assert results.facet_counts("tags") == {"Zwischennutzung": 1}


def test_nothing_is_indexed_before_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        OrganisationFactory(name="Stadt Wartezeit")
    assert callbacks
    assert found("Wartezeit") == []


def test_only_approved_organisations_are_indexed_and_approval_changes_follow(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(
            name="Stadt Neuhausen", status=Organisation.Status.PENDING
        )
    assert found("Neuhausen") == []

    with django_capture_on_commit_callbacks(execute=True):
        organisation.status = Organisation.Status.APPROVED
        organisation.save()
    assert found("Neuhausen") == ["Stadt Neuhausen"]

    with django_capture_on_commit_callbacks(execute=True):
        organisation.status = Organisation.Status.REJECTED
        organisation.save()
    assert found("Neuhausen") == []


def test_renaming_retagging_and_deleting_update_the_index(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = ProviderFactory(name="Frequenzlabor GmbH")
    with django_capture_on_commit_callbacks(execute=True):
        organisation.name = "Passantenzähler GmbH"
        organisation.save()
    assert found("Frequenzlabor") == []
    assert found("Passantenzähler") == ["Passantenzähler GmbH"]

    with django_capture_on_commit_callbacks(execute=True):
        organisation.topics.add("Innenstadtentwicklung")
    assert found("Innenstadt") == ["Passantenzähler GmbH"]
    with django_capture_on_commit_callbacks(execute=True):
        organisation.topics.clear()
    assert found("Innenstadt") == []

    with django_capture_on_commit_callbacks(execute=True):
        organisation.delete()
    assert found("") == []


def test_a_failing_index_update_does_not_break_the_save(
    django_capture_on_commit_callbacks, settings
):
    settings.SEARCH_ENGINE = {
        "BACKEND": "search.engines.elasticsearch.ElasticsearchEngine",
        "URL": "http://127.0.0.1:9",  # nothing listens here
        "INDEX_PREFIX": "stadtlabor-test",
    }
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(name="Stadt Robust")
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_organisation_documents_are_public_and_labelled():
    provider = get_provider("organisation")
    organisation = OrganisationFactory(
        bundesland="BY", kind=Organisation.Kind.STADTMARKETING, town="Passau"
    )

    document = provider.document_for(organisation.pk)

    assert document.visibility == PUBLIC
    assert document.facets == {"kind": ("stadtmarketing",), "bundesland": ("BY",)}
    assert document.body.startswith("Passau, Bayern")
    assert provider.facet_value_label("bundesland", "BY") == "Bayern"
    assert str(provider.facet_value_label("kind", "stadtmarketing")) == "Stadtmarketing"


def test_rebuild_service_indexes_everything_and_reports_progress():
    OrganisationFactory.create_batch(3)
    OrganisationFactory(status=Organisation.Status.PENDING)
    reports = []

    counts = services.rebuild_index(
        types=["organisation"], batch_size=2, progress=lambda *report: reports.append(report)
    )

    assert counts == {"organisation": 3}
    assert reports == [("organisation", 0, 3), ("organisation", 2, 3), ("organisation", 3, 3)]
    assert search.engine().search("").total == 3


def test_rebuild_command_shows_progress_and_rejects_unknown_types(capsys):
    OrganisationFactory.create_batch(2)

    call_command("rebuild_search_index", "--type", "organisation")

    output = capsys.readouterr().out
    assert "organisation: 2/2" in output
    assert "Suchindex neu aufgebaut (organisation: 2)" in output
    with pytest.raises(CommandError, match="Unbekannte Inhaltsart: gibtsnicht"):
        call_command("rebuild_search_index", "--type", "gibtsnicht")


def test_rebuild_command_has_german_help(capsys):
    with pytest.raises(SystemExit):
        call_command("rebuild_search_index", "--help")
    output = capsys.readouterr().out
    assert "--type" in output and "Suchindex" in output


def test_unregistering_a_type_stops_its_index_updates(django_capture_on_commit_callbacks):
    provider = register(MembersOnlyNotes())
    try:
        with django_capture_on_commit_callbacks(execute=True):
            OrganisationFactory(name="Verband A", kind=Organisation.Kind.VERBAND)
        assert search.engine().search("Protokoll", visibilities=[PUBLIC, "members"]).total == 1
    finally:
        unregister(provider.type)

    with django_capture_on_commit_callbacks(execute=True):
        OrganisationFactory(name="Verband B", kind=Organisation.Kind.VERBAND)
    assert search.engine().search("Protokoll", visibilities=[PUBLIC, "members"]).total == 1
