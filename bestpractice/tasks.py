"""E-mails of the submission process, sent in the background (django-tasks)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from bestpractice.models import CaseStudySubmission


def _send(submission, template, subject):
    context = {"submission": submission, "site_url": settings.SITE_URL}
    send_mail(
        subject=f"[Stadtlabor] {subject}",
        message=render_to_string(template, context),
        from_email=None,
        recipient_list=[submission.submitter.email],
    )


@task()
def send_submission_received(submission_id):
    submission = CaseStudySubmission.objects.select_related("submitter").get(pk=submission_id)
    _send(
        submission,
        "bestpractice/email/submission_received.txt",
        f"Ihr Praxisbeispiel „{submission.title}“ ist eingegangen",
    )


@task()
def send_submission_published(submission_id):
    submission = CaseStudySubmission.objects.select_related("submitter", "page").get(
        pk=submission_id
    )
    _send(
        submission,
        "bestpractice/email/submission_published.txt",
        f"Ihr Praxisbeispiel „{submission.title}“ ist veröffentlicht",
    )


@task()
def send_submission_changes_requested(submission_id):
    submission = CaseStudySubmission.objects.select_related("submitter").get(pk=submission_id)
    _send(
        submission,
        "bestpractice/email/submission_changes_requested.txt",
        f"Rückfragen der Redaktion zu „{submission.title}“",
    )
