"""Every write of the library: member submissions and their way into the editors' workflow."""

import hashlib
import os

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from bestpractice.forms import LAST_STEP, STEP_FORMS
from bestpractice.models import BestPracticeIndexPage, BestPracticePage, CaseStudySubmission
from bestpractice.richtext import to_safe_html
from bestpractice.tasks import (
    send_submission_changes_requested,
    send_submission_published,
    send_submission_received,
)
from network.models import Membership, Organisation, SizeClass

RICH_FIELDS = ("problem", "approach", "results", "lessons")
PLAIN_FIELDS = (
    "title",
    "summary",
    "topics",
    "year",
    "duration",
    "budget_range",
    "budget_note",
    "funding",
    "partners_note",
    "kpis",
    "transferability",
    "transferable_sizes",
    "image_alt",
    "image_caption",
    "contact_name",
    "contact_role",
    "contact_email",
)
# Submission fields that the page has under the same name.
NOT_COPIED = {"kpis", "transferable_sizes", "topics", "image_alt", "image_caption"}
COPIED_TO_PAGE = (*RICH_FIELDS, *(name for name in PLAIN_FIELDS if name not in NOT_COPIED))
# Field → (step, name; translated when shown) of what a case study needs before review.
REQUIRED_FOR_SUBMISSION = {
    "title": (1, gettext_lazy("Titel")),
    "summary": (1, gettext_lazy("Kurzfassung")),
    "topics": (1, gettext_lazy("mindestens ein Thema")),
    "year": (1, gettext_lazy("Startjahr")),
    "problem": (2, gettext_lazy("Ausgangslage")),
    "approach": (2, gettext_lazy("Vorgehen")),
    "results": (3, gettext_lazy("Ergebnisse")),
    "contact_name": (4, gettext_lazy("Ansprechperson")),
}


class SubmissionRefused(PermissionDenied):
    """The user may not do this; `str(error)` is the explanation to show."""


def submitting_organisations(user):
    """Approved municipal organisations in which `user` is an active member."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.approved()
        .municipal()
        .filter(memberships__user=user, memberships__status=Membership.Status.ACTIVE)
        .order_by("name")
    )


def check_can_submit(user, organisation=None):
    if not user.is_authenticated:
        raise SubmissionRefused(
            _("Bitte melden Sie sich an. Praxisbeispiele reichen Mitglieder von Kommunen ein.")
        )
    allowed = submitting_organisations(user)
    if organisation is not None:
        allowed = allowed.filter(pk=organisation.pk)
    if not allowed.exists():
        raise SubmissionRefused(
            _(
                "Praxisbeispiele können Mitglieder einer freigegebenen Kommune, eines "
                "Stadtmarketings oder einer Wirtschaftsförderung einreichen. Ihr Konto gehört "
                "(noch) zu keiner solchen Organisation. Treten Sie der Organisation Ihrer Stadt "
                "bei oder schreiben Sie der Redaktion – wir veröffentlichen Ihr Beispiel gern."
            )
        )


def _check_owns_draft(user, submission):
    if not user.is_authenticated or submission.submitter_id != user.pk:
        raise SubmissionRefused(_("Diese Einreichung gehört zu einem anderen Konto."))
    if not submission.is_editable:
        raise SubmissionRefused(
            _(
                "Diese Einreichung ist bereits bei der Redaktion und kann nicht mehr "
                "geändert werden."
            )
        )
    check_can_submit(user, submission.organisation)


def start_submission(user, organisation):
    """A new, empty draft for `organisation`."""
    check_can_submit(user, organisation)
    return CaseStudySubmission.objects.create(
        submitter=user,
        organisation=organisation,
        contact_name=user.get_full_name(),
        contact_email=user.email,
        contact_role=getattr(user, "job_title", ""),
    )


@transaction.atomic
def save_submission_draft(user, submission, step, data):
    """Store the validated `data` of one step (a form's cleaned_data) in the draft."""
    submission = CaseStudySubmission.objects.select_for_update().get(pk=submission.pk)
    _check_owns_draft(user, submission)
    form_class = STEP_FORMS.get(step)
    if form_class is None:
        raise ValidationError(_("Diesen Schritt gibt es nicht."))
    fields_of_step = set(form_class.base_fields) | ({"kpis"} if step == 3 else set())
    for name in fields_of_step & set(data):
        if name in RICH_FIELDS:
            setattr(submission, name, to_safe_html(data[name]))
        elif name in PLAIN_FIELDS:
            setattr(submission, name, data[name] if data[name] is not None else None)
    if step == 4:
        _store_image(submission, data)
    submission.last_step = max(submission.last_step, min(step + 1, LAST_STEP))
    submission.full_clean(exclude=["image"])  # the upload was validated by the form
    submission.save()
    return submission


def _store_image(submission, data):
    old_name = submission.image.name if submission.image else ""
    upload = data.get("image")
    if upload:
        submission.image.save(upload.name, upload, save=False)
    elif data.get("remove_image"):
        submission.image = ""
        submission.image_alt = ""
        submission.image_caption = ""
    if old_name and submission.image.name != old_name:
        storage = submission.image.storage
        transaction.on_commit(lambda: storage.delete(old_name))


def missing_fields(submission):
    """[(step, field name in the active language)] still empty; submitting needs this list
    to be empty."""
    missing = []
    for field, (step, label) in REQUIRED_FOR_SUBMISSION.items():
        value = getattr(submission, field)
        if value in (None, "", []):
            missing.append((step, str(label)))
    return missing


def _unique_slug(parent, title):
    base = slugify(title)[:70].strip("-") or "praxisbeispiel"
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def _wagtail_image(submission, user, current=None):
    """The submission's picture as a Wagtail image; `current` is reused if it is the same file."""
    if not submission.image:
        return None
    image_model = get_image_model()
    with submission.image.open("rb") as handle:
        digest = hashlib.sha1(handle.read()).hexdigest()  # noqa: S324 - Wagtail's file_hash
        if current is not None and current.file_hash == digest:
            return current
        handle.seek(0)
        image = image_model(
            title=submission.image_alt or submission.title,
            uploaded_by_user=user,
            file=File(handle, name=os.path.basename(submission.image.name)),
            file_hash=digest,
        )
        image.save()
    return image


def _apply_submission(page, submission, user):
    """Copy what the member wrote into `page` (a new page or the draft under review)."""
    sizes = set(submission.transferable_sizes)
    for name in COPIED_TO_PAGE:
        setattr(page, name, getattr(submission, name))
    page.organisation = submission.organisation
    page.kpis = [("kpi", {**kpi, "source": ""}) for kpi in submission.kpis]
    page.transfers_to_small = SizeClass.SMALL in sizes
    page.transfers_to_medium = SizeClass.MEDIUM in sizes
    page.transfers_to_large = SizeClass.LARGE in sizes
    image = _wagtail_image(submission, user, current=page.main_image)
    page.main_image = image
    page.main_image_alt = submission.image_alt if image else ""
    page.body = (
        [
            (
                "image",
                {
                    "image": image,
                    "alt_text": submission.image_alt,
                    "caption": submission.image_caption,
                    "credit": "",
                },
            )
        ]
        if image and submission.image_caption
        else []
    )
    page.topics.set(submission.topic_list)
    return page


def _build_page(submission, user):
    page = BestPracticePage(owner=user, live=False, organisation=submission.organisation)
    return _apply_submission(page, submission, user)


def _check_complete(submission):
    missing = missing_fields(submission)
    if missing:
        raise ValidationError(
            _("Bitte ergänzen Sie noch: %(fields)s.")
            % {"fields": ", ".join(label for _step, label in missing)}
        )


def _resubmit_page(submission, user):
    """After "Änderungen erbeten": the revised text becomes a new revision of the same draft
    page, and the editors' workflow resumes at the task that asked for the changes."""
    page = submission.page.specific.get_latest_revision_as_object()
    _apply_submission(page, submission, user)
    page.full_clean()
    revision = page.save_revision(user=user, log_action=True)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    elif state is None:
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    return revision


@transaction.atomic
def submit_case_study(user, submission):
    """Turn the draft into a draft page and start the editors' workflow on it; after the
    editors asked for changes, send the revision back into the same workflow."""
    submission = CaseStudySubmission.objects.select_for_update().get(pk=submission.pk)
    _check_owns_draft(user, submission)
    _check_complete(submission)
    if submission.page_id is not None:
        _resubmit_page(submission, user)
    else:
        index = BestPracticeIndexPage.objects.first()
        if index is None:
            raise ValidationError(
                _(
                    "Die Bibliothek ist noch nicht eingerichtet. Bitte versuchen Sie es später "
                    "erneut."
                )
            )
        page = _build_page(submission, user)
        page.slug = _unique_slug(index, submission.title)
        index.add_child(instance=page)
        page.save_revision(user=user, log_action=True)
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
        submission.page = page
    submission.status = CaseStudySubmission.Status.IN_REVIEW
    submission.submitted_at = timezone.now()
    submission.last_step = LAST_STEP
    submission.save()
    submission_id = submission.pk
    transaction.on_commit(lambda: send_submission_received.enqueue(submission_id))
    return submission


@transaction.atomic
def record_publication(page):
    """Called when an editor publishes `page`: mark its submission and tell the submitter."""
    submissions = list(
        CaseStudySubmission.objects.select_for_update()
        .filter(page_id=page.pk)
        .exclude(status=CaseStudySubmission.Status.PUBLISHED)
    )
    for submission in submissions:
        submission.status = CaseStudySubmission.Status.PUBLISHED
        submission.published_at = timezone.now()
        submission.save(update_fields=["status", "published_at", "updated_at"])
        submission_id = submission.pk
        transaction.on_commit(lambda pk=submission_id: send_submission_published.enqueue(pk))
        _tell_followers_of_submitter(submission, page)
    return submissions


def _tell_followers_of_submitter(submission, page):
    """Followers of the submitter hear of the newly published case study (public pages)."""
    from network.notifications.services import Text
    from network.people_services import notify_followers

    if page.get_view_restrictions().exists():
        return
    notify_followers(
        submission.submitter,
        Text(gettext_noop("%(name)s hat ein neues Praxisbeispiel veröffentlicht: %(title)s"),
             name=submission.submitter.display_name, title=page.title),
        page.url or "",
    )


def record_changes_requested(page, comment):
    """Called when an editor rejects `page` in the workflow: the submitter sees the status
    and the editor's comment in "Meine Praxisbeispiele" and gets an e-mail."""
    submissions = list(
        CaseStudySubmission.objects.select_for_update()
        .filter(page_id=page.pk, status=CaseStudySubmission.Status.IN_REVIEW)
    )
    for submission in submissions:
        submission.status = CaseStudySubmission.Status.CHANGES_REQUESTED
        submission.review_comment = comment or ""
        submission.save(update_fields=["status", "review_comment", "updated_at"])
        submission_id = submission.pk
        transaction.on_commit(
            lambda pk=submission_id: send_submission_changes_requested.enqueue(pk)
        )
    return submissions


def sync_organisation_facts(organisation):
    """Copy a town's Bundesland and size to its case studies after the organisation changed."""
    BestPracticePage.objects.filter(organisation=organisation).exclude(
        bundesland=organisation.bundesland,
        population=organisation.population,
        size_class=organisation.size_class or "",
    ).update(
        bundesland=organisation.bundesland,
        population=organisation.population,
        size_class=organisation.size_class or "",
    )
