"""The cached parts of a case study page (bestpractice.page_cache, issue 14): each viewer
kind gets its own entry, and a publish or a profile change shows at once."""

import pytest
from django.test import Client

from network.models import User
from tests.factories import OrganisationFactory, make_member

pytestmark = pytest.mark.django_db

Profile = User.ProfileVisibility


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_contact_address_never_reaches_anonymous_visitors_from_the_cache(make_case_study):
    page = make_case_study(contact_name="Eva Kontakt", contact_email="eva@example.org")
    member = Client()
    member.force_login(make_member())
    assert "eva@example.org" in _html(member, page.url)  # the signed-in entry is cached now

    anonymous = Client()
    html = _html(anonymous, page.url)
    assert "eva@example.org" not in html
    assert "Anmelden, um Kontakt aufzunehmen" in html
    # And the other way round: the anonymous entry does not hide it from members.
    assert "eva@example.org" in _html(member, page.url)
    assert "eva@example.org" not in _html(anonymous, page.url)


def test_publishing_a_new_revision_replaces_the_cached_parts(client, make_case_study):
    page = make_case_study(title="Alter Titel", topics=["Leerstand"])
    neighbour = make_case_study(title="Nachbar vorher", topics=["Leerstand"])
    html = _html(client, page.url)
    assert "Leere Schaufenster" in html and "Nachbar vorher" in html

    page.problem = "<p>Neue Ausgangslage nach dem Umbau.</p>"
    page.save_revision().publish()
    neighbour.title = "Nachbar nachher"
    neighbour.save_revision().publish()

    html = _html(client, page.url)
    assert "Neue Ausgangslage nach dem Umbau." in html
    assert "Leere Schaufenster" not in html
    assert "Nachbar nachher" in html and "Nachbar vorher" not in html


def test_a_preview_neither_reads_nor_writes_the_cached_parts(client, make_case_study):
    from bestpractice.models import BestPracticePage

    # As the editor's preview does: the live page with draft fields, same live revision.
    page = BestPracticePage.objects.get(pk=make_case_study().pk)
    assert "Leere Schaufenster" in _html(client, page.url)  # the live parts are cached

    page.problem = "<p>Entwurf: noch nicht freigegeben.</p>"
    page.save_revision()  # a draft, not published
    preview = page.make_preview_request()
    assert "Entwurf: noch nicht freigegeben." in preview.render().content.decode()

    html = _html(client, page.url)
    assert "Entwurf: noch nicht freigegeben." not in html
    assert "Leere Schaufenster" in html


def test_unpublished_neighbour_leaves_the_cached_list(client, make_case_study):
    page = make_case_study(topics=["Leerstand"])
    neighbour = make_case_study(title="Bald offline", topics=["Leerstand"])
    assert "Bald offline" in _html(client, page.url)
    neighbour.unpublish()
    assert "Bald offline" not in _html(client, page.url)


def test_german_and_english_are_cached_apart(client, make_case_study):
    page = make_case_study(topics=["Leerstand"])
    make_case_study(title="Nachbar", topics=["Leerstand"])
    url = page.url
    german = _html(client, url)
    assert "Ähnliche Praxisbeispiele" in german and "Ausgangslage" in german

    english = _html(client, f"/en{url}")
    assert "Similar case studies" in english
    assert "Ähnliche Praxisbeispiele" not in english
    # Card and breadcrumb links keep the visitor on /en/, and stay German in German.
    assert 'href="/en/praxisbeispiele/nachbar/' in english
    german = _html(client, url)
    assert "Ähnliche Praxisbeispiele" in german
    assert 'href="/praxisbeispiele/nachbar/' in german
    assert 'href="/en/praxisbeispiele/nachbar/' not in german


def test_own_town_list_of_a_member_is_not_served_to_visitors(make_case_study):
    home_town = OrganisationFactory(bundesland="HE", population=15_000)
    page = make_case_study(title="Thema", organisation=home_town, topics=["Leerstand"])
    make_case_study(title="Kleinstadt Hessen",
                    organisation=OrganisationFactory(bundesland="HE", population=12_000))
    make_case_study(title="Großstadt Bayern",
                    organisation=OrganisationFactory(bundesland="BY", population=400_000))
    member = Client()
    member.force_login(make_member(OrganisationFactory(bundesland="BY", population=300_000)))
    html = _html(member, page.url)
    assert "Großstadt Bayern" in html and "Kleinstadt Hessen" not in html

    html = _html(Client(), page.url)
    assert "Kleinstadt Hessen" in html and "Großstadt Bayern" not in html


def test_hiding_a_profile_removes_it_from_the_cached_contacts(client, make_case_study):
    page = make_case_study(topics=["Leerstand"])
    person = make_member(first_name="Paula", last_name="Lind", profile_visibility=Profile.PUBLIC)
    person.expertise.add("Leerstand")
    assert "Paula Lind" in _html(client, page.url)

    person.profile_visibility = Profile.MEMBERS
    person.save()
    assert "Paula Lind" not in _html(client, page.url)

    later = make_member(first_name="Lena", last_name="Neu", profile_visibility=Profile.PUBLIC)
    later.expertise.add("Leerstand")  # topics alone (no user save) must show too
    assert "Lena Neu" in _html(client, page.url)


def test_a_log_in_leaves_the_cached_contacts_alone_a_profile_change_does_not(client):
    from django.contrib.auth.signals import user_logged_in
    from django.test import RequestFactory

    from bestpractice import page_cache

    person = make_member(first_name="Paula", last_name="Lind", profile_visibility=Profile.PUBLIC)
    before = page_cache.people_generation()

    # What django.contrib.auth.login() does: update_last_login saves only last_login.
    user_logged_in.send(sender=User, request=RequestFactory().get("/"), user=person)
    assert page_cache.people_generation() == before

    person.last_name = "Lind-Neu"
    person.save()
    assert page_cache.people_generation() != before


def test_members_only_profile_is_not_served_to_visitors_after_a_member_looked(make_case_study):
    page = make_case_study(topics=["Leerstand"])
    person = make_member(first_name="Mira", last_name="Intern",
                         profile_visibility=Profile.MEMBERS)
    person.expertise.add("Leerstand")
    member = Client()
    member.force_login(make_member())
    assert "Mira Intern" in _html(member, page.url)
    assert "Mira Intern" not in _html(Client(), page.url)


def test_a_cached_page_skips_the_neighbour_queries(client, make_case_study):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page = make_case_study(topics=["Leerstand"])
    for index in range(3):
        make_case_study(title=f"Nachbar {index}", topics=["Leerstand"], image=True)
    with CaptureQueriesContext(connection) as cold:
        client.get(page.url)
    # Read now: the next request outside a capture resets the connection's query log.
    cold_count = len(cold)
    client.get(page.url)
    with CaptureQueriesContext(connection) as warm:
        html = _html(client, page.url)
    assert "Nachbar 2" in html
    sql = " ".join(query["sql"] for query in warm.captured_queries)
    assert "bestpractice_bestpracticetag" not in sql  # topics, cards: from the cache
    assert "network_user" not in sql  # "Ansprechpersonen": from the cache
    assert len(warm) <= cold_count - 10, (len(warm), cold_count)
