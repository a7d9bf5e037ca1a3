"""People directory, person profiles, expertise and following a person: through HTTP and
the services, for visitors, members, the person themself and refused roles."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from network import people_selectors, people_services
from network.forum import services as forum_services
from network.models import (
    ForumCategory,
    Notification,
    NotificationKind,
    Organisation,
    PersonFollow,
    User,
    Visibility,
)
from tests.factories import OrganisationFactory, UserFactory, make_member
from tests.html_checks import html_problems

pytestmark = pytest.mark.django_db

Profile = User.ProfileVisibility


def tags(*names):
    return [Tag.objects.get_or_create(name=name, defaults={"slug": name.lower()})[0]
            for name in names]


@pytest.fixture
def people():
    town = OrganisationFactory(name="Stadt Lindenau", bundesland="SN", town="Lindenau")
    provider = OrganisationFactory(
        name="Frequenz GmbH", kind=Organisation.Kind.ANBIETER, bundesland="BY", town="Passau"
    )
    paula = make_member(town, first_name="Paula", last_name="Lind", job_title="Citymanagerin",
                        email="paula@example.org", profile_visibility=Profile.PUBLIC)
    mira = make_member(provider, first_name="Mira", last_name="Berg",
                       profile_visibility=Profile.MEMBERS)
    hanna = make_member(town, first_name="Hanna", last_name="Hide",
                        profile_visibility=Profile.HIDDEN)
    paula.expertise.set(tags("Leerstand", "Frequenz"))
    mira.expertise.set(tags("Frequenz"))
    hanna.expertise.set(tags("Leerstand"))
    return {"paula": paula, "mira": mira, "hanna": hanna}


def profile_status(client, person):
    return client.get(reverse("network:person_detail", args=[person.pk])).status_code


def names(response):
    return sorted(p.first_name for p in response.context["people"])


# --- visibility ----------------------------------------------------------------------------


def test_visitors_see_only_public_profiles(client, people):
    response = client.get(reverse("network:people"))
    assert response.status_code == 200
    assert names(response) == ["Paula"]
    assert profile_status(client, people["mira"]) == 404
    assert profile_status(client, people["hanna"]) == 404


def test_members_see_members_and_public_profiles_never_hidden_ones(client, people):
    client.force_login(make_member(first_name="Zoe"))
    assert names(client.get(reverse("network:people"))) == ["Mira", "Paula", "Zoe"]
    assert profile_status(client, people["mira"]) == 200
    assert profile_status(client, people["hanna"]) == 404


def test_logged_in_person_without_approved_organisation_is_treated_as_visitor(client, people):
    pending = OrganisationFactory(status=Organisation.Status.PENDING)
    client.force_login(make_member(pending))
    assert names(client.get(reverse("network:people"))) == ["Paula"]
    assert profile_status(client, people["mira"]) == 404


def test_hidden_person_sees_own_profile(client, people):
    client.force_login(people["hanna"])
    response = client.get(reverse("network:person_detail", args=[people["hanna"].pk]))
    assert response.status_code == 200
    assert "nur Sie sehen diese Seite" in response.content.decode()
    assert "Hanna" not in names(client.get(reverse("network:people")))


def test_profile_shows_role_organisation_land_topics_but_never_the_email(client, people):
    response = client.get(reverse("network:person_detail", args=[people["paula"].pk]))
    html = response.content.decode()
    for text in ("Citymanagerin", "Stadt Lindenau", "Lindenau", "Sachsen", "Leerstand",
                 "Frequenz"):
        assert text in html
    assert "paula@example.org" not in html
    assert "@" not in response.context["person"].display_name
    assert html_problems(html) == []


def test_directory_page_is_valid_html(client, people):
    assert html_problems(client.get(reverse("network:people")).content.decode()) == []


# --- filters and facets --------------------------------------------------------------------


def test_filters_by_topic_land_kind_and_name(client, people):
    client.force_login(make_member(first_name="Zoe", last_name="Zed"))
    url = reverse("network:people")
    assert names(client.get(url, {"topic": "frequenz"})) == ["Mira", "Paula"]
    assert names(client.get(url, {"bundesland": "BY"})) == ["Mira"]
    assert names(client.get(url, {"kind": Organisation.Kind.ANBIETER})) == ["Mira"]
    assert names(client.get(url, {"q": "lind"})) == ["Paula"]
    assert names(client.get(url, {"topic": "gibt-es-nicht"})) == []


def test_facet_counts_respect_visibility(people):
    visitor = people_selectors.people_facets(AnonymousUser())
    assert visitor["topic"] == [("frequenz", "Frequenz", 1), ("leerstand", "Leerstand", 1)]
    assert visitor["bundesland"] == [("SN", "Sachsen", 1)]
    member = people_selectors.people_facets(make_member())
    assert ("frequenz", "Frequenz", 2) in member["topic"]
    assert ("leerstand", "Leerstand", 1) in member["topic"]  # Hanna is hidden
    kinds = dict((value, n) for value, _label, n in member["kind"])
    assert kinds[Organisation.Kind.ANBIETER] == 1


def test_facet_counts_apply_the_other_filters(people):
    facets = people_selectors.people_facets(make_member(), {"bundesland": "BY"})
    assert facets["topic"] == [("frequenz", "Frequenz", 1)]
    lands = dict((code, n) for code, _label, n in facets["bundesland"])
    assert lands["BY"] == 1 and lands["SN"] == 1


def _populate(count, offset):
    organisation = OrganisationFactory(bundesland="HE")
    topic = tags("Innenstadt")
    for index in range(count):
        person = make_member(organisation, first_name=f"P{offset + index}",
                             profile_visibility=Profile.PUBLIC)
        person.expertise.set(topic)


def test_directory_queries_do_not_grow_with_people(client, people, django_assert_max_num_queries):
    member = make_member()
    client.force_login(member)
    url = reverse("network:people")
    _populate(3, 0)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url, {"topic": "innenstadt"}).status_code == 200
    _populate(30, 100)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get(url, {"topic": "innenstadt"})
    assert response.context["page_obj"].paginator.count == 33
    print(f"people directory queries: {len(small.captured_queries)} at 3+3 people, "
          f"{len(large.captured_queries)} at 33+3 people")


def test_profile_queries_do_not_grow_with_contributions(
    client, people, django_assert_max_num_queries
):
    category = ForumCategory.objects.create(name="Allgemein", slug="allgemein",
                                            visibility=Visibility.PUBLIC)
    paula = people["paula"]
    paula.date_joined = timezone.now() - datetime.timedelta(days=60)
    paula.save(update_fields=["date_joined"])
    url = reverse("network:person_detail", args=[paula.pk])
    forum_services.create_thread(paula, category, "Leerstand in der Altstadt", "Erster Beitrag")
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    for index in range(5):
        forum_services.create_thread(paula, category, f"Thema Nummer {index}", "Noch ein Beitrag")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.context["threads"]) == 6


# --- expertise -----------------------------------------------------------------------------


def test_member_chooses_expertise_from_the_vocabulary(client, people):
    member = make_member()
    topic = tags("Leerstand")[0]
    client.force_login(member)
    response = client.post(reverse("network:my_expertise"), {"expertise": [topic.pk]})
    assert response.status_code == 302
    assert list(member.expertise.names()) == ["Leerstand"]
    response = client.post(reverse("network:my_expertise"), {"expertise": ["999999"]})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_expertise_is_limited_and_refused_without_login(people):
    many = tags(*[f"Thema {i}" for i in range(16)])
    with pytest.raises(ValidationError):
        people_services.set_expertise(people["paula"], many)
    with pytest.raises(PermissionDenied):
        people_services.set_expertise(AnonymousUser(), [])


def test_expertise_page_needs_login(client):
    assert client.get(reverse("network:my_expertise")).status_code == 302


# --- Ansprechpersonen zum Thema ------------------------------------------------------------


def test_experts_for_topics_respect_visibility_and_overlap(people, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        visitor = people_selectors.experts_for_topics(["leerstand", "frequenz"], AnonymousUser())
    assert [p.first_name for p in visitor] == ["Paula"]
    member = make_member()
    experts = people_selectors.experts_for_topics(["leerstand", "frequenz"], member)
    assert [(p.first_name, p.overlap) for p in experts] == [("Paula", 2), ("Mira", 1)]
    assert people_selectors.experts_for_topics([], member) == []


# --- following -----------------------------------------------------------------------------


def test_follow_and_new_thread_notifies_follower(
    client, people, django_capture_on_commit_callbacks
):
    follower = make_member(first_name="Fritz")
    client.force_login(follower)
    paula = people["paula"]
    response = client.post(reverse("network:person_follow", args=[paula.pk]))
    assert response.status_code == 302
    assert PersonFollow.objects.filter(follower=follower, person=paula).exists()
    category = ForumCategory.objects.create(name="Allgemein", slug="allgemein",
                                            visibility=Visibility.PUBLIC)
    paula.date_joined = timezone.now() - datetime.timedelta(days=60)
    paula.save(update_fields=["date_joined"])
    with django_capture_on_commit_callbacks(execute=True):
        thread = forum_services.create_thread(paula, category, "Pop-up-Läden", "Wer hat Ideen?")
    notification = Notification.objects.get(recipient=follower, kind=NotificationKind.FOLLOW)
    assert "Pop-up-Läden" in notification.message
    assert notification.thread == thread
    client.post(reverse("network:person_follow", args=[paula.pk]), {"action": "unfollow"})
    assert not PersonFollow.objects.filter(follower=follower, person=paula).exists()


def test_members_only_threads_notify_only_member_followers(people):
    paula = people["paula"]
    paula.date_joined = timezone.now() - datetime.timedelta(days=60)
    paula.save(update_fields=["date_joined"])
    outsider = UserFactory()
    member = make_member()
    for follower in (outsider, member):
        people_services.follow_person(follower, paula)
    category = ForumCategory.objects.create(name="Intern", slug="intern",
                                            visibility=Visibility.MEMBERS)
    forum_services.create_thread(paula, category, "Nur für Mitglieder", "Intern")
    recipients = set(Notification.objects.filter(kind=NotificationKind.FOLLOW)
                     .values_list("recipient_id", flat=True))
    assert recipients == {member.pk}


def test_follow_refused_for_visitors_self_and_invisible_profiles(client, people):
    paula = people["paula"]
    response = client.post(reverse("network:person_follow", args=[paula.pk]))
    assert response.status_code == 302 and "login" in response["Location"]
    with pytest.raises(ValidationError):
        people_services.follow_person(paula, paula)
    with pytest.raises(PermissionDenied):
        people_services.follow_person(AnonymousUser(), paula)
    client.force_login(UserFactory())
    assert client.post(
        reverse("network:person_follow", args=[people["mira"].pk])
    ).status_code == 404


def test_personal_data_export_lists_topics_and_follows(people):
    from network.personal_data_network import erase, export

    people_services.follow_person(people["paula"], people["mira"])
    data = export(people["paula"])
    assert data["profil"][0]["themen"] == "Frequenz, Leerstand"
    assert data["gefolgte_personen"][0]["person"] == people["mira"].display_name
    erase(people["paula"])
    assert not PersonFollow.objects.exists()
    assert list(people["paula"].expertise.all()) == []


# --- messages through the profile ----------------------------------------------------------

MESSAGE = "Guten Tag, wir planen Pop-up-Läden und würden gern von Ihnen lernen."


def test_member_writes_through_profile_without_seeing_or_revealing_addresses(
    client, people, django_capture_on_commit_callbacks
):
    from network.models import PersonMessage

    sender = make_member(first_name="Sina", email="sina@example.org")
    paula = people["paula"]
    client.force_login(sender)
    profile = client.get(reverse("network:person_detail", args=[paula.pk])).content.decode()
    assert "paula@example.org" not in profile and "Nachricht senden" in profile
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("network:person_message_send", args=[paula.pk]),
                               {"body": MESSAGE})
    message = PersonMessage.objects.get()
    assert response.status_code == 302
    notification = Notification.objects.get(recipient=paula, kind=NotificationKind.MESSAGE)
    assert "sina@" not in notification.message
    url = reverse("network:person_message", args=[message.pk])
    client.force_login(paula)
    page = client.get(url).content.decode()
    assert MESSAGE in page and "sina@example.org" not in page
    assert html_problems(page) == []
    client.post(url, {"reply": "Sehr gern, rufen Sie mich an – wann passt es Ihnen?"})
    page = client.get(url).content.decode()
    assert "sina@example.org" in page
    client.force_login(sender)
    assert "paula@example.org" in client.get(url).content.decode()
    client.force_login(make_member())
    assert client.get(url).status_code == 404


def test_message_limits_keep_the_text(client, people):
    sender = make_member()
    client.force_login(sender)
    url = reverse("network:person_message_send", args=[people["paula"].pk])
    assert client.post(url, {"body": MESSAGE}).status_code == 302
    response = client.post(url, {"body": MESSAGE + " Noch einmal."})
    assert response.status_code == 400
    html = response.content.decode()
    assert "heute schon geschrieben" in html
    assert "Noch einmal." in html
    others = [make_member(profile_visibility=Profile.PUBLIC) for _ in range(5)]
    for other in others[:4]:
        people_services.send_message(sender, other, MESSAGE)
    with pytest.raises(ValidationError, match="heute schon 5 Nachrichten"):
        people_services.send_message(sender, others[4], MESSAGE)
    with pytest.raises(ValidationError):
        people_services.send_message(make_member(), people["paula"], "Kurz")


def test_messages_refused_for_non_members_self_and_hidden(client, people):
    outsider = UserFactory()
    with pytest.raises(PermissionDenied):
        people_services.send_message(outsider, people["paula"], MESSAGE)
    with pytest.raises(PermissionDenied):
        people_services.send_message(make_member(), people["hanna"], MESSAGE)
    with pytest.raises(ValidationError):
        people_services.send_message(people["paula"], people["paula"], MESSAGE)
    client.force_login(outsider)
    response = client.post(reverse("network:person_message_send", args=[people["paula"].pk]),
                           {"body": MESSAGE})
    assert response.status_code == 302
    assert not Notification.objects.filter(kind=NotificationKind.MESSAGE).exists()


def test_export_and_erase_cover_messages(people):
    from network.models import PersonMessage
    from network.personal_data_network import erase, export

    sender = make_member()
    people_services.send_message(sender, people["paula"], MESSAGE)
    assert export(sender)["nachrichten_an_personen"][0]["nachricht"] == MESSAGE
    assert export(people["paula"])["nachrichten_an_mich"][0]["nachricht"] == MESSAGE
    erase(sender)
    assert not PersonMessage.objects.exists()


def test_reply_notifies_person_followers_once(people):
    paula = people["paula"]
    paula.date_joined = timezone.now() - datetime.timedelta(days=60)
    paula.save(update_fields=["date_joined"])
    author = make_member()
    author.date_joined = paula.date_joined
    author.save(update_fields=["date_joined"])
    category = ForumCategory.objects.create(name="Allgemein", slug="allgemein",
                                            visibility=Visibility.PUBLIC)
    thread = forum_services.create_thread(author, category, "Parken in der City", "Ideen?")
    follower = make_member()
    people_services.follow_person(follower, paula)
    forum_services.post_reply(paula, thread, "Wir haben gute Erfahrungen mit Brötchentasten.")
    notifications = Notification.objects.filter(recipient=follower)
    assert [n.kind for n in notifications] == [NotificationKind.FOLLOW]
    assert "Parken in der City" in notifications[0].message
    people_services.unfollow_person(follower, paula)
    forum_services.post_reply(paula, thread, "Und noch ein Gedanke zu Kurzzeitparkplätzen.")
    assert Notification.objects.filter(recipient=follower).count() == 1
