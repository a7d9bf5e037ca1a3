"""Fixtures for "Meine Daten": a member with data in every app, and her surroundings."""

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from matchmaking import contacts
from matchmaking.models import Direction, MatchFeedback, Verdict
from network.forum import services as forum_services
from network.models import ForumCategory, Membership, Visibility
from tests.factories import OrganisationFactory, ProviderFactory, make_member
from tests.matchmaking.factories import OfferFactory, PainPointFactory
from tests.webtalks.conftest import events_index, make_event  # noqa: F401 - fixtures
from webtalks import services as webtalks_services
from webtalks.models import LiveMessage

CONTACT_MESSAGE = (
    "Guten Tag, wir möchten über Ihr Angebot zur Zwischennutzung sprechen. "
    "Viele Grüße, Anna Schmidt"
)


@pytest.fixture(autouse=True)
def _private_storage(settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"


def _established(user):
    user.date_joined = timezone.now() - datetime.timedelta(days=60)
    user.save(update_fields=["date_joined"])
    return user


@dataclass
class World:
    anna: object
    ben: object
    omar: object
    vera_registration: object
    town: object
    solo: object
    provider: object
    pain_point: object
    solo_offer: object
    omar_offer: object
    contact: object
    thread: object
    reply: object
    comment: object
    event: object
    anna_registration: object
    live_message: object


@pytest.fixture
def world(db, make_event, django_capture_on_commit_callbacks):  # noqa: F811
    """Anna Schmidt: member of a town (Ben is its admin), sole admin of her one-person
    office, author of a pain point, a forum thread, a comment, a contact request to Omar's
    company, registered for a full event on whose waitlist a visitor (Vera) stands."""
    town = OrganisationFactory(name="Stadt Lemgo")
    anna = _established(make_member(town, first_name="Anna", last_name="Schmidt",
                                     email="anna.schmidt@lemgo.example"))
    ben = _established(make_member(town, role=Membership.Role.ADMIN, first_name="Ben",
                                   last_name="Yilmaz", email="ben@lemgo.example"))
    solo = ProviderFactory(name="Büro Schmidt")
    Membership.objects.create(user=anna, organisation=solo, role=Membership.Role.ADMIN,
                              status=Membership.Status.ACTIVE)
    provider = ProviderFactory(name="Leerstandslotsen GmbH")
    omar = make_member(provider, role=Membership.Role.ADMIN, first_name="Omar",
                       last_name="Celik", email="omar@leerstandslotsen.example")

    pain_point = PainPointFactory(organisation=town, author=anna,
                                  title="Leerstand in der Mittelstraße")
    solo_offer = OfferFactory(organisation=solo, author=anna, title="Moderation von Workshops")
    omar_offer = OfferFactory(organisation=provider, author=omar,
                              title="Zwischennutzung aus einer Hand")
    MatchFeedback.objects.create(pain_point=pain_point, offer=omar_offer,
                                 direction=Direction.FOR_PAIN_POINT, verdict=Verdict.HELPFUL,
                                 user=anna)
    with django_capture_on_commit_callbacks(execute=True):
        contact = contacts.send_request(anna, pain_point, omar_offer, CONTACT_MESSAGE)
        contacts.answer_request(omar, contact, accept=True, message="Gern, Frau Schmidt.")

    category = ForumCategory.objects.create(name="Allgemeines", slug="allgemeines",
                                            visibility=Visibility.PUBLIC)
    thread = forum_services.create_thread(anna, category, "Erfahrungen mit Pop-up-Stores",
                                          "Wer hat schon Pop-up-Stores in Leerständen erprobt?")
    reply = forum_services.post_reply(ben, thread, "Wir, in der Bahnhofstraße.")
    event = make_event(capacity=1, title="WebTalk Leerstand")
    with django_capture_on_commit_callbacks(execute=True):
        anna_registration = webtalks_services.register_for_event(event, user=anna)
        vera = webtalks_services.register_for_event(
            event, name="Vera Gast", email="vera@example.org"
        )
        vera = webtalks_services.confirm_registration(vera.token)
    assert vera.status == "waitlisted"
    comment = forum_services.comment_on_page(anna, event, "Freue mich auf den Austausch!")
    live_message = LiveMessage.objects.create(event=event, author=anna, kind="question",
                                              text="Wie lange laufen Zwischennutzungen?")
    return World(anna, ben, omar, vera, town, solo, provider, pain_point, solo_offer,
                 omar_offer, contact, thread, reply, comment, event, anna_registration,
                 live_message)
