"""Creating, editing, approving and rejecting organisations (services and HTTP)."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from network import services
from network.models import Membership, Organisation
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    make_member,
    make_moderator,
)
from tests.html_checks import html_problems

pytestmark = pytest.mark.django_db

KOMMUNE = {
    "name": "Stadt Lindenau",
    "kind": Organisation.Kind.KOMMUNE,
    "bundesland": "SN",
    "town": "Lindenau",
    "population": 23_400,
    "website": "https://www.lindenau.de",
    "description": "Wir beleben unsere Altstadt.",
    "topics": ["Leerstand", "Zwischennutzung"],
}


def png_upload(name="logo.png", size=(64, 64)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2a6f97").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


# --- create -------------------------------------------------------------------------


def test_create_makes_a_pending_organisation_with_its_creator_as_admin(
    mailoutbox, django_capture_on_commit_callbacks
):
    moderator = make_moderator()
    superuser = UserFactory(is_superuser=True, is_staff=True)
    make_member()  # an ordinary member gets no moderation mail
    creator = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        organisation = services.create_organisation(creator, **KOMMUNE, logo=png_upload())

    assert organisation.status == Organisation.Status.PENDING
    assert organisation.slug == "stadt-lindenau"
    assert organisation.created_by == creator
    assert organisation.logo.name.startswith("logos/")
    assert sorted(organisation.topics.names()) == ["Leerstand", "Zwischennutzung"]
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.is_admin) == (creator, True)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted([moderator.email, superuser.email])


def test_no_mail_before_the_transaction_commits(mailoutbox, django_capture_on_commit_callbacks):
    make_moderator()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.create_organisation(UserFactory(), **KOMMUNE)
    assert mailoutbox == []
    for callback in callbacks:
        callback()
    assert len(mailoutbox) == 1


def test_slugs_are_unique_and_never_a_route():
    first = services.create_organisation(UserFactory(), **{**KOMMUNE, "name": "Neu"})
    OrganisationFactory(name="Frequenz", slug="frequenz", status=Organisation.Status.REJECTED)
    second = services.create_organisation(
        UserFactory(), **{**KOMMUNE, "name": "Frequenz", "kind": "anbieter"}
    )
    assert first.slug == "neu-2"
    assert second.slug == "frequenz-2"


def test_description_is_sanitised_and_plain_text_gets_paragraphs():
    hostile = services.create_organisation(
        UserFactory(),
        **{**KOMMUNE, "description": '<p onclick="x()">Hallo</p><img src=x onerror=alert(1)>'},
    )
    plain = services.create_organisation(
        UserFactory(),
        **{**KOMMUNE, "name": "Stadt Zwei", "description": "Erster Absatz.\n\nZweiter & <3"},
    )
    assert hostile.description == "<p>Hallo</p>"
    assert plain.description == "<p>Erster Absatz.</p>\n\n<p>Zweiter &amp; &lt;3</p>"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "Namen der Organisation"),
        ({"population": None}, "population", "Einwohnerzahl"),
        ({"kind": "gibtsnicht"}, "kind", "keine gültige Option"),
        ({"bundesland": "XX"}, "bundesland", "keine gültige Option"),
        ({"website": "javascript:alert(1)"}, "website", "gültige Adresse"),
        ({"description": "x" * 20_001}, "description", "höchstens"),
        ({"topics": ["a" * 61]}, "topics", "höchstens 60 Zeichen"),
    ],
)
def test_create_rejects_bad_input_with_german_messages(changes, field, message):
    with pytest.raises(ValidationError) as error:
        services.create_organisation(UserFactory(), **{**KOMMUNE, **changes})
    assert message in " ".join(error.value.message_dict[field])
    assert not Organisation.objects.exists()


def test_an_existing_name_points_to_joining_instead():
    OrganisationFactory(name="Stadt Lindenau")
    with pytest.raises(ValidationError) as error:
        services.create_organisation(UserFactory(), **{**KOMMUNE, "name": "stadt lindenau"})
    assert "Beitritt" in error.value.message_dict["name"][0]


def test_a_file_that_is_no_image_is_refused_as_logo():
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.create_organisation(UserFactory(), **KOMMUNE, logo=fake)
    assert "kein lesbares Bild" in error.value.message_dict["logo"][0]


def test_anonymous_users_cannot_create():
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        services.create_organisation(AnonymousUser(), **KOMMUNE)


def test_create_form_keeps_input_and_shows_errors(client, home_page):
    client.force_login(UserFactory())
    response = client.post(
        reverse("network:organisation_create"),
        {**KOMMUNE, "population": "", "topics": "Leerstand, Mobilität"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Einwohnerzahl der Stadt" in html
    assert 'value="Stadt Lindenau"' in html
    assert 'value="Leerstand, Mobilität"' in html
    assert "Wir beleben unsere Altstadt." in html
    assert html_problems(html) == []
    assert not Organisation.objects.exists()


def test_create_page_needs_login(client):
    response = client.get(reverse("network:organisation_create"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- edit ---------------------------------------------------------------------------


def test_org_admin_edits_the_profile_over_http(client, home_page):
    organisation = OrganisationFactory(name="Stadt Lindenau", topics=["Leerstand"])
    admin = make_member(organisation, role=Membership.Role.ADMIN)
    client.force_login(admin)

    form_page = client.get(reverse("network:organisation_edit", args=[organisation.slug]))
    assert form_page.status_code == 200
    assert html_problems(form_page.content.decode()) == []

    response = client.post(
        reverse("network:organisation_edit", args=[organisation.slug]),
        {**KOMMUNE, "description": "Neu <b>fett</b>", "topics": "Mobilität"},
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.description == "Neu <b>fett</b>"
    assert list(organisation.topics.names()) == ["Mobilität"]


@pytest.mark.parametrize("role", ["member", "other_admin", "stranger"])
def test_others_cannot_edit(client, role):
    organisation = OrganisationFactory()
    user = {
        "member": lambda: make_member(organisation),
        "other_admin": lambda: make_member(role=Membership.Role.ADMIN),
        "stranger": UserFactory,
    }[role]()
    with pytest.raises(PermissionDenied):
        services.update_organisation(user, organisation, name="Übernommen")
    client.force_login(user)
    url = reverse("network:organisation_edit", args=[organisation.slug])
    assert client.get(url).status_code == 403
    assert client.post(url, {**KOMMUNE, "name": "Übernommen"}).status_code == 403
    organisation.refresh_from_db()
    assert organisation.name != "Übernommen"


def test_editing_a_rejected_organisation_submits_it_again(
    mailoutbox, django_capture_on_commit_callbacks
):
    moderator = make_moderator()
    organisation = OrganisationFactory(status=Organisation.Status.REJECTED, review_note="Zu knapp")
    admin = make_member(organisation, role=Membership.Role.ADMIN)

    with django_capture_on_commit_callbacks(execute=True):
        services.update_organisation(admin, organisation, description="Jetzt ausführlich.")

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING
    assert organisation.review_note == ""
    assert mailoutbox[-1].to == [moderator.email]
    assert "Erneut zur Freigabe" in mailoutbox[-1].subject


# --- approval -----------------------------------------------------------------------


def test_moderator_rejects_with_a_reason_that_reaches_the_creator(
    mailoutbox, django_capture_on_commit_callbacks
):
    moderator = make_moderator()
    creator = UserFactory(email="creator@example.org")
    organisation = services.create_organisation(creator, **KOMMUNE)

    with pytest.raises(ValidationError) as error:
        services.reject_organisation(moderator, organisation, "  ")
    assert "begründen" in error.value.message_dict["reason"][0]

    with django_capture_on_commit_callbacks(execute=True):
        services.reject_organisation(moderator, organisation, "Bitte die Website ergänzen.")

    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.REJECTED
    assert organisation.review_note == "Bitte die Website ergänzen."
    assert mailoutbox[-1].to == ["creator@example.org"]
    assert "Bitte die Website ergänzen." in mailoutbox[-1].body
    assert reverse("network:organisation_edit", args=[organisation.slug]) in mailoutbox[-1].body


def test_a_decision_cannot_be_made_twice():
    moderator = make_moderator()
    organisation = OrganisationFactory(status=Organisation.Status.PENDING)
    services.approve_organisation(moderator, organisation)
    with pytest.raises(ValidationError):
        services.reject_organisation(moderator, organisation, "Doch nicht")


@pytest.mark.parametrize("role", ["org_admin", "member", "stranger", "staff_without_permission"])
def test_only_moderators_approve_or_reject(client, role):
    organisation = OrganisationFactory(status=Organisation.Status.PENDING)
    user = {
        "org_admin": lambda: make_member(organisation, role=Membership.Role.ADMIN),
        "member": make_member,
        "stranger": UserFactory,
        "staff_without_permission": lambda: UserFactory(is_staff=True),
    }[role]()

    with pytest.raises(PermissionDenied):
        services.approve_organisation(user, organisation)
    with pytest.raises(PermissionDenied):
        services.reject_organisation(user, organisation, "Nein")

    client.force_login(user)
    assert client.get(reverse("network:moderation_queue")).status_code == 403
    response = client.post(
        reverse("network:moderation_queue"), {"organisation": organisation.pk, "action": "approve"}
    )
    assert response.status_code == 403
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_reject_over_http_without_reason_keeps_the_queue_and_says_why(client, home_page):
    moderator = make_moderator()
    organisation = OrganisationFactory(name="Stadt Wartefeld", status=Organisation.Status.PENDING)
    client.force_login(moderator)
    response = client.post(
        reverse("network:moderation_queue"),
        {"organisation": organisation.pk, "action": "reject", f"org{organisation.pk}-reason": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bitte begründen Sie die Ablehnung." in html
    assert html_problems(html) == []
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.PENDING


def test_superuser_counts_as_moderator():
    superuser = UserFactory(is_superuser=True)
    organisation = OrganisationFactory(status=Organisation.Status.PENDING)
    services.approve_organisation(superuser, organisation)
    organisation.refresh_from_db()
    assert organisation.is_approved
