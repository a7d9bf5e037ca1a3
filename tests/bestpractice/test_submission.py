"""Members submit case studies: drafts in steps, workflow, publication, refusals, hostile input."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import WorkflowState

from bestpractice import services
from bestpractice.models import BestPracticePage, CaseStudySubmission
from network.models import Membership, Organisation
from tests.bestpractice.conftest import png_bytes
from tests.factories import (
    MembershipFactory,
    OrganisationFactory,
    ProviderFactory,
    UserFactory,
    make_member,
)

pytestmark = pytest.mark.django_db

START_URL = "/einreichen/praxisbeispiel/"
HOSTILE = (
    '<script>alert("x")</script><p onclick="steal()">Leerstand <a href="javascript:alert(1)">'
    'hier</a></p><img src="x" onerror="alert(2)"><iframe src="https://evil.example"></iframe>'
    "<style>body{display:none}</style>"
)

STEP_DATA = {
    1: {
        "title": "Leerstandslotsin bringt Läden zurück",
        "summary": "Eine Lotsin vermittelt zwischen Eigentümer*innen und Gründer*innen.",
        "topics": "Leerstand, Zwischennutzung, leerstand",
        "year": "2023",
        "duration": "24 Monate",
        "budget_range": "10k_50k",
        "budget_note": "42.000 € inkl. halber Stelle",
        "funding": "Zukunftsfähige Innenstädte und Zentren",
    },
    2: {
        "problem": (
            "Zwölf leere Läden in der Langen Straße.\n\nDie Eigentümer*innen waren kaum erreichbar."
        ),
        "approach": HOSTILE,
        "partners_note": "Werbegemeinschaft, IHK",
    },
    3: {
        "results": "Neun Läden wieder belegt.",
        "kpi_1_label": "Leerstandsquote",
        "kpi_1_value": "−40 %",
        "kpi_1_period": "in 18 Monaten",
        "lessons": "Früher mit den Banken sprechen.",
        "transferability": "Braucht eine feste Ansprechperson.",
        "transferable_sizes": ["small", "medium"],
    },
    4: {
        "image_alt": "Neu eröffneter Laden in der Langen Straße",
        "image_caption": "Ein Café zog in eine ehemalige Drogerie.",
        "contact_name": "Lena Lotsin",
        "contact_role": "Leerstandsmanagerin",
        "contact_email": "lena@example.org",
    },
}


def step_url(submission, step):
    return f"/einreichen/praxisbeispiel/{submission.pk}/schritt-{step}/"


@pytest.fixture
def town():
    return OrganisationFactory(name="Stadt Kleinwalde", bundesland="HE", population=16_500)


@pytest.fixture
def member(town):
    return make_member(town, email="lena@example.org", first_name="Lena", last_name="Lotsin")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


def start(member_client, town):
    response = member_client.post(START_URL, {"organisation": town.pk})
    assert response.status_code == 302
    return CaseStudySubmission.objects.get(organisation=town)


def fill_all_steps(member_client, submission):
    for step, data in STEP_DATA.items():
        payload = dict(data)
        if step == 4:
            payload["image"] = SimpleUploadedFile("laden.png", png_bytes(), "image/png")
        response = member_client.post(step_url(submission, step), {**payload, "action": "next"})
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"].endswith(f"schritt-{step + 1}/")
    submission.refresh_from_db()
    return submission


def test_member_walks_through_the_steps_and_the_draft_keeps_everything(member_client, town):
    submission = start(member_client, town)
    assert submission.status == CaseStudySubmission.Status.DRAFT
    assert submission.contact_email == "lena@example.org"

    response = member_client.post(step_url(submission, 1), {**STEP_DATA[1], "action": "save"})
    assert response.status_code == 302 and response["Location"].endswith("schritt-1/")
    submission.refresh_from_db()
    assert submission.title == STEP_DATA[1]["title"]
    assert submission.topics == "Leerstand, Zwischennutzung"

    page = member_client.get(step_url(submission, 1)).content.decode()
    assert 'value="Leerstandslotsin bringt Läden zurück"' in page

    submission = fill_all_steps(member_client, submission)
    assert submission.problem == (
        "<p>Zwölf leere Läden in der Langen Straße.</p>"
        "<p>Die Eigentümer*innen waren kaum erreichbar.</p>"
    )
    assert submission.kpis == [
        {"label": "Leerstandsquote", "value": "−40 %", "period": "in 18 Monaten"}
    ]
    assert submission.transferable_sizes == ["small", "medium"]
    assert submission.image.name.startswith("einreichungen/")
    assert submission.last_step == 5
    review = member_client.get(step_url(submission, 5))
    assert review.status_code == 200
    assert "Bevor Sie einreichen können" not in review.content.decode()


def test_invalid_input_is_explained_in_german_and_nothing_typed_is_lost(member_client, town):
    submission = start(member_client, town)
    data = {**STEP_DATA[1], "year": "zwanzig23", "action": "next"}
    response = member_client.post(step_url(submission, 1), data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Bitte geben Sie das Startjahr als vierstellige Zahl an" in html
    assert 'value="Leerstandslotsin bringt Läden zurück"' in html
    assert "42.000 € inkl. halber Stelle" in html
    submission.refresh_from_db()
    assert submission.title == ""  # nothing half-saved

    response = member_client.post(
        step_url(submission, 3), {"kpi_1_label": "Besucherfrequenz", "results": "Mehr los."}
    )
    assert response.status_code == 422
    assert "sowohl an, was gemessen wurde, als auch den Wert" in response.content.decode()
    assert "Mehr los." in response.content.decode()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("boese.png", b"<?php echo 1; ?>", "image/png"), "kein lesbares Bild"),
        (
            SimpleUploadedFile("winzig.png", png_bytes(120, 90), "image/png"),
            "es muss zwischen 400 und 6000",
        ),
    ],
)
def test_images_are_checked_for_type_and_dimensions(member_client, town, upload, message):
    submission = start(member_client, town)
    response = member_client.post(step_url(submission, 4), {**STEP_DATA[4], "image": upload})
    assert response.status_code == 422
    html = response.content.decode()
    assert message in html
    assert "Lena Lotsin" in html
    submission.refresh_from_db()
    assert not submission.image


def test_images_are_checked_for_size(member_client, town, monkeypatch):
    monkeypatch.setattr("bestpractice.validators.SUBMISSION_IMAGE_MAX_BYTES", 1000)
    submission = start(member_client, town)
    upload = SimpleUploadedFile("gross.png", png_bytes(), "image/png")
    response = member_client.post(step_url(submission, 4), {**STEP_DATA[4], "image": upload})
    assert response.status_code == 422
    assert "erlaubt sind höchstens" in response.content.decode()


def test_hostile_html_is_neutralised_in_draft_and_page(member_client, town, library):
    submission = fill_all_steps(member_client, start(member_client, town))
    for stored in (submission.approach,):
        for dangerous in (
            "<script",
            "onclick",
            "javascript:",
            "<img",
            "onerror",
            "<iframe",
            "<style",
            "evil.example",
        ):
            assert dangerous not in stored
        assert "Leerstand" in stored
    member_client.post(f"/einreichen/praxisbeispiel/{submission.pk}/einreichen/")
    page = BestPracticePage.objects.get()
    assert "<script" not in page.approach and "javascript:" not in page.approach
    review_html = member_client.get(START_URL).content.decode()
    assert "alert(" not in review_html


def test_submission_goes_through_moderation_to_publication(
    member_client,
    member,
    town,
    library,
    admin_user,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    submission = fill_all_steps(member_client, start(member_client, town))
    with django_capture_on_commit_callbacks(execute=True):
        response = member_client.post(f"/einreichen/praxisbeispiel/{submission.pk}/einreichen/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.IN_REVIEW

    page = submission.page.specific
    assert not page.live and page.get_parent().pk == library.pk
    assert (page.size_class, page.bundesland) == ("small", "HE")
    assert sorted(t.name for t in page.topics.all()) == ["Leerstand", "Zwischennutzung"]
    assert page.main_image is not None and page.main_image_alt.startswith("Neu eröffneter")
    assert [block.value["value"] for block in page.kpis] == ["−40 %"]
    assert (page.transfers_to_small, page.transfers_to_medium, page.transfers_to_large) == (
        True,
        True,
        False,
    )
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    assert state.requested_by == member
    to_member = [m for m in mailoutbox if m.to == ["lena@example.org"]]
    assert [m.subject for m in to_member] == [
        "[Stadtlabor] Ihr Praxisbeispiel „Leerstandslotsin bringt Läden zurück“ ist eingegangen"
    ]
    # Wagtail's workflow tells the editors (here the superuser) that a page awaits review.
    assert any(m.to == [admin_user.email] for m in mailoutbox)

    # Editors see it waiting for review.
    member_client.force_login(admin_user)
    dashboard = member_client.get("/admin/reports/workflow/")
    assert "Leerstandslotsin bringt Läden zurück" in dashboard.content.decode()

    # The member cannot change it any more.
    member_client.force_login(member)
    response = member_client.post(step_url(submission, 1), {**STEP_DATA[1], "title": "Neu"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.title == STEP_DATA[1]["title"]
    listing = member_client.get(START_URL).content.decode()
    assert "In redaktioneller Prüfung" in listing

    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.approve(user=admin_user)
    page.refresh_from_db()
    assert page.live
    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.PUBLISHED
    ours = [m for m in mailoutbox if m.to == ["lena@example.org"] and "[Stadtlabor]" in m.subject]
    assert len(ours) == 2
    assert "ist veröffentlicht" in ours[1].subject
    assert page.url in ours[1].body
    assert "Veröffentlicht" in member_client.get(START_URL).content.decode()
    assert member_client.get("/praxisbeispiele/?thema=leerstand").context["result_count"] == 1


def test_editors_asking_for_changes_is_shown_to_the_submitter(
    member_client, member, town, library, admin_user, mailoutbox,
    django_capture_on_commit_callbacks,
):
    submission = fill_all_steps(member_client, start(member_client, town))
    with django_capture_on_commit_callbacks(execute=True):
        member_client.post(f"/einreichen/praxisbeispiel/{submission.pk}/einreichen/")
    submission.refresh_from_db()
    state = WorkflowState.objects.active().get(object_id=str(submission.page_id))
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        state.current_task_state.reject(
            user=admin_user, comment="Bitte die Kosten <b>genauer</b> aufschlüsseln."
        )

    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.CHANGES_REQUESTED
    [mail] = [m for m in mailoutbox if m.to == [member.email] and "[Stadtlabor]" in m.subject]
    assert "Rückfragen der Redaktion" in mail.subject
    assert "Kosten <b>genauer</b> aufschlüsseln" in mail.body  # plain-text mail
    listing = member_client.get(START_URL).content.decode()
    assert "Änderungen erbeten" in listing
    assert "Kosten &lt;b&gt;genauer&lt;/b&gt; aufschlüsseln" in listing  # escaped on the page


def test_incomplete_draft_cannot_be_submitted(member_client, town, library):
    submission = start(member_client, town)
    member_client.post(step_url(submission, 1), {"title": "Nur ein Titel", "action": "save"})
    review = member_client.get(step_url(submission, 5)).content.decode()
    assert "Bevor Sie einreichen können" in review and "Ausgangslage" in review
    response = member_client.post(f"/einreichen/praxisbeispiel/{submission.pk}/einreichen/")
    assert response.status_code == 422
    assert "Bitte ergänzen Sie noch" in response.content.decode()
    assert not BestPracticePage.objects.exists()


def test_visitor_gets_an_explanation(client):
    response = client.get(START_URL)
    assert response.status_code == 403
    assert "Bitte melden Sie sich an" in response.content.decode()


@pytest.mark.parametrize(
    "make_user",
    [
        lambda: make_member(ProviderFactory()),
        lambda: make_member(OrganisationFactory(status=Organisation.Status.PENDING)),
        lambda: MembershipFactory(status=Membership.Status.REQUESTED).user,
        lambda: UserFactory(),
    ],
    ids=["provider-member", "unapproved-town", "membership-requested", "no-organisation"],
)
def test_non_municipality_members_are_refused(client, make_user):
    user = make_user()
    client.force_login(user)
    response = client.get(START_URL)
    assert response.status_code == 403
    assert "Mitglieder einer freigegebenen Kommune" in response.content.decode()
    organisation = user.organisations.first() or OrganisationFactory()
    with pytest.raises(services.SubmissionRefused):
        services.start_submission(user, organisation)
    assert not CaseStudySubmission.objects.exists()


def test_member_cannot_submit_for_another_town_or_touch_anothers_draft(client, member, town):
    other_town = OrganisationFactory()
    with pytest.raises(services.SubmissionRefused):
        services.start_submission(member, other_town)
    submission = services.start_submission(member, town)
    colleague = make_member(town)
    with pytest.raises(services.SubmissionRefused):
        services.save_submission_draft(colleague, submission, 1, {"title": "Übernommen"})
    client.force_login(colleague)
    assert client.get(step_url(submission, 1)).status_code == 404
    assert client.post(f"/einreichen/praxisbeispiel/{submission.pk}/einreichen/").status_code == 404


def test_member_who_left_the_town_cannot_continue(member, town):
    submission = services.start_submission(member, town)
    Membership.objects.filter(user=member).update(status=Membership.Status.DECLINED)
    with pytest.raises(services.SubmissionRefused):
        services.save_submission_draft(member, submission, 1, {"title": "Weiter"})


def test_anonymous_step_access_redirects_to_login(client, member, town):
    submission = services.start_submission(member, town)
    response = client.get(step_url(submission, 1))
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_image_can_be_removed_from_draft(member_client, town):
    submission = start(member_client, town)
    upload = SimpleUploadedFile("laden.png", io.BytesIO(png_bytes()).getvalue(), "image/png")
    member_client.post(step_url(submission, 4), {**STEP_DATA[4], "image": upload})
    submission.refresh_from_db()
    assert submission.image
    member_client.post(step_url(submission, 4), {**STEP_DATA[4], "remove_image": "on"})
    submission.refresh_from_db()
    assert not submission.image and submission.image_alt == ""


def test_submission_pages_are_well_formed_and_labelled(member_client, town, library):
    from tests.html_checks import html_problems

    submission = start(member_client, town)
    pages = [member_client.get(START_URL)]
    pages += [member_client.get(step_url(submission, step)) for step in range(1, 6)]
    pages.append(member_client.post(step_url(submission, 1), {"year": "abc"}))
    for response in pages:
        assert html_problems(response.content.decode()) == [], response.request["PATH_INFO"]
