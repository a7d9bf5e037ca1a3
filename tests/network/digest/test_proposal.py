"""The proposal picks exactly what is new since the last sent issue."""

import datetime

import pytest
from django.utils import timezone

from bestpractice.models import ArticleKind, ArticlePage, BestPracticePage
from network.digest import selectors, services
from network.models import DigestIssue, IssueStatus, ItemKind
from tests.factories import OrganisationFactory
from tests.matchmaking.factories import FundingProgrammeFactory

pytestmark = pytest.mark.django_db


def _published(page, when):
    type(page).objects.filter(pk=page.pk).update(first_published_at=when)


def test_proposal_picks_exactly_what_is_new(make_article, make_case_study, make_event, editor):
    now = timezone.now()
    last = now - datetime.timedelta(days=7)
    DigestIssue.objects.create(title="Letzte", slug="letzte", status=IssueStatus.SENT,
                               sent_at=last)
    old_impulse = make_article(title="Alter Impuls", kind=ArticleKind.IMPULSE)
    _published(old_impulse, last - datetime.timedelta(days=1))
    older_new_impulse = make_article(title="Impuls Montag", kind=ArticleKind.IMPULSE)
    _published(older_new_impulse, now - datetime.timedelta(days=3))
    impulse = make_article(title="Impuls Mittwoch", kind=ArticleKind.IMPULSE)
    _published(impulse, now - datetime.timedelta(days=1))
    old_news = make_article(title="Alte Nachricht")
    _published(old_news, last - datetime.timedelta(hours=1))
    news = make_article(title="Neue Nachricht")
    old_case = make_case_study(title="Altes Praxisbeispiel")
    _published(old_case, last - datetime.timedelta(days=2))
    case = make_case_study(title="Neues Praxisbeispiel")
    soon = make_event(title="Bald", start=now + datetime.timedelta(days=10))
    make_event(title="Zu weit", start=now + datetime.timedelta(days=30))
    make_event(title="Vorbei", start=now - datetime.timedelta(days=1))
    old_org = OrganisationFactory(name="Alte Stadt")
    old_org.__class__.objects.filter(pk=old_org.pk).update(reviewed_at=last - datetime.timedelta(1))
    new_org = OrganisationFactory(name="Neue Stadt")
    OrganisationFactory(name="Wartet", status="pending", reviewed_at=None)
    # organisations of the case studies were created now: they count as new members too
    case_orgs = set(BestPracticePage.objects.values_list("organisation_id", flat=True))
    today = timezone.localdate()
    due = FundingProgrammeFactory(name="Frist bald", deadline=today + datetime.timedelta(14))
    FundingProgrammeFactory(name="Frist später", deadline=today + datetime.timedelta(120))
    FundingProgrammeFactory(name="Frist vorbei", deadline=today - datetime.timedelta(1))
    FundingProgrammeFactory(name="Laufend", deadline=None)

    items = selectors.proposal(now=now)
    sources = [item["source"] for item in items]
    expected_orgs = {f"organisation:{pk}" for pk in case_orgs - {old_org.pk}} | {
        f"organisation:{new_org.pk}"}
    assert sources[0] == f"article:{impulse.pk}"  # only the newest impulse, first
    assert set(sources) == {
        f"article:{impulse.pk}", f"article:{news.pk}", f"event:{soon.pk}",
        f"case_study:{case.pk}", f"funding:{due.pk}", *expected_orgs,
    }
    event_item = next(i for i in items if i["kind"] == ItemKind.EVENT)
    assert event_item["url"].endswith("#registration-title")
    assert event_item["link_label"] == "Jetzt anmelden"
    assert ArticlePage.objects.get(pk=older_new_impulse.pk)  # exists, just not proposed


def test_new_issue_in_admin_is_proposed_and_german(client, editor, make_article):
    make_article(title="Impuls zur Zwischennutzung", kind=ArticleKind.IMPULSE)
    client.force_login(editor)
    response = client.get("/admin/snippets/network/digestissue/add/")
    assert response.status_code == 302
    issue = DigestIssue.objects.get()
    assert issue.title.startswith("Wochenübersicht KW")
    assert [item.title for item in issue.items.all()] == ["Impuls zur Zwischennutzung"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Beiträge" in page.content.decode()
    send_page = client.get(f"/admin/wochenuebersicht/{issue.pk}/versand/")
    assert "Test an mich senden" in send_page.content.decode()


def test_only_editors_propose_issues(db):
    from django.core.exceptions import PermissionDenied

    from tests.factories import make_member

    with pytest.raises(PermissionDenied):
        services.propose_issue(make_member())
