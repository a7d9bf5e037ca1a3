"""Mails outside a request speak the recipient's language: an English member gets the
digest, a notification mail and the registration confirmation in English with /en/ links,
a German one in German. Digest through the real SMTP server process; the settings refuse an
unknown language in German; the export names the language."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext_noop

from network.models import NotificationKind
from network.notifications.services import Text, notify, send_due_mails
from network.personal_data_network import export
from tests.factories import UserFactory
from webtalks.services.registration import register_for_event

from .conftest import confirmed
from .test_sending import _issue, _send

pytestmark = pytest.mark.django_db


def _body(message):
    return message.get_body(("plain",)).get_content()


def test_digest_in_each_recipients_language(smtp_server, django_capture_on_commit_callbacks,
                                            settings):
    settings.SITE_URL = "https://stadtlabor.example"
    english = UserFactory(email="en@example.org", language="en")
    german = UserFactory(email="de@example.org", language="de")
    confirmed(english.email, user=english)
    confirmed(german.email, user=german)
    confirmed("visitor@example.org", language="en")
    _send(_issue(), django_capture_on_commit_callbacks)
    assert smtp_server.wait_for(3)
    mails = {m["To"]: m for m in smtp_server.messages()}
    for address in ("en@example.org", "visitor@example.org"):
        text = _body(mails[address])
        assert "Read online:" in text, text
        assert "https://stadtlabor.example/en/wochenuebersicht/2026-kw-48/" in text
        assert "https://stadtlabor.example/en/veranstaltungen/webtalk/" in text
        assert "https://foerderung.example.de/" in text  # external links stay as they are
    text = _body(mails["de@example.org"])
    assert "Online lesen:" in text
    assert "https://stadtlabor.example/wochenuebersicht/2026-kw-48/" in text
    assert "/en/" not in text


def test_notification_mail_in_the_recipients_language(mailoutbox, settings):
    settings.SITE_URL = "https://stadtlabor.example"
    english = UserFactory(language="en")
    german = UserFactory(language="de")
    notify([english.pk, german.pk], NotificationKind.MESSAGE,
           Text(gettext_noop("%(name)s hat auf Ihre Nachricht geantwortet."), name="Anna"),
           url=reverse("network:my_account"))
    send_due_mails()
    mails = {m.to[0]: m for m in mailoutbox}
    assert mails[english.email].subject == "[Stadtlabor] New notifications in Stadtlabor"
    assert "https://stadtlabor.example/en/mein-konto/" in mails[english.email].body
    assert "Anna has replied to your message." in mails[english.email].body
    assert "Anna hat auf Ihre Nachricht geantwortet." in mails[german.email].body
    assert mails[german.email].subject == "[Stadtlabor] Neue Benachrichtigungen im Stadtlabor"
    assert "https://stadtlabor.example/mein-konto/" in mails[german.email].body
    assert "/en/" not in mails[german.email].body


def test_registration_confirmation_in_the_members_language(
    make_event, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://stadtlabor.example"
    event = make_event(title="WebTalk Leerstand")
    for language in ("en", "de"):
        member = UserFactory(language=language)
        with django_capture_on_commit_callbacks(execute=True):
            register_for_event(event, user=member)
    english, german = mailoutbox
    assert english.subject != german.subject
    assert "Guten Tag" not in english.body and "Guten Tag" not in english.subject
    assert f"https://stadtlabor.example/en{event.url}" in english.body
    assert "Guten Tag" in german.body
    assert f"https://stadtlabor.example{event.url}" in german.body
    assert "/en/" not in german.body


def test_settings_refuse_an_unknown_language_in_german(client):
    member = UserFactory(language="de")
    client.force_login(member)
    response = client.post(reverse("network:my_account"), {
        "first_name": "Julia", "last_name": "Berger", "profile_visibility": "members",
        "language": "fr",
    })
    assert response.status_code == 200
    assert "Diese Sprache gibt es im Stadtlabor nicht" in response.content.decode()
    member.refresh_from_db()
    assert member.language == "de"
    client.post(reverse("network:my_account"), {
        "first_name": "Julia", "last_name": "Berger", "profile_visibility": "members",
        "language": "en",
    })
    member.refresh_from_db()
    assert member.language == "en"


def test_the_export_names_the_language():
    member = UserFactory(language="en")
    assert export(member)["profil"][0]["sprache_der_emails"] == "Englisch"


@pytest.mark.parametrize("prefix, language", [("", "de"), ("/en", "en")])
def test_sign_up_keeps_the_page_language(client, home_page, prefix, language):
    from network.models import User
    from tests.factories import DEFAULT_PASSWORD

    response = client.post(f"{prefix}/konto/signup/", {
        "first_name": "Julia", "last_name": "Berger", "email": f"julia.{language}@example.org",
        "password1": DEFAULT_PASSWORD, "password2": DEFAULT_PASSWORD,
    })
    assert response.status_code == 302
    assert User.objects.get(email=f"julia.{language}@example.org").language == language


def test_newsletter_visitors_keep_the_page_language(client, home_page):
    from network.models import Subscription

    client.post("/en/newsletter/", {"email": "visitor@example.org"})
    assert Subscription.objects.get(email="visitor@example.org").language == "en"
