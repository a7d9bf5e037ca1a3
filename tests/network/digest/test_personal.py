"""The personal part "Für Sie" per role, empty parts left out, empty weeks skipped, and
reads batched: the number of queries does not grow with members or their items."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from matchmaking.models import ContactRequest, StoredMatch
from network.digest import selectors, services
from network.models import Follow, ForumCategory, Post, Thread, Visibility
from tests.factories import OrganisationFactory, ProviderFactory, UserFactory, make_member
from tests.matchmaking.factories import FundingProgrammeFactory, OfferFactory, PainPointFactory
from webtalks.models import Registration

from .conftest import confirmed

pytestmark = pytest.mark.django_db


def _match(pain_point, offer, direction, position=0):
    StoredMatch.objects.update_or_create(
        pain_point=pain_point, offer=offer, direction=direction,
        defaults={"position": position, "score": 0.9},
    )


def _world(make_event, n=1):
    """A Kommune member and a provider member, each with something new of every kind."""
    since = timezone.now() - datetime.timedelta(days=7)
    category = ForumCategory.objects.get_or_create(
        slug="allgemeines", defaults={"name": "Allgemeines", "visibility": Visibility.PUBLIC})[0]
    people = []
    for i in range(n):
        kommune = OrganisationFactory(bundesland="NW")
        provider = ProviderFactory(bundesland="BY")
        municipal = make_member(kommune)
        supplier = make_member(provider)
        pain_point = PainPointFactory(organisation=kommune, author=municipal)
        offer = OfferFactory(organisation=provider, author=supplier)
        StoredMatch.objects.filter(pain_point=pain_point).delete()
        StoredMatch.objects.filter(offer=offer).delete()
        _match(pain_point, offer, "for_pain_point")
        _match(pain_point, offer, "for_offer")
        thread = Thread.objects.create(category=category, title=f"Leerstand {i}",
                                       author=municipal)
        Follow.objects.create(user=municipal, thread=thread)
        Post.objects.create(thread=thread, author=municipal, body_markdown="Frage",
                            is_opening=True)
        Post.objects.create(thread=thread, author=supplier, body_markdown="Antwort 1")
        Post.objects.create(thread=thread, author=supplier, body_markdown="Antwort 2")
        event = make_event(title=f"Workshop {i}")
        Registration.objects.create(event=event, user=supplier, name="S", email=supplier.email,
                                    status=Registration.Status.CONFIRMED)
        ContactRequest.objects.create(
            pain_point=pain_point, offer=offer, sender=municipal, sender_organisation=kommune,
            recipient_organisation=provider, message="Wir möchten Sie kennenlernen.",
        )
        people.append((municipal, supplier))
    today = timezone.localdate()
    FundingProgrammeFactory(name="NRW-Programm", bundeslaender=["NW"],
                            deadline=today + datetime.timedelta(days=10))
    FundingProgrammeFactory(name="Bayern-Programm", bundeslaender=["BY"],
                            deadline=today + datetime.timedelta(days=12))
    return since, people


def _headings(parts):
    return [heading for heading, _lines in parts]


def test_personal_part_per_role(make_event):
    since, [(municipal, supplier)] = _world(make_event)
    visitor = UserFactory()
    lonely = make_member()
    parts = selectors.personal_parts([municipal.pk, supplier.pk, visitor.pk, lonely.pk], since)
    assert _headings(parts[municipal.pk]) == [
        "Neue passende Treffer für Ihre Organisation",
        "Neue Antworten in Themen, denen Sie folgen",
        "Förderfristen in Ihrem Bundesland",
    ]
    assert dict(parts[municipal.pk])["Neue Antworten in Themen, denen Sie folgen"][0][
        "meta"] == "2 neue Antworten"
    assert [line["title"] for line in dict(parts[municipal.pk])[
        "Förderfristen in Ihrem Bundesland"]] == ["NRW-Programm"]
    assert _headings(parts[supplier.pk]) == [
        "Neue passende Treffer für Ihre Organisation",
        "Ihre nächsten Veranstaltungen",
        "Förderfristen in Ihrem Bundesland",
        "Kontaktanfragen",
    ]
    assert [line["title"] for line in dict(parts[supplier.pk])[
        "Förderfristen in Ihrem Bundesland"]] == ["Bayern-Programm"]
    # a member with nothing new and a person without organisation get no personal part
    assert visitor.pk not in parts
    assert lonely.pk not in parts or "Neue passende" not in _headings(parts[lonely.pk])


def test_nothing_old_counts_as_new(make_event):
    since, [(municipal, _supplier)] = _world(make_event)
    later = timezone.now() + datetime.timedelta(minutes=1)
    parts = selectors.personal_parts([municipal.pk], later)
    assert "Neue passende Treffer für Ihre Organisation" not in _headings(
        parts.get(municipal.pk, []))
    assert "Neue Antworten in Themen, denen Sie folgen" not in _headings(
        parts.get(municipal.pk, []))


def test_queries_do_not_grow_with_members_or_items(make_event):
    since, people = _world(make_event, n=1)
    ids = [pk for pair in people for pk in (pair[0].pk, pair[1].pk)]
    selectors.personal_parts(ids, since)  # warms Wagtail's cache of site root paths
    with CaptureQueriesContext(connection) as small:
        selectors.personal_parts(ids, since)
    since, more = _world(make_event, n=4)
    ids = [pk for pair in people + more for pk in (pair[0].pk, pair[1].pk)]
    with CaptureQueriesContext(connection) as large:
        result = selectors.personal_parts(ids, since)
    assert len(result) == 10
    assert len(large) == len(small) == 7


def test_empty_week_sends_nothing(smtp_server, django_capture_on_commit_callbacks):
    member = make_member()
    confirmed(member.email, user=member, personal=True, editorial=False)
    with django_capture_on_commit_callbacks(execute=True):
        issue = services.weekly_personal_issue()
    assert issue.personal_only
    assert smtp_server.received() == []
    assert set(issue.deliveries.values_list("status", flat=True)) == {"skipped"}


def test_personal_week_reaches_only_members_with_something(
    make_event, smtp_server, django_capture_on_commit_callbacks
):
    _since, [(municipal, supplier)] = _world(make_event)
    nobody = make_member(OrganisationFactory(bundesland="HB"))
    for person in (municipal, supplier, nobody):
        confirmed(person.email, user=person, personal=True, editorial=False)
    confirmed("nur-redaktion@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.weekly_personal_issue()
    assert sorted(r for r, _ in smtp_server.received()) == sorted(
        [municipal.email, supplier.email])
    html = next(m for m in smtp_server.messages() if m["To"] == supplier.email)
    body = html.get_body(("html",)).get_content()
    assert "Für Sie" in body and "Kontaktanfrage" in body


def test_no_personal_week_after_an_editorial_issue():
    from network.models import DigestIssue, IssueStatus

    DigestIssue.objects.create(title="x", slug="x", status=IssueStatus.SENT,
                               sent_at=timezone.now() - datetime.timedelta(days=2))
    assert services.weekly_personal_issue() is None
