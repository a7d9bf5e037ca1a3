"""Contact requests between a municipality and a provider: who may write and answer, who
hears of it, when the details are shared, and what "umgesetzt" sets in motion."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from bestpractice.models import CaseStudySubmission
from matchmaking import contacts, selectors
from matchmaking.models import (
    ContactOutcome,
    ContactRequest,
    ContactStatus,
    OfferStatus,
    PainPointStatus,
)
from matchmaking.services import MatchmakingRefused
from network.models import Membership, Notification, NotificationKind
from network.notifications.services import send_due_mails
from tests.factories import MembershipFactory, OrganisationFactory, ProviderFactory, make_member
from tests.matchmaking.factories import OfferFactory, PainPointFactory

pytestmark = pytest.mark.django_db

MESSAGE = ("Guten Tag, wir sind die Stadt Lemgo und möchten gern über Ihr Angebot zur "
           "Zwischennutzung sprechen.")
REPLY = "Gern, rufen Sie uns an oder schreiben Sie uns eine Mail."


@pytest.fixture
def town():
    return OrganisationFactory(name="Stadt Lemgo", bundesland="NW")


@pytest.fixture
def town_member(town):
    return make_member(town, first_name="Jana", last_name="Krüger",
                       email="jana.krueger@lemgo.example")


@pytest.fixture
def provider():
    return ProviderFactory(name="Leerstandslotsen GmbH")


@pytest.fixture
def provider_member(provider):
    return make_member(provider, first_name="Omar", last_name="Yilmaz",
                       email="omar@leerstandslotsen.example")


@pytest.fixture
def provider_colleague(provider):
    return make_member(provider, email="team@leerstandslotsen.example")


@pytest.fixture
def pain_point(town, town_member):
    return PainPointFactory(organisation=town, author=town_member,
                            title="Leerstand in der Mittelstraße",
                            topics=["Leerstand", "Zwischennutzung"])


@pytest.fixture
def offer(provider, provider_member):
    return OfferFactory(organisation=provider, author=provider_member,
                        title="Zwischennutzung aus einer Hand", topics=["Zwischennutzung"])


@pytest.fixture
def stranger():
    return make_member(OrganisationFactory(name="Stadt Detmold"))


@pytest.fixture
def request_from_town(town_member, pain_point, offer, provider_member, provider_colleague):
    return contacts.send_request(town_member, pain_point, offer, MESSAGE)


def contact_notifications(user):
    return list(Notification.objects.filter(recipient=user, kind=NotificationKind.CONTACT)
                .order_by("pk"))


def accepted(request, user):
    return contacts.answer_request(user, request, accept=True, message=REPLY)


# --- sending --------------------------------------------------------------------------------


def test_municipal_member_writes_and_the_providers_members_hear_of_it(
        request_from_town, town, provider, town_member, provider_member, provider_colleague):
    request = ContactRequest.objects.get(pk=request_from_town.pk)
    assert request.status == ContactStatus.PENDING
    assert (request.sender, request.sender_organisation, request.recipient_organisation) == (
        town_member, town, provider)
    assert request.from_municipality

    for member in (provider_member, provider_colleague):
        (notification,) = contact_notifications(member)
        assert "Stadt Lemgo möchte Kontakt aufnehmen" in notification.message
        assert notification.url == reverse("matchmaking:contact", args=[request.pk])
    assert contact_notifications(town_member) == []

    assert send_due_mails() == 2
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "omar@leerstandslotsen.example", "team@leerstandslotsen.example"]
    assert "Stadt Lemgo möchte Kontakt aufnehmen" in mail.outbox[0].body
    assert f"/matching/kontakt/{request.pk}/" in mail.outbox[0].body


def test_inactive_and_requested_memberships_are_not_notified(town_member, pain_point, offer,
                                                             provider):
    applicant = MembershipFactory(organisation=provider,
                                  status=Membership.Status.REQUESTED).user
    departed = make_member(provider)
    departed.is_active = False
    departed.save()

    contacts.send_request(town_member, pain_point, offer, MESSAGE)

    assert contact_notifications(applicant) == []
    assert contact_notifications(departed) == []


def test_provider_member_writes_to_the_municipality(provider_member, pain_point, offer, town,
                                                    provider, town_member):
    request = contacts.send_request(provider_member, pain_point, offer, MESSAGE)

    assert (request.sender_organisation, request.recipient_organisation) == (provider, town)
    assert not request.from_municipality
    assert len(contact_notifications(town_member)) == 1

    contacts.answer_request(town_member, request, accept=True)

    assert ContactRequest.objects.get(pk=request.pk).status == ContactStatus.ACCEPTED
    (notification,) = contact_notifications(provider_member)
    assert "Stadt Lemgo hat Ihre Kontaktanfrage angenommen" in notification.message
    with pytest.raises(MatchmakingRefused):
        contacts.answer_request(provider_member, request, accept=False)


def test_second_live_request_for_the_same_pair_is_refused(request_from_town, town_member,
                                                          provider_member, pain_point, offer):
    with pytest.raises(ValidationError) as error:
        contacts.send_request(town_member, pain_point, offer, MESSAGE)
    assert "bereits eine offene oder angenommene Kontaktanfrage" in error.value.messages[0]

    # Nor from the other side, nor once accepted.
    with pytest.raises(ValidationError):
        contacts.send_request(provider_member, pain_point, offer, MESSAGE)
    accepted(request_from_town, provider_member)
    with pytest.raises(ValidationError):
        contacts.send_request(town_member, pain_point, offer, MESSAGE)

    assert ContactRequest.objects.count() == 1


def test_after_a_decline_a_new_request_is_possible(request_from_town, town_member,
                                                   provider_member, pain_point, offer):
    contacts.answer_request(provider_member, request_from_town, accept=False)

    again = contacts.send_request(town_member, pain_point, offer, MESSAGE)

    assert again.status == ContactStatus.PENDING
    assert ContactRequest.objects.count() == 2


def test_too_short_message_is_refused(town_member, pain_point, offer, provider_member):
    with pytest.raises(ValidationError) as error:
        contacts.send_request(town_member, pain_point, offer, "  Hallo!  ")

    assert "mindestens 20 Zeichen" in error.value.message_dict["message"][0]
    assert not ContactRequest.objects.exists()
    assert contact_notifications(provider_member) == []


def test_too_long_message_is_refused(town_member, pain_point, offer):
    with pytest.raises(ValidationError) as error:
        contacts.send_request(town_member, pain_point, offer, "x" * 2001)

    assert "höchstens 2000 Zeichen" in error.value.message_dict["message"][0]


@pytest.mark.parametrize("who", ["visitor", "stranger", "other_provider"])
def test_third_parties_cannot_send(who, stranger, pain_point, offer):
    user = {"visitor": AnonymousUser(), "stranger": stranger,
            "other_provider": make_member(ProviderFactory(name="Innenstadtwerk"))}[who]

    with pytest.raises(MatchmakingRefused):
        contacts.send_request(user, pain_point, offer, MESSAGE)

    assert not ContactRequest.objects.exists()


def test_request_about_an_archived_offer_is_refused(town_member, pain_point, offer):
    offer.status = OfferStatus.ARCHIVED
    offer.save()

    with pytest.raises(MatchmakingRefused) as refused:
        contacts.send_request(town_member, pain_point, offer, MESSAGE)

    assert "nicht mehr aktiv" in str(refused.value)
    assert not ContactRequest.objects.exists()


def test_request_about_a_solved_pain_point_is_refused(provider_member, pain_point, offer):
    pain_point.status = PainPointStatus.SOLVED
    pain_point.save()

    with pytest.raises(MatchmakingRefused):
        contacts.send_request(provider_member, pain_point, offer, MESSAGE)


# --- answering ------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["visitor", "stranger", "sender", "senders_colleague"])
def test_only_members_of_the_recipient_answer(who, request_from_town, stranger, town_member,
                                              town):
    user = {"visitor": AnonymousUser(), "stranger": stranger, "sender": town_member,
            "senders_colleague": make_member(town)}[who]

    with pytest.raises(MatchmakingRefused) as refused:
        contacts.answer_request(user, request_from_town, accept=True)

    assert "Leerstandslotsen GmbH" in str(refused.value)
    assert ContactRequest.objects.get(pk=request_from_town.pk).status == ContactStatus.PENDING


def test_details_are_shared_only_once_accepted(request_from_town, town_member, provider_member,
                                               provider_colleague):
    assert selectors.contact_details(request_from_town) is None

    request = accepted(request_from_town, provider_colleague)

    request = ContactRequest.objects.get(pk=request.pk)
    assert request.responder == provider_colleague
    assert request.response_message == REPLY
    details = selectors.contact_details(request)
    assert [(d.name, d.email, d.organisation.name) for d in details] == [
        ("Jana Krüger", "jana.krueger@lemgo.example", "Stadt Lemgo"),
        (provider_colleague.get_full_name(), "team@leerstandslotsen.example",
         "Leerstandslotsen GmbH"),
    ]


def test_declined_request_shares_nothing_and_the_sender_hears_of_it(request_from_town,
                                                                    town_member,
                                                                    provider_member):
    request = contacts.answer_request(provider_member, request_from_town, accept=False,
                                      message="Das passt leider nicht zu uns.")

    assert ContactRequest.objects.get(pk=request.pk).status == ContactStatus.DECLINED
    assert selectors.contact_details(request) is None
    (notification,) = contact_notifications(town_member)
    assert "Leerstandslotsen GmbH hat Ihre Kontaktanfrage abgelehnt" in notification.message


def test_sender_hears_of_acceptance_by_mail_too(request_from_town, town_member,
                                                provider_member):
    send_due_mails()
    mail.outbox.clear()

    accepted(request_from_town, provider_member)

    (notification,) = contact_notifications(town_member)
    assert "angenommen" in notification.message
    assert send_due_mails() == 1
    (message,) = mail.outbox
    assert message.to == ["jana.krueger@lemgo.example"]
    assert "Leerstandslotsen GmbH hat Ihre Kontaktanfrage angenommen" in message.body


def test_a_request_is_answered_only_once(request_from_town, provider_member,
                                         provider_colleague):
    accepted(request_from_town, provider_member)

    with pytest.raises(ValidationError) as error:
        contacts.answer_request(provider_colleague, request_from_town, accept=False)

    assert "bereits angenommen" in error.value.messages[0]
    assert ContactRequest.objects.get(pk=request_from_town.pk).status == ContactStatus.ACCEPTED


def test_third_parties_do_not_see_the_request_in_their_lists(request_from_town, stranger, town,
                                                             provider):
    assert selectors.contact_requests_of([stranger.memberships.get().organisation]) == []
    assert selectors.contact_requests_of([town]) == [request_from_town]
    assert selectors.contact_requests_of([provider]) == [request_from_town]
    assert selectors.pending_contact_count([provider]) == 1
    assert selectors.pending_contact_count([town]) == 0


# --- withdrawing ----------------------------------------------------------------------------


def test_sender_withdraws_a_pending_request(request_from_town, town_member):
    contacts.withdraw_request(town_member, request_from_town)

    assert ContactRequest.objects.get(pk=request_from_town.pk).status == ContactStatus.WITHDRAWN


@pytest.mark.parametrize("who", ["visitor", "stranger", "recipient"])
def test_only_the_sending_side_withdraws(who, request_from_town, stranger, provider_member):
    user = {"visitor": AnonymousUser(), "stranger": stranger, "recipient": provider_member}[who]

    with pytest.raises(MatchmakingRefused):
        contacts.withdraw_request(user, request_from_town)

    assert ContactRequest.objects.get(pk=request_from_town.pk).status == ContactStatus.PENDING


def test_answered_request_cannot_be_withdrawn(request_from_town, town_member, provider_member):
    accepted(request_from_town, provider_member)

    with pytest.raises(ValidationError):
        contacts.withdraw_request(town_member, request_from_town)

    assert ContactRequest.objects.get(pk=request_from_town.pk).status == ContactStatus.ACCEPTED


# --- outcomes -------------------------------------------------------------------------------


def test_no_outcome_before_acceptance(request_from_town, town_member, provider_member):
    with pytest.raises(ValidationError) as error:
        contacts.record_outcome(town_member, request_from_town, ContactOutcome.TALKED)
    assert "erst nach angenommener Anfrage" in error.value.messages[0]

    contacts.answer_request(provider_member, request_from_town, accept=False)
    with pytest.raises(ValidationError):
        contacts.record_outcome(provider_member, request_from_town, ContactOutcome.TALKED)

    assert ContactRequest.objects.get(pk=request_from_town.pk).outcome == ""


def test_either_side_records_the_outcome(request_from_town, town_member, provider_member):
    accepted(request_from_town, provider_member)

    contacts.record_outcome(town_member, request_from_town, ContactOutcome.TALKED)
    assert ContactRequest.objects.get(pk=request_from_town.pk).outcome == "talked"

    contacts.record_outcome(provider_member, request_from_town, ContactOutcome.PILOT)
    request = ContactRequest.objects.get(pk=request_from_town.pk)
    assert request.outcome == "pilot"
    assert request.outcome_at is not None
    assert not CaseStudySubmission.objects.exists()


def test_third_parties_cannot_record_an_outcome(request_from_town, provider_member, stranger):
    accepted(request_from_town, provider_member)

    for user in (AnonymousUser(), stranger):
        with pytest.raises(MatchmakingRefused):
            contacts.record_outcome(user, request_from_town, ContactOutcome.IMPLEMENTED)

    assert ContactRequest.objects.get(pk=request_from_town.pk).outcome == ""
    assert not CaseStudySubmission.objects.exists()


@pytest.mark.parametrize("outcome", ["", "vielleicht"])
def test_unknown_outcome_is_refused(outcome, request_from_town, town_member, provider_member):
    accepted(request_from_town, provider_member)

    with pytest.raises(ValidationError) as error:
        contacts.record_outcome(town_member, request_from_town, outcome)

    assert error.value.message_dict["outcome"] == ["Bitte ein Ergebnis auswählen."]


def test_implemented_invites_the_municipality_to_a_case_study_draft(
        request_from_town, town, town_member, provider_member, pain_point):
    colleague = make_member(town)
    accepted(request_from_town, provider_member)

    contacts.record_outcome(provider_member, request_from_town, ContactOutcome.IMPLEMENTED)

    draft = CaseStudySubmission.objects.get()
    assert draft.status == CaseStudySubmission.Status.DRAFT
    assert draft.organisation == town
    assert draft.submitter == town_member
    assert draft.title == "Leerstand in der Mittelstraße"
    assert sorted(topic.strip() for topic in draft.topics.split(",")) == [
        "Leerstand", "Zwischennutzung"]
    assert "Leerstandslotsen GmbH" in draft.partners_note
    assert draft.contact_email == "jana.krueger@lemgo.example"
    step_one = reverse("bestpractice:submission_step", args=[draft.pk, 1])
    for member in (town_member, colleague):
        invitation = contact_notifications(member)[-1]
        assert invitation.url == step_one
        assert "ist umgesetzt" in invitation.message
    assert all(n.url != step_one for n in contact_notifications(provider_member))


def test_draft_escapes_the_pain_points_description(request_from_town, provider_member,
                                                   pain_point):
    pain_point.description = "Leere Läden <script>alert(1)</script>\n\nZweiter Absatz"
    pain_point.save()
    accepted(request_from_town, provider_member)

    contacts.record_outcome(provider_member, request_from_town, ContactOutcome.IMPLEMENTED)

    problem = CaseStudySubmission.objects.get().problem
    assert "<script>" not in problem
    assert problem.count("<p>") == 2


def test_draft_goes_to_a_current_member_when_the_author_left(request_from_town, town,
                                                             town_member, provider_member):
    successor = make_member(town)
    town_member.memberships.update(status=Membership.Status.DECLINED)
    accepted(request_from_town, provider_member)

    contacts.record_outcome(provider_member, request_from_town, ContactOutcome.IMPLEMENTED)

    assert CaseStudySubmission.objects.get().submitter == successor


def test_recording_implemented_twice_creates_one_draft(request_from_town, town_member,
                                                       provider_member):
    accepted(request_from_town, provider_member)

    contacts.record_outcome(provider_member, request_from_town, ContactOutcome.IMPLEMENTED)
    contacts.record_outcome(town_member, request_from_town, ContactOutcome.IMPLEMENTED)

    assert CaseStudySubmission.objects.count() == 1


def test_provider_side_request_can_end_in_a_case_study_draft(provider_member, town_member,
                                                             pain_point, offer, town):
    request = contacts.send_request(provider_member, pain_point, offer, MESSAGE)
    contacts.answer_request(town_member, request, accept=True)

    contacts.record_outcome(town_member, request, ContactOutcome.IMPLEMENTED)

    assert CaseStudySubmission.objects.get().organisation == town
