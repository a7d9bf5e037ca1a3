"""Abuse limits on reports: per-member rate limit, and new accounts weigh less (issue 10)."""

import pytest

from network.forum import services
from network.models import Post, PostReport
from tests.factories import make_member
from tests.network.forum.conftest import established

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts(public_category, member, other_member):
    thread = services.create_thread(
        member, public_category, "Streit um Parkgebühren", "Die Gebühren sind zu hoch."
    )
    for number in range(services.REPORT_LIMIT.amount):
        services.post_reply(established(make_member()), thread, f"Antwort Nummer {number + 1}.")
    return list(thread.posts.order_by("pk"))


def test_one_member_cannot_report_post_after_post(client, posts):
    reporter = established(make_member())
    client.force_login(reporter)
    allowed, refused = posts[: services.REPORT_LIMIT.amount], posts[services.REPORT_LIMIT.amount]
    for post in allowed:
        response = client.post(
            f"/forum/beitrag/{post.pk}/melden/", {"reason": "Spam, bitte prüfen"}
        )
        assert response.status_code == 302
    response = client.post(
        f"/forum/beitrag/{refused.pk}/melden/", {"reason": "Mein sorgfältig getippter Grund"}
    )
    html = response.content.decode()
    assert "schon viele Beiträge gemeldet" in html
    assert "Mein sorgfältig getippter Grund" in html  # the text is kept
    assert PostReport.objects.filter(reporter=reporter).count() == services.REPORT_LIMIT.amount
    # Another member is not affected.
    client.force_login(established(make_member()))
    response = client.post(f"/forum/beitrag/{refused.pk}/melden/", {"reason": "Spam, bitte prüfen"})
    assert response.status_code == 302


def test_reports_from_new_accounts_weigh_half(posts):
    post = posts[0]
    for _ in range(3):
        services.report_post(make_member(), post, "Neu hier und gleich gemeldet")
    post.refresh_from_db()
    assert post.report_count == 3 and post.status == Post.Status.VISIBLE  # 3 × ½ = 1½
    services.report_post(established(make_member()), post, "Beleidigend")
    services.report_post(make_member(), post, "Neu hier und gleich gemeldet")
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN  # 4 × ½ + 1 = 3
