"""Strings a proof-reader found German on English pages: upload errors, the missing fields of
a case study, the data export's section titles, the live room's refusals, and two msgids
that mean different things in English ("Anmeldung", "Antworten")."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from bestpractice import services as bestpractice_services
from bestpractice.models import CaseStudySubmission
from network.account.export import overview_sections
from network.validators import validate_logo
from tests.factories import UserFactory
from webtalks.consumers import _error_text


def _png(size):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#2a6f97").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def _messages(file):
    with pytest.raises(ValidationError) as error:
        validate_logo(file)
    return error.value.messages


def test_upload_errors_follow_the_language():
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    assert _messages(fake) == [
        "Die Datei ist kein lesbares Bild. Erlaubt sind PNG, JPEG, WebP und GIF."
    ]
    with translation.override("en"):
        assert _messages(fake) == [
            "The file is not a readable image. PNG, JPEG, WebP and GIF are allowed."
        ]
        assert _messages(_png((8, 8))) == [
            "The image is 8 × 8 pixels; each side must be between 32 and 4000 pixels."
        ]


def test_missing_fields_of_a_submission_follow_the_language():
    submission = CaseStudySubmission()
    german = [label for _step, label in bestpractice_services.missing_fields(submission)]
    assert "mindestens ein Thema" in german
    with translation.override("en"):
        english = [label for _step, label in bestpractice_services.missing_fields(submission)]
    assert "at least one topic" in english and "Title" in english
    assert all(isinstance(label, str) for label in english)


def test_export_titles_are_translated_and_keys_stay():
    sections = {"profil": [{"name": "Anna"}], "forum_sperren": []}
    german = overview_sections(sections)
    assert [(s["key"], s["title"]) for s in german] == [
        ("profil", "Profil"), ("forum_sperren", "Sperren im Forum")
    ]
    with translation.override("en"):
        english = overview_sections(sections)
    assert [(s["key"], s["title"]) for s in english] == [
        ("profil", "Profile"), ("forum_sperren", "Forum bans")
    ]


def test_live_room_refusals_are_translated():
    assert _error_text(PermissionDenied()) == "Nicht erlaubt."
    with translation.override("en"):
        assert _error_text(PermissionDenied()) == "Not allowed."


def test_ambiguous_msgids_have_their_own_context():
    with translation.override("en"):
        assert translation.gettext("Anmeldung") == "Registration"
        assert translation.pgettext("login", "Anmeldung") == "Sign-in"
        assert translation.gettext("Antworten") == "Reply"
        assert translation.pgettext("answers to registration questions", "Antworten") == "Answers"


@pytest.mark.django_db
def test_english_account_page_calls_the_login_section_sign_in(client, home_page):
    client.force_login(UserFactory())
    english = client.get("/en/mein-konto/").content.decode()
    assert '<h2 id="login-title">Sign-in</h2>' in english
    german = client.get("/mein-konto/").content.decode()
    assert '<h2 id="login-title">Anmeldung</h2>' in german
