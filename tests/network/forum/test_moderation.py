"""Reports, the moderation queue and its decisions: logged with who, when and why; the
author is told; other roles are refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from network.forum import moderation, services
from network.models import ModerationAction, Notification, Post, PostReport
from tests.factories import make_member
from tests.network.forum.conftest import established


@pytest.fixture
def thread(public_category, member):
    return services.create_thread(member, public_category, "Streit um Parkgebühren",
                                  "Die Gebühren sind zu hoch.")


@pytest.fixture
def post(thread):
    return thread.posts.get()


def test_three_reports_from_different_members_hide_the_post(client, thread, post, member):
    reporters = [established(make_member()) for _ in range(3)]
    services.report_post(reporters[0], post, "Beleidigend formuliert")
    with pytest.raises(ValidationError, match="bereits gemeldet"):
        services.report_post(reporters[0], post, "Nochmal gemeldet")
    services.report_post(reporters[1], post, "Unsachlich und beleidigend")
    post.refresh_from_db()
    assert post.status == Post.Status.VISIBLE and post.report_count == 2
    services.report_post(reporters[2], post, "Bitte prüfen")
    post.refresh_from_db()
    assert post.status == Post.Status.HIDDEN
    log = ModerationAction.objects.get(kind=ModerationAction.Kind.AUTO_HIDE)
    assert log.post == post and log.moderator is None and "3 Meldungen" in log.reason
    assert Notification.objects.filter(recipient=member, kind="moderation").exists()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Die Gebühren sind zu hoch." not in page
    assert "von der Moderation geprüft" in page


def test_reports_need_a_reason_and_a_member(client, post):
    reporter = make_member()
    client.force_login(reporter)
    response = client.post(f"/forum/beitrag/{post.pk}/melden/", {"reason": ""})
    assert "Bitte beschreiben Sie kurz" in response.content.decode()
    client.logout()
    assert client.post(f"/forum/beitrag/{post.pk}/melden/", {"reason": "Spam!"}).status_code == 302
    assert not PostReport.objects.exists()


def test_queue_lists_reported_posts_for_moderators_only(client, post, member, moderator):
    services.report_post(make_member(), post, "Werbung für eigene Firma")
    client.force_login(member)
    assert client.get("/forum/moderation/").status_code == 403
    client.force_login(moderator)
    html = client.get("/forum/moderation/").content.decode()
    assert "Werbung für eigene Firma" in html and "Streit um Parkgebühren" in html


@pytest.mark.parametrize("decision, status", [
    ("hide", Post.Status.HIDDEN), ("delete", Post.Status.DELETED),
    ("restore", Post.Status.VISIBLE),
])
def test_decisions_are_logged_and_the_author_is_told(client, post, member, moderator,
                                                     decision, status):
    services.report_post(make_member(), post, "Bitte prüfen")
    client.force_login(moderator)
    response = client.post(f"/forum/moderation/beitrag/{post.pk}/",
                           {"decision": decision, "reason": "Verstößt gegen die Regeln"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == status
    action = ModerationAction.objects.exclude(kind="auto_hide").get()
    assert (action.moderator, action.post, action.reason) == (
        moderator, post, "Verstößt gegen die Regeln"
    )
    assert action.created_at is not None
    assert not PostReport.objects.filter(resolved_at__isnull=True).exists()
    told = Notification.objects.get(recipient=member, kind="moderation")
    assert "Verstößt gegen die Regeln" in told.message
    log_page = client.get("/forum/moderation/protokoll/").content.decode()
    assert "Verstößt gegen die Regeln" in log_page


def test_decision_without_reason_keeps_the_queue_and_says_why(client, post, moderator):
    client.force_login(moderator)
    response = client.post(f"/forum/moderation/beitrag/{post.pk}/", {"decision": "hide"})
    assert response.status_code == 400
    assert "Bitte begründen Sie die Entscheidung kurz." in response.content.decode()


@pytest.mark.parametrize("who", ["member", "author"])
def test_members_cannot_moderate(post, thread, member, who):
    actor = member if who == "author" else make_member()
    with pytest.raises(PermissionDenied):
        moderation.decide_on_post(actor, post, "delete", "weg damit")
    with pytest.raises(PermissionDenied):
        moderation.set_locked(actor, thread, True, "zu")
    with pytest.raises(PermissionDenied):
        moderation.close_with_result(actor, thread, "Ein Ergebnis, das ich festlege.")
    with pytest.raises(PermissionDenied):
        moderation.suspend_member(actor, make_member(), 3, "weil")
    assert not ModerationAction.objects.exists()


def test_moderator_edit_is_logged_and_shown_in_history(client, post, member, moderator):
    client.force_login(moderator)
    client.post(f"/forum/beitrag/{post.pk}/bearbeiten/",
                {"body": "Die Gebühren sind [entfernt].", "reason": "Persönliche Daten entfernt"})
    post.refresh_from_db()
    assert post.body_markdown == "Die Gebühren sind [entfernt]."
    assert ModerationAction.objects.get(kind="edit").reason == "Persönliche Daten entfernt"
    assert Notification.objects.filter(recipient=member, kind="moderation").exists()
    history = client.get(f"/forum/beitrag/{post.pk}/verlauf/").content.decode()
    assert "geändert durch die Moderation" in history


def test_lock_pin_move_through_the_tools(client, thread, moderator, members_category):
    client.force_login(moderator)
    base = f"/forum/thema/{thread.pk}/moderieren/"
    client.post(base, {"action": "pin", "reason": "Wichtig für alle"})
    client.post(base, {"action": "move", "category": members_category.pk,
                       "reason": "Gehört zu den Förderprogrammen"})
    client.post(base, {"action": "lock", "reason": "Ausdiskutiert"})
    thread.refresh_from_db()
    assert thread.is_pinned and thread.is_locked and thread.category == members_category
    kinds = set(ModerationAction.objects.values_list("kind", flat=True))
    assert kinds == {"pin", "move", "lock"}


def test_closing_with_a_result_shows_it_on_top_printable_and_exportable(client, thread, moderator):
    client.force_login(moderator)
    client.post(f"/forum/thema/{thread.pk}/moderieren/",
                {"summary": "**Ergebnis:** Wir schlagen eine Brötchentaste vor."})
    thread.refresh_from_db()
    assert thread.is_closed and thread.is_locked and thread.result_by == moderator
    page = client.get(thread.get_absolute_url()).content.decode()
    assert page.index("Brötchentaste") < page.index("Die Gebühren sind zu hoch.")
    printable = client.get(f"/forum/thema/{thread.pk}/ergebnis/")
    assert "Brötchentaste" in printable.content.decode()
    export = client.get(f"/forum/thema/{thread.pk}/ergebnis.md")
    assert export["Content-Type"].startswith("text/markdown")
    assert "attachment" in export["Content-Disposition"]
    assert "**Ergebnis:** Wir schlagen eine Brötchentaste vor." in export.content.decode()


def test_suspension_is_logged_and_the_member_told(client, member, moderator):
    client.force_login(moderator)
    response = client.post(f"/forum/moderation/mitglied/{member.pk}/sperren/",
                           {"days": 7, "reason": "Wiederholte Beleidigungen"})
    assert response.status_code == 302
    action = ModerationAction.objects.get(kind="suspend")
    assert action.member == member and action.moderator == moderator
    assert Notification.objects.filter(recipient=member, kind="moderation").exists()
    response = client.post(f"/forum/moderation/mitglied/{member.pk}/sperren/",
                           {"days": 0, "reason": "x"})
    assert response.status_code == 200 and "errorlist" in response.content.decode()


def test_a_suspension_tells_the_date_in_the_member_s_language(moderator):
    import re

    german, english = make_member(language="de"), make_member(language="en")
    for person in (german, english):
        moderation.suspend_member(moderator, person, 7, "Wiederholte Beleidigungen")

    german_text = Notification.objects.get(recipient=german, kind="moderation").message
    english_text = Notification.objects.get(recipient=english, kind="moderation").message
    assert re.search(r"bis \d\d\.\d\d\.\d{4} \d\d:\d\d ", german_text), german_text
    assert re.search(r"until \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d", english_text), english_text
