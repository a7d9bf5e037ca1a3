# ruff: noqa: F811 - the submission fixtures are imported by name
"""The editorial loop: the editors' workflow, "Änderungen erbeten", revise, resubmit, and a
title image that needs an alternative text (issue 10)."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from wagtail.models import Comment, WorkflowState

from bestpractice.models import BestPracticePage, CaseStudySubmission
from tests.bestpractice.conftest import make_image
from tests.bestpractice.test_submission import (  # noqa: F401 - fixtures
    START_URL,
    STEP_DATA,
    fill_all_steps,
    member,
    member_client,
    start,
    step_url,
    town,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def editorial_workflow(home_page):
    """What the data migration installs (transactional tests elsewhere flush it)."""
    from bestpractice.workflow import ensure_editorial_workflow

    ensure_editorial_workflow()


@pytest.fixture
def editor():
    user = UserFactory(
        email="redaktion@stadtlabor.example", first_name="Rieke", last_name="Redlich",
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(editor, client):
    from django.test import Client

    editor_client = Client()
    editor_client.force_login(editor)
    return editor_client


def submit(member_client, submission, capture):
    with capture(execute=True):
        response = member_client.post(f"/einreichen/praxisbeispiel/{submission.pk}/einreichen/")
    assert response.status_code == 302, response.content.decode()[:1500]
    submission.refresh_from_db()
    return submission


def action_url(page, action, task_state):
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/"


def test_the_review_workflow_belongs_to_the_editors_and_is_named_in_german(
    member_client, town, library, editor, editor_client, django_capture_on_commit_callbacks
):
    submission = submit(
        member_client, fill_all_steps(member_client, start(member_client, town)),
        django_capture_on_commit_callbacks,
    )
    state = WorkflowState.objects.active().get(object_id=str(submission.page_id))
    assert state.workflow.name == "Prüfung durch die Redaktion"

    # The editors' dashboard lists the submission as waiting for their review.
    dashboard = editor_client.get("/admin/").content.decode()
    assert "Leerstandslotsin bringt Läden zurück" in dashboard

    # The editor (no superuser, no moderator) approves it through the admin.
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            action_url(submission.page, "approve", state.current_task_state), {"comment": ""}
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.PUBLISHED
    assert submission.page.live


def test_member_revises_and_resubmits_after_changes_were_requested(
    member_client, member, town, library, editor, editor_client, mailoutbox,
    django_capture_on_commit_callbacks,
):
    submission = submit(
        member_client, fill_all_steps(member_client, start(member_client, town)),
        django_capture_on_commit_callbacks,
    )
    page = submission.page
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    # An editor comments on the summary in the page editor, then asks for changes.
    Comment.objects.create(
        page=page, user=editor, contentpath="summary", text="Bitte die Stadtgröße nennen."
    )
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            action_url(page, "reject", state.current_task_state),
            {"comment": "Bitte die Kosten genauer aufschlüsseln."},
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == CaseStudySubmission.Status.CHANGES_REQUESTED

    # The mail carries the edit link; the list offers it, too.
    [mail] = [m for m in mailoutbox if m.to == [member.email] and "[Stadtlabor]" in m.subject]
    edit_link = f"/einreichen/praxisbeispiel/{submission.pk}/schritt-1/"
    assert edit_link in mail.body
    assert edit_link in member_client.get(START_URL).content.decode()

    # The member sees the overall comment and the field comment beside the summary.
    html = member_client.get(step_url(submission, 1)).content.decode()
    assert "Bitte die Kosten genauer aufschlüsseln." in html
    note = html.index("Bitte die Stadtgröße nennen.")
    assert html.index('for="id_summary"') < note < html.index('name="summary"')

    # … revises and resubmits.
    revised = {**STEP_DATA[1], "summary": "Kleinstadt, 16.500 Menschen: eine Lotsin hilft.",
               "action": "next"}
    assert member_client.post(step_url(submission, 1), revised).status_code == 302
    submission = submit(member_client, submission, django_capture_on_commit_callbacks)
    assert submission.status == CaseStudySubmission.Status.IN_REVIEW
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page = BestPracticePage.objects.get(pk=page.pk)
    latest = page.get_latest_revision_as_object()
    assert latest.summary == "Kleinstadt, 16.500 Menschen: eine Lotsin hilft."
    assert latest.main_image_id == page.main_image_id  # the same picture, not a copy

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(action_url(page, "approve", state.current_task_state), {"comment": ""})
    page.refresh_from_db()
    assert page.live and page.summary.startswith("Kleinstadt, 16.500")


def test_other_accounts_cannot_revise_a_returned_submission(
    member_client, town, library, editor, editor_client, client,
    django_capture_on_commit_callbacks,
):
    submission = submit(
        member_client, fill_all_steps(member_client, start(member_client, town)),
        django_capture_on_commit_callbacks,
    )
    state = WorkflowState.objects.active().get(object_id=str(submission.page_id))
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(
            action_url(submission.page, "reject", state.current_task_state), {"comment": "x"}
        )
    from django.test import Client

    stranger = Client()
    stranger.force_login(UserFactory())
    assert stranger.get(step_url(submission, 1)).status_code == 404
    assert stranger.post(
        f"/einreichen/praxisbeispiel/{submission.pk}/einreichen/"
    ).status_code == 404


def test_a_title_image_needs_an_alt_text_or_the_decorative_choice(make_case_study):
    page = make_case_study(title="Ohne Alternativtext")
    page.main_image = make_image("ohne-alt")
    page.main_image_alt = ""
    with pytest.raises(ValidationError) as error:
        page.save_revision().publish()
    assert "Alternativtext" in str(error.value)

    page.main_image_decorative = True
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.main_image_decorative
