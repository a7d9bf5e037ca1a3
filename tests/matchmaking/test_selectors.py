"""The solution path of a pain point (offers, funding, case studies, solvers, events) and
the provider's view of the pain points its offers match."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from matchmaking import selectors
from matchmaking.models import PainPoint, Visibility
from matchmaking.recompute import recompute_all
from network.models import Organisation
from tests.bestpractice.conftest import library, make_case_study  # noqa: F401 (fixtures)
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.matchmaking.factories import FundingProgrammeFactory, OfferFactory, PainPointFactory
from tests.webtalks.conftest import events_index, make_event  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db

TOPICS = ["Leerstand", "Zwischennutzung"]


@pytest.fixture
def bavarian_town():
    return OrganisationFactory(name="Stadt Dinkelsbühl", bundesland="BY", population=12_000)


@pytest.fixture
def pain_point(bavarian_town):
    return PainPointFactory(
        organisation=bavarian_town, title="Leerstand in der Altstadt",
        description="In der Altstadt stehen Ladenlokale leer; wir suchen Zwischennutzungen.",
        topics=TOPICS,
    )


def path_of(pain_point, viewer=None):
    pain_point = PainPoint.objects.get(pk=pain_point.pk)
    (path,) = selectors.solution_paths([pain_point], viewer)
    return path


def names(suggestions, attribute="name"):
    return [getattr(suggestion.item, attribute) for suggestion in suggestions]


def test_no_pain_points_no_paths():
    assert selectors.solution_paths([]) == []


# --- offers ---------------------------------------------------------------------------------


def test_offers_come_with_german_reasons(pain_point):
    nationwide = OfferFactory(title="Zwischennutzung aus einer Hand", topics=TOPICS)
    bavarian = OfferFactory(title="Leerstandslotsen Bayern", topics=["Leerstand"],
                            nationwide=False, regions=["BY"], sizes=["small"])
    OfferFactory(title="Weihnachtsbeleuchtung zur Miete", topics=["Beleuchtung"],
                 description="Lichterketten für die Fußgängerzone.")
    recompute_all()

    path = path_of(pain_point)

    by_offer = {suggestion.item: suggestion for suggestion in path.offers}
    assert set(by_offer) == {nationwide, bavarian}
    assert any(reason.startswith("gemeinsame Themen: ") and "Zwischennutzung" in reason
               for reason in by_offer[nationwide].reasons)
    assert "bedient Bayern (bundesweit tätig)" in by_offer[nationwide].reasons
    assert "bedient Bayern" in by_offer[bavarian].reasons
    assert "passt zur Stadtgröße" in by_offer[bavarian].reasons
    assert all(suggestion.verdict == "" and suggestion.contact is None
               for suggestion in path.offers)


def test_offers_of_providers_no_longer_approved_leave_the_path(pain_point):
    offer = OfferFactory(title="Zwischennutzung aus einer Hand", topics=TOPICS)
    recompute_all()
    assert names(path_of(pain_point).offers, "title") == [offer.title]

    Organisation.objects.filter(pk=offer.organisation_id).update(
        status=Organisation.Status.REJECTED)

    assert path_of(pain_point).offers == []


# --- funding programmes ---------------------------------------------------------------------


def test_funding_is_filtered_by_bundesland_applicant_kind_and_deadline(pain_point):
    today = timezone.localdate()
    common = {"topics": TOPICS, "description": "Förderung gegen Leerstand und für "
                                               "Zwischennutzung in Innenstädten."}
    FundingProgrammeFactory(name="Bundesprogramm Zentren", **common)
    FundingProgrammeFactory(name="Bayerisches Städtebauprogramm", bundeslaender=["BY"],
                            deadline=today + datetime.timedelta(days=30), **common)
    FundingProgrammeFactory(name="Bundesprogramm mit Frist heute", deadline=today, **common)
    FundingProgrammeFactory(name="Sofortprogramm NRW", bundeslaender=["NW"], **common)
    FundingProgrammeFactory(name="Programm für Händler*innen", applicant_kinds=["einzelhandel"],
                            **common)
    FundingProgrammeFactory(name="Abgelaufenes Programm",
                            deadline=today - datetime.timedelta(days=1), **common)

    funding = names(path_of(pain_point).funding)

    assert sorted(funding) == ["Bayerisches Städtebauprogramm", "Bundesprogramm Zentren",
                               "Bundesprogramm mit Frist heute"]
    assert all(suggestion.reasons and suggestion.reasons[0].startswith("gemeinsame Themen")
               for suggestion in path_of(pain_point).funding)


def test_funding_for_the_right_state_is_shown_to_a_town_there():
    town = OrganisationFactory(name="Stadt Soest", bundesland="NW")
    pain_point = PainPointFactory(organisation=town, topics=TOPICS)
    FundingProgrammeFactory(name="Sofortprogramm NRW", bundeslaender=["NW"], topics=TOPICS)
    FundingProgrammeFactory(name="Bayerisches Städtebauprogramm", bundeslaender=["BY"],
                            topics=TOPICS)

    assert names(path_of(pain_point).funding) == ["Sofortprogramm NRW"]


def test_retailers_programmes_reach_a_retailer_not_a_kommune():
    programme = {"topics": TOPICS, "applicant_kinds": ["einzelhandel"]}
    FundingProgrammeFactory(name="Programm für Händler*innen", **programme)
    kommune = PainPointFactory(topics=TOPICS)
    # A pain point of a retailer's organisation only exists if published before a change of
    # kind; the filter is about the organisation, so it is enough to check `accepts`.
    retailer = OrganisationFactory(kind=Organisation.Kind.EINZELHANDEL)

    assert names(path_of(kommune).funding) == []
    assert FundingProgrammeFactory(name="Zweites Händlerprogramm", **programme).accepts(retailer)


def test_inapplicable_programmes_do_not_crowd_out_an_applicable_one(pain_point):
    strong = {"topics": [*TOPICS, "Leerstandsmanagement", "Innenstadt"],
              "description": "Leerstand, Zwischennutzung, Leerstandsmanagement in der "
                             "Innenstadt: Leerstand beheben, Zwischennutzung fördern."}
    for number in range(selectors.RELATED_FUNDING):
        FundingProgrammeFactory(name=f"Händlerprogramm {number}",
                                applicant_kinds=["einzelhandel"], **strong)
    FundingProgrammeFactory(name="Bundesprogramm Zentren", topics=["Leerstand"],
                            description="Förderung für Städte.")

    assert names(path_of(pain_point).funding) == ["Bundesprogramm Zentren"]


# --- case studies and solvers ---------------------------------------------------------------


def test_related_case_studies_and_the_towns_that_solved_it(pain_point, bavarian_town,
                                                           make_case_study):  # noqa: F811
    bocholt = OrganisationFactory(name="Stadt Bocholt")
    wesel = OrganisationFactory(name="Stadt Wesel")
    solved = make_case_study("Leerstand gelöst mit Zwischennutzung", organisation=bocholt,
                             topics=TOPICS, contact_name="Petra Schulz")
    make_case_study("Zwischennutzung im Bahnhofsviertel", organisation=bocholt,
                    topics=["Zwischennutzung"], contact_name="Petra Schulz")
    other = make_case_study("Pop-up-Stores gegen Leerstand", organisation=wesel,
                            topics=["Leerstand"], contact_name="Murat Demir")
    make_case_study("Weihnachtsmarkt neu gedacht", topics=["Weihnachtsmarkt", "Beleuchtung"])

    path = path_of(pain_point)

    titles = names(path.case_studies, "title")
    assert len(titles) == selectors.RELATED_CASE_STUDIES
    assert "Weihnachtsmarkt neu gedacht" not in titles
    assert titles[0] == solved.title and other.title in titles
    assert path.case_studies[0].reasons[0].startswith("gemeinsame Themen")
    solvers = [(solver.organisation.name, solver.contact_name) for solver in path.solvers]
    # One entry per organisation, in the order of their best case study.
    assert solvers == [("Stadt Bocholt", "Petra Schulz"), ("Stadt Wesel", "Murat Demir")]
    assert path.solvers[0].case_study == solved


def test_the_towns_own_case_study_makes_it_no_solver(pain_point, bavarian_town,
                                                     make_case_study):  # noqa: F811
    own = make_case_study("Unser eigener Versuch mit Leerstand", organisation=bavarian_town,
                          topics=TOPICS)

    path = path_of(pain_point)

    assert [s.item for s in path.case_studies] == [own]
    assert path.solvers == []


def test_unpublished_case_studies_are_not_suggested(pain_point, make_case_study):  # noqa: F811
    make_case_study("Entwurf zu Leerstand", topics=TOPICS, live=False)

    path = path_of(pain_point)

    assert path.case_studies == [] and path.solvers == []


# --- events ---------------------------------------------------------------------------------


def _event(make_event, topics, **fields):  # noqa: F811
    event = make_event(**fields)
    event.topics.add(*topics)
    event.save_revision().publish()
    return event


def test_upcoming_events_on_the_topic(pain_point, make_event):  # noqa: F811
    _event(make_event, ["Leerstand"], title="WebTalk Leerstand beleben",
           intro="Wie Zwischennutzung leere Läden belebt.")
    _event(make_event, ["Leerstand"], title="Nachlese Leerstand",
           intro="Rückblick auf Zwischennutzung.",
           start=timezone.now() - datetime.timedelta(days=3))
    _event(make_event, ["Radverkehr"], title="Roundtable Radwege",
           intro="Sichere Radwege in der Innenstadt.")

    events = names(path_of(pain_point).events, "title")

    assert events == ["WebTalk Leerstand beleben"]


# --- many pain points at once ---------------------------------------------------------------


def test_paths_keep_the_order_of_the_pain_points_and_their_own_offers(bavarian_town):
    vacancy = PainPointFactory(organisation=bavarian_town, topics=["Leerstand"])
    lights = PainPointFactory(organisation=bavarian_town, topics=["Beleuchtung"],
                              title="Zu dunkel am Abend", description="Die Gassen sind dunkel.")
    vacancy_offer = OfferFactory(topics=["Leerstand"])
    lights_offer = OfferFactory(topics=["Beleuchtung"], title="Lichtinszenierung",
                                description="Licht für Gassen und Plätze.")
    recompute_all()

    paths = selectors.solution_paths([lights, vacancy])

    assert [path.pain_point for path in paths] == [lights, vacancy]
    assert [s.item for s in paths[0].offers] == [lights_offer]
    assert [s.item for s in paths[1].offers] == [vacancy_offer]


# --- the provider's view --------------------------------------------------------------------


@pytest.fixture
def provider_scene():
    provider = ProviderFactory(name="Leerstandslotsen GmbH")
    offer = OfferFactory(organisation=provider, title="Zwischennutzung aus einer Hand",
                         topics=TOPICS)
    public = PainPointFactory(organisation=OrganisationFactory(name="Stadt Höxter"),
                              title="Leerstand am Markt", topics=TOPICS,
                              visibility=Visibility.PUBLIC)
    members_only = PainPointFactory(organisation=OrganisationFactory(name="Stadt Brakel"),
                                    title="Leerstand in der Altstadt", topics=TOPICS,
                                    visibility=Visibility.MEMBERS)
    recompute_all()
    return provider, offer, public, members_only


def test_provider_matches_show_only_public_pain_points_to_non_members(provider_scene):
    provider, offer, public, members_only = provider_scene
    no_network = make_member(OrganisationFactory(status=Organisation.Status.PENDING))

    for viewer in (AnonymousUser(), no_network):
        (matches,) = selectors.provider_matches([offer], viewer)
        assert matches.offer == offer
        assert [s.item for s in matches.pain_points] == [public]


def test_provider_matches_show_members_only_pain_points_to_members(provider_scene):
    provider, offer, public, members_only = provider_scene

    (matches,) = selectors.provider_matches([offer], make_member(provider))

    assert {s.item for s in matches.pain_points} == {public, members_only}
    assert all(s.reasons and s.reasons[0].startswith("gemeinsame Themen")
               for s in matches.pain_points)


def test_provider_matches_without_offers():
    assert selectors.provider_matches([], AnonymousUser()) == []
