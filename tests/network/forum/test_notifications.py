"""Mentions and follows notify; e-mails are batched to one per thread and hour, each with
an unsubscribe link; preferences per kind; the bell shows the unread count."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from network.forum import services
from network.models import Notification, NotificationMail, NotificationPreference
from network.notifications import services as notifications
from tests.factories import make_member


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def thread(public_category, member):
    return services.create_thread(member, public_category, "Innenstadt-Gutscheine", "Erfahrungen?",
                                  ["Gutschein"])


def test_mention_notifies_the_mentioned_member(thread, member, other_member):
    services.post_reply(member, thread, f"Was meinst du, @ben-yilmaz-{other_member.pk}?")
    note = Notification.objects.get(recipient=other_member)
    assert note.kind == "mention"
    assert note.message == "Anna Schmidt hat Sie in „Innenstadt-Gutscheine“ erwähnt."
    assert note.url.startswith("/forum/beitrag/")


@pytest.mark.parametrize("target", ["thread", "category", "topic"])
def test_following_notifies_about_replies(thread, member, other_member, public_category, target):
    follower = make_member(first_name="Carla")
    targets = {"thread": {"thread": thread}, "category": {"category": public_category},
               "topic": {"topic": "Gutschein"}}
    services.follow(follower, **targets[target])
    services.post_reply(other_member, thread, "Wir nutzen eine App.")
    note = Notification.objects.get(recipient=follower)
    assert note.kind == "reply" and "Ben Yilmaz hat in „Innenstadt-Gutscheine“" in note.message
    # The thread's author follows automatically; the replier is not told about their own post.
    assert Notification.objects.filter(recipient=member, kind="reply").count() == 1
    assert not Notification.objects.filter(recipient=other_member).exists()


def test_new_thread_in_a_followed_category_notifies(public_category, member, other_member):
    services.follow(other_member, category=public_category)
    services.create_thread(member, public_category, "Neue Frage zur Logistik", "Wer liefert?")
    assert "eröffnet" in Notification.objects.get(recipient=other_member).message


def test_unfollowing_stops_notifications(client, thread, member, other_member):
    client.force_login(other_member)
    client.post(f"/forum/thema/{thread.pk}/folgen/", {"follow": "1"})
    client.post(f"/forum/thema/{thread.pk}/folgen/", {"follow": "0"})
    services.post_reply(member, thread, "Hallo?")
    assert not Notification.objects.filter(recipient=other_member).exists()


def test_bell_shows_unread_count_and_mark_read_clears_it(client, thread, member, other_member):
    services.post_reply(other_member, thread, "Erste Antwort")
    services.post_reply(other_member, thread, "Zweite Antwort")
    client.force_login(member)
    html = client.get("/forum/").content.decode()
    assert re.search(r"data-unread-count>2<", html)
    assert client.get("/benachrichtigungen/ungelesen/").json() == {"unread": 2}
    client.post("/benachrichtigungen/gelesen/")
    assert re.search(r"data-unread-count>0<", client.get("/forum/").content.decode())


def test_preferences_per_kind(client, thread, member, other_member):
    client.force_login(member)
    client.post("/benachrichtigungen/einstellungen/", {
        "reply_in_app": "on", "mention_in_app": "", "mention_by_email": "on",
        "moderation_in_app": "on", "moderation_by_email": "on",
    })
    assert NotificationPreference.objects.get(user=member, kind="reply").by_email is False
    services.post_reply(other_member, thread, f"Antwort an @anna-schmidt-{member.pk}")
    # The mention replaces the reply notification: mail only, no bell entry.
    assert not Notification.objects.filter(recipient=member).exists()
    assert NotificationMail.objects.filter(recipient=member, kind="mention").count() == 1


def test_mails_are_batched_one_per_thread_per_hour(thread, member, other_member,
                                                   django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(other_member, thread, "Antwort eins")
    assert len(mail.outbox) == 1  # the first one goes out at once
    with django_capture_on_commit_callbacks(execute=True):
        services.post_reply(other_member, thread, "Antwort zwei")
        services.post_reply(other_member, thread, "Antwort drei")
    call_command("send_notification_mails", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # within the hour: nothing more
    later = timezone.now() + timedelta(hours=1, minutes=1)
    assert notifications.send_due_mails(now=later) == 1
    assert len(mail.outbox) == 2
    batch = mail.outbox[1]
    assert batch.to == [member.email]
    assert batch.body.count("Ben Yilmaz hat in „Innenstadt-Gutscheine“ geantwortet.") == 2
    assert notifications.send_due_mails(now=later + timedelta(minutes=5)) == 0


def test_different_threads_are_mailed_separately(public_category, member, other_member):
    first = services.create_thread(member, public_category, "Thema Nummer eins", "Text eins")
    second = services.create_thread(member, public_category, "Thema Nummer zwei", "Text zwei")
    services.post_reply(other_member, first, "Antwort A")
    services.post_reply(other_member, second, "Antwort B")
    assert notifications.send_due_mails() == 2
    assert sorted(m.subject for m in mail.outbox) == [
        "[Stadtlabor] Neues im Forum: Thema Nummer eins",
        "[Stadtlabor] Neues im Forum: Thema Nummer zwei",
    ]


def test_every_mail_has_a_working_unsubscribe_link(client, thread, member, other_member):
    services.post_reply(other_member, thread, "Antwort mit Abmeldelink")
    notifications.send_due_mails()
    message = mail.outbox[0]
    link = re.search(r"https?://\S+/benachrichtigungen/abbestellen/\S+/", message.body).group(0)
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert "abbestellen?" in client.get("/" + path).content.decode()
    client.post("/" + path)
    assert NotificationPreference.objects.get(user=member, kind="reply").by_email is False
    services.post_reply(other_member, thread, "Noch eine Antwort")
    assert not NotificationMail.objects.filter(recipient=member, sent_at__isnull=True).exists()
    assert client.get("/benachrichtigungen/abbestellen/gefaelscht/").status_code == 400
