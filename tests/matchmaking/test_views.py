"""The matchmaking pages over HTTP: who sees what, forms, feedback."""

import pytest

from matchmaking import services
from matchmaking.models import Offer, PainPoint, Visibility
from tests.bestpractice import conftest as library_fixtures
from tests.factories import OrganisationFactory, UserFactory, make_member
from tests.matchmaking.factories import FundingProgrammeFactory
from tests.matchmaking.pages import assert_clean, page

pytestmark = pytest.mark.django_db

# Shared fixtures, bound here so pytest finds them in this module.
library, make_case_study = library_fixtures.library, library_fixtures.make_case_study


# --- the dashboard ----------------------------------------------------------------------------


def test_visitor_gets_an_explanation_listing_links_and_a_login_link(client, home_page):
    html = page(client, "/matching/")
    assert "So funktioniert das Matching" in html
    assert 'href="/matching/bedarfe/"' in html
    assert 'href="/matching/angebote/"' in html
    assert "/konto/login/?next=/matching/" in html
    assert "Bedarf anlegen" not in html


def test_member_of_another_kind_gets_the_explanation_without_create_links(client, home_page):
    retailer = OrganisationFactory(kind="einzelhandel", name="Kaufhaus Mitte")
    client.force_login(make_member(retailer))
    html = page(client, "/matching/")
    assert "So funktioniert das Matching" in html
    assert "Bedarf anlegen" not in html and "Angebot anlegen" not in html


def test_municipal_dashboard_shows_matched_offers_with_german_reasons(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    offer = publish_offer(provider_member, "Leerstandsmanagement und Zwischennutzung",
                          ["Leerstand", "Zwischennutzung"], price_range="5k_25k")
    need = publish_need(town_member, "Leere Läden in der Langen Straße", ["Leerstand"])
    client.force_login(town_member)

    html = page(client, "/matching/")

    assert "Ihre Bedarfe" in html
    assert need.title in html and offer.title in html
    assert "gemeinsame Themen: Leerstand" in html
    assert "Frequenzwerk GmbH" in html
    assert "5.000 bis 25.000 €" in html and "bundesweit" in html
    assert "hilfreich" in html and "passt nicht" in html
    assert f"?bedarf={need.pk}&amp;angebot={offer.pk}" in html
    assert "Ihre Lösungsangebote" not in html


def test_provider_dashboard_shows_matched_pain_points_with_town_and_budget(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    publish_need(town_member, "Leere Läden in der Langen Straße", ["Leerstand"],
                 budget_range="10k_50k", timeline="now")
    offer = publish_offer(provider_member)
    client.force_login(provider_member)

    html = page(client, "/matching/")

    assert "Ihre Lösungsangebote" in html and offer.title in html
    assert "Leere Läden in der Langen Straße" in html
    assert "Einbeck" in html and "Niedersachsen" in html
    assert "10.000 bis 50.000 €" in html and "so bald wie möglich" in html
    assert "Ihre Bedarfe" not in html


def test_member_of_both_kinds_sees_both_sections(client, home_page, town, provider):
    person = make_member(town)
    make_member(provider, email="zweite@example.org")
    from network.models import Membership

    Membership.objects.create(user=person, organisation=provider, status="active")
    client.force_login(person)
    html = page(client, "/matching/")
    assert "Ihre Bedarfe" in html and "Ihre Lösungsangebote" in html


def test_dashboard_shows_pending_contact_requests_count(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    from matchmaking import contacts

    need = publish_need(town_member)
    offer = publish_offer(provider_member)
    contacts.send_request(town_member, need, offer, "Guten Tag, wir möchten gern mit Ihnen "
                                                    "über Leerstand sprechen.")
    client.force_login(provider_member)
    html = page(client, "/matching/")
    assert "1 offene Kontaktanfrage wartet auf Ihre Antwort" in html
    assert 'href="/matching/kontakt/"' in html


def test_solution_path_lists_funding_the_town_may_apply_for(
    client, home_page, town_member, publish_need
):
    FundingProgrammeFactory(name="Lebendige Zentren Niedersachsen", topics=["Leerstand"],
                            bundeslaender=["NI"], max_funding=250_000,
                            url="https://foerderung.example.de/lz")
    FundingProgrammeFactory(name="Nur für Bayern", topics=["Leerstand"], bundeslaender=["BY"])
    publish_need(town_member)
    client.force_login(town_member)

    html = page(client, "/matching/")

    assert "Lebendige Zentren Niedersachsen" in html
    assert "250.000" in html
    assert 'href="https://foerderung.example.de/lz" rel="noopener"' in html
    assert "Nur für Bayern" not in html


# --- feedback -----------------------------------------------------------------------------------


def test_not_fitting_removes_the_offer_and_can_be_undone(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    offer = publish_offer(provider_member, "Leerstandsmanagement Nord")
    need = publish_need(town_member)
    client.force_login(town_member)
    assert offer.title in page(client, "/matching/")

    response = client.post("/matching/rueckmeldung/", {
        "direction": "for_pain_point", "pain_point": need.pk, "offer": offer.pk,
        "verdict": "not_fitting", "next": "/matching/",
    })
    assert response.status_code == 302 and response["Location"] == "/matching/"

    html = page(client, "/matching/")
    assert "Passende Lösungsangebote" in html
    assert f'class="match__title"><a href="/matching/angebote/{offer.pk}/"' not in html
    assert "1 ausgeblendeter Vorschlag" in html

    client.post("/matching/rueckmeldung/", {
        "direction": "for_pain_point", "pain_point": need.pk, "offer": offer.pk,
        "action": "withdraw", "next": "/matching/",
    })
    html = page(client, "/matching/")
    assert f'class="match__title"><a href="/matching/angebote/{offer.pk}/"' in html


def test_helpful_is_shown_and_unsafe_next_is_ignored(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    publish_offer(provider_member)
    need = publish_need(town_member)
    offer = Offer.objects.get()
    client.force_login(town_member)
    response = client.post("/matching/rueckmeldung/", {
        "direction": "for_pain_point", "pain_point": need.pk, "offer": offer.pk,
        "verdict": "helpful", "next": "https://evil.example/",
    })
    assert response["Location"] == "/matching/"
    html = page(client, "/matching/")
    assert "von Ihnen als hilfreich markiert" in html
    assert "Rückmeldung zurücknehmen" in html


def test_feedback_of_an_outsider_is_refused(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    publish_offer(provider_member)
    need = publish_need(town_member)
    client.force_login(make_member(OrganisationFactory()))
    response = client.post("/matching/rueckmeldung/", {
        "direction": "for_pain_point", "pain_point": need.pk,
        "offer": Offer.objects.get().pk, "verdict": "not_fitting",
    })
    assert response.status_code == 403
    assert "Rückmeldungen zu Vorschlägen geben Mitglieder" in response.content.decode()


# --- listings and detail pages ----------------------------------------------------------------


def test_visitor_sees_only_public_pain_points(client, home_page, town_member, publish_need):
    public = publish_need(town_member, "Öffentlicher Bedarf Beleuchtung", ["Beleuchtung"],
                          visibility=Visibility.PUBLIC)
    hidden = publish_need(town_member, "Interner Bedarf Leerstand", ["Leerstand"],
                          visibility=Visibility.MEMBERS)

    html = page(client, "/matching/bedarfe/")
    assert public.title in html and hidden.title not in html
    assert "1 Eintrag gefunden" in html
    page(client, f"/matching/bedarfe/{public.pk}/")
    assert client.get(f"/matching/bedarfe/{hidden.pk}/").status_code == 404

    client.force_login(make_member(OrganisationFactory()))
    html = page(client, "/matching/bedarfe/")
    assert public.title in html and hidden.title in html
    page(client, f"/matching/bedarfe/{hidden.pk}/")


def test_listing_filters_by_topic_text_and_bundesland(client, home_page, town_member,
                                                      publish_need):
    publish_need(town_member, "Leere Läden", ["Leerstand"], visibility="public")
    other = make_member(OrganisationFactory(name="Stadt Passau", bundesland="BY"))
    publish_need(other, "Dunkle Gassen", ["Beleuchtung"], visibility="public")

    html = page(client, "/matching/bedarfe/?q=beleucht")
    assert "Dunkle Gassen" in html and "Leere Läden" not in html
    html = page(client, "/matching/bedarfe/?bundesland=NI")
    assert "Leere Läden" in html and "Dunkle Gassen" not in html


def test_offer_listing_filters_by_region_and_paginates(client, home_page, provider_member,
                                                       publish_offer):
    publish_offer(provider_member, "Bundesweites Angebot", nationwide=True)
    publish_offer(provider_member, "Nur Bayern", nationwide=False, regions=["BY"])
    html = page(client, "/matching/angebote/?bundesland=NI")
    assert "Bundesweites Angebot" in html and "Nur Bayern" not in html
    html = page(client, "/matching/angebote/?bundesland=BY")
    assert "Bundesweites Angebot" in html and "Nur Bayern" in html

    for number in range(21):
        publish_offer(provider_member, f"Angebot Nummer {number}")
    html = page(client, "/matching/angebote/?q=Nummer")
    assert "21 Einträge gefunden" in html and "?q=Nummer&amp;page=2" in html
    page(client, "/matching/angebote/?q=Nummer&page=2")


def test_own_members_see_the_solution_path_on_the_pain_point_page(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    offer = publish_offer(provider_member)
    need = publish_need(town_member)
    client.force_login(town_member)
    html = page(client, f"/matching/bedarfe/{need.pk}/")
    assert "Ihr Lösungsweg" in html and offer.title in html
    assert "Bedarf bearbeiten" in html

    client.force_login(make_member(OrganisationFactory()))
    html = page(client, f"/matching/bedarfe/{need.pk}/")
    assert "Ihr Lösungsweg" not in html and "Bedarf bearbeiten" not in html


def test_provider_member_can_start_a_contact_from_a_pain_point(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    offer = publish_offer(provider_member)
    need = publish_need(town_member)
    client.force_login(provider_member)
    html = page(client, f"/matching/bedarfe/{need.pk}/")
    assert 'action="/matching/kontakt/neu/"' in html
    assert f'name="bedarf" value="{need.pk}"' in html
    assert f'<option value="{offer.pk}">' in html


def test_contact_pickers_offer_the_matching_item_first(
    client, home_page, town_member, provider_member, publish_need, publish_offer
):
    # "Aaa…" would come first by title; the matching offer must still lead.
    unrelated = publish_offer(provider_member, "Aaa: Weihnachtsbeleuchtung", ["Beleuchtung"])
    matching = publish_offer(provider_member, "Zwischennutzung leerer Läden", ["Leerstand"])
    need = publish_need(town_member, "Leerstand am Markt", ["Leerstand"])

    client.force_login(provider_member)
    html = page(client, f"/matching/bedarfe/{need.pk}/")
    assert html.index(f'<option value="{matching.pk}">') < html.index(
        f'<option value="{unrelated.pk}">')

    publish_need(town_member, "Aaa: Es ist zu dunkel", ["Beleuchtung"])
    client.force_login(town_member)
    html = page(client, f"/matching/angebote/{matching.pk}/")
    assert html.index(f'<option value="{need.pk}">') < html.index("Aaa: Es ist zu dunkel")


def test_offer_page_shows_references_and_matches_to_own_members(
    client, home_page, town_member, provider_member, publish_need, publish_offer,
    make_case_study,
):
    case = make_case_study("Leerstandslotsin in Hameln", topics=["Leerstand"])
    offer = publish_offer(provider_member, references=[case.pk])
    need = publish_need(town_member)

    html = page(client, f"/matching/angebote/{offer.pk}/")
    assert "Leerstandslotsin in Hameln" in html
    assert "Passende Bedarfe" not in html

    client.force_login(provider_member)
    html = page(client, f"/matching/angebote/{offer.pk}/")
    assert "Passende Bedarfe" in html and need.title in html

    client.force_login(town_member)
    html = page(client, f"/matching/angebote/{offer.pk}/")
    assert f'name="angebot" value="{offer.pk}"' in html
    assert f'<option value="{need.pk}">' in html


def test_provider_profile_lists_public_offers_and_members_only_ones_to_members(
        client, home_page, provider, provider_member, publish_offer):
    offer = publish_offer(provider_member, "Frequenzmessung mit Sensoren")
    publish_offer(provider_member, "Internes Angebot", visibility=Visibility.MEMBERS)
    html = page(client, provider.get_absolute_url())
    assert f'href="/matching/angebote/{offer.pk}/"' in html
    assert "Internes Angebot" not in html

    client.force_login(make_member())
    assert "Internes Angebot" in page(client, provider.get_absolute_url())


def test_members_only_offer_is_404_for_visitors(client, home_page, provider_member,
                                                publish_offer):
    offer = publish_offer(provider_member, visibility=Visibility.MEMBERS)
    assert client.get(f"/matching/angebote/{offer.pk}/").status_code == 404
    assert client.get("/matching/angebote/999999/").status_code == 404


def test_funding_list_is_public_and_defaults_to_applicable_for_municipal_members(
    client, home_page, town_member
):
    FundingProgrammeFactory(name="Zentren Niedersachsen", bundeslaender=["NI"])
    FundingProgrammeFactory(name="Zentren Bayern", bundeslaender=["BY"], funder="land")
    FundingProgrammeFactory(name="Händlerprogramm", applicant_kinds=["einzelhandel"])

    html = page(client, "/matching/foerderprogramme/")
    assert "3 Programme gefunden" in html
    html = page(client, "/matching/foerderprogramme/?funder=land")
    assert "Zentren Bayern" in html and "Zentren Niedersachsen" not in html
    html = page(client, "/matching/foerderprogramme/?kind=einzelhandel")
    assert "Händlerprogramm" in html and "Zentren Bayern" not in html
    html = page(client, "/matching/foerderprogramme/?bundesland=BY")
    assert "Zentren Bayern" in html and "Zentren Niedersachsen" not in html

    client.force_login(town_member)
    html = page(client, "/matching/foerderprogramme/")
    assert "für Sie beantragbar" in html
    assert "Zentren Niedersachsen" in html
    assert "Zentren Bayern" not in html and "Händlerprogramm" not in html
    html = page(client, "/matching/foerderprogramme/?bundesland=")
    assert "3 Programme gefunden" in html


# --- create, edit, delete -------------------------------------------------------------------


PAIN_POINT_DATA = {
    "title": "Leere Läden in der Langen Straße",
    "description": "Zwölf Ladenlokale stehen leer, die Eigentümer*innen sind schwer erreichbar.",
    "topics": "Leerstand, Zwischennutzung",
    "budget_range": "10k_50k",
    "timeline": "now",
    "visibility": "members",
}

OFFER_DATA = {
    "title": "Passantenzählung mit Sensoren",
    "description": "Wir messen die Frequenz in Ihrer Innenstadt, datenschutzkonform.",
    "topics": "Frequenz, Sensorik",
    "regions": ["NI", "HB"],
    "sizes": ["medium"],
    "price_range": "5k_25k",
    "visibility": "public",
}


def test_create_form_renders_for_municipal_members(client, home_page, town_member):
    client.force_login(town_member)
    html = page(client, "/matching/bedarfe/neu/")
    assert "Bedarf anlegen" in html and 'name="topics"' in html
    assert 'name="organisation"' not in html  # only one organisation: no choice


def test_invalid_pain_point_keeps_the_input_and_shows_german_errors(client, home_page,
                                                                    town_member):
    client.force_login(town_member)
    response = client.post("/matching/bedarfe/neu/", {**PAIN_POINT_DATA, "title": "",
                                                       "topics": " , ,"})
    html = response.content.decode()
    assert response.status_code == 422
    assert assert_clean(html)
    assert "Bitte einen Titel angeben." in html
    assert "Bitte mindestens ein Thema angeben." in html
    assert "Zwölf Ladenlokale stehen leer" in html
    assert PainPoint.objects.count() == 0


def test_valid_pain_point_is_created_and_redirects(client, home_page, town_member, committed):
    client.force_login(town_member)
    with committed():
        response = client.post("/matching/bedarfe/neu/", PAIN_POINT_DATA)
    need = PainPoint.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/matching/bedarfe/{need.pk}/"
    assert sorted(tag.name for tag in need.topics.all()) == ["Leerstand", "Zwischennutzung"]
    assert need.organisation == town_member.memberships.get().organisation
    assert need.timeline == "now"
    html = page(client, response["Location"])
    assert "ist veröffentlicht" in html


def test_member_of_several_municipalities_chooses_the_organisation(client, home_page,
                                                                   town_member, committed):
    second = OrganisationFactory(name="Stadtmarketing Einbeck", kind="stadtmarketing")
    from network.models import Membership

    Membership.objects.create(user=town_member, organisation=second, status="active")
    client.force_login(town_member)
    html = page(client, "/matching/bedarfe/neu/")
    assert 'name="organisation"' in html
    with committed():
        client.post("/matching/bedarfe/neu/", {**PAIN_POINT_DATA, "organisation": second.pk})
    assert PainPoint.objects.get().organisation == second


def test_provider_member_cannot_create_a_pain_point(client, home_page, provider_member):
    client.force_login(provider_member)
    for response in (client.get("/matching/bedarfe/neu/"),
                     client.post("/matching/bedarfe/neu/", PAIN_POINT_DATA)):
        html = response.content.decode()
        assert response.status_code == 403
        assert "Bedarfe veröffentlichen Mitglieder einer freigegebenen Kommune" in html
        assert assert_clean(html)
    assert PainPoint.objects.count() == 0


def test_municipal_member_cannot_create_an_offer(client, home_page, town_member):
    client.force_login(town_member)
    response = client.get("/matching/angebote/neu/")
    assert response.status_code == 403
    assert "Lösungsangebote veröffentlichen Mitglieder" in response.content.decode()


def test_visitor_is_sent_to_the_login_to_create(client, home_page):
    response = client.get("/matching/bedarfe/neu/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_offer_form_creates_regions_sizes_and_references(client, home_page, provider_member,
                                                         committed, make_case_study):
    case = make_case_study("Frequenzmessung in Lüneburg", topics=["Frequenz"])
    client.force_login(provider_member)
    html = page(client, "/matching/angebote/neu/")
    assert 'type="checkbox" name="regions"' in html and "Frequenzmessung in Lüneburg" in html

    response = client.post("/matching/angebote/neu/", {**OFFER_DATA, "regions": []})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Bitte die bedienten Bundesländer wählen" in html
    assert "Passantenzählung mit Sensoren" in html
    assert assert_clean(html)

    with committed():
        response = client.post("/matching/angebote/neu/",
                               {**OFFER_DATA, "references": [case.pk]})
    offer = Offer.objects.get()
    assert response.status_code == 302
    assert offer.nationwide is False and sorted(offer.regions) == ["HB", "NI"]
    assert offer.sizes == ["medium"] and list(offer.references.all()) == [case]


def test_member_of_another_municipality_cannot_edit_or_delete(client, home_page, town_member,
                                                              publish_need):
    need = publish_need(town_member, visibility="public")
    client.force_login(make_member(OrganisationFactory(name="Stadt Göttingen")))
    for url in (f"/matching/bedarfe/{need.pk}/bearbeiten/",
                f"/matching/bedarfe/{need.pk}/loeschen/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "Das dürfen nur Mitglieder von Stadt Einbeck." in response.content.decode()
    response = client.post(f"/matching/bedarfe/{need.pk}/bearbeiten/",
                           {**PAIN_POINT_DATA, "status": "open"})
    assert response.status_code == 403
    assert client.post(f"/matching/bedarfe/{need.pk}/loeschen/").status_code == 403
    need.refresh_from_db()
    assert need.title == "Leerstand in der Fußgängerzone"


def test_own_member_edits_with_prefilled_form_and_deletes_after_confirmation(
    client, home_page, town_member, publish_need, committed
):
    need = publish_need(town_member, topics=["Leerstand", "Zwischennutzung"])
    client.force_login(town_member)
    html = page(client, f"/matching/bedarfe/{need.pk}/bearbeiten/")
    assert 'value="Leerstand, Zwischennutzung"' in html and 'name="status"' in html

    with committed():
        response = client.post(f"/matching/bedarfe/{need.pk}/bearbeiten/",
                               {**PAIN_POINT_DATA, "status": "in_progress"})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == "in_progress" and need.title == PAIN_POINT_DATA["title"]

    html = page(client, f"/matching/bedarfe/{need.pk}/loeschen/")
    assert "wirklich löschen" in html
    with committed():
        response = client.post(f"/matching/bedarfe/{need.pk}/loeschen/")
    assert response.status_code == 302 and response["Location"] == "/matching/"
    assert not PainPoint.objects.exists()


def test_provider_edits_its_offer(client, home_page, provider_member, publish_offer, committed):
    offer = publish_offer(provider_member)
    client.force_login(provider_member)
    html = page(client, f"/matching/angebote/{offer.pk}/bearbeiten/")
    assert 'name="nationwide"' in html and "checked" in html
    with committed():
        response = client.post(f"/matching/angebote/{offer.pk}/bearbeiten/",
                               {**OFFER_DATA, "status": "archived"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == "archived"


def test_signed_in_person_without_organisation_gets_the_explanation(client, home_page):
    # A signed-in person without any organisation sees the explanation, not a dashboard.
    client.force_login(UserFactory())
    html = page(client, "/matching/")
    assert "So funktioniert das Matching" in html
    assert "Zum Mitgliederverzeichnis" in html


def test_solved_pain_point_invites_a_case_study_instead_of_suggestions(
    client, home_page, town_member, provider_member, publish_need, publish_offer, committed
):
    publish_offer(provider_member)
    need = publish_need(town_member)
    with committed():
        services.update_pain_point(town_member, need, {"status": "solved"})
    client.force_login(town_member)

    for url in ("/matching/", f"/matching/bedarfe/{need.pk}/"):
        html = page(client, url)
        assert "Gelöst – dazu schlagen wir nichts mehr vor." in html
        assert "Noch kein passendes Angebot" not in html
        assert 'href="/einreichen/praxisbeispiel/"' in html
