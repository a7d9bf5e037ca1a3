"""E-mails of the submission process, sent in the background (django-tasks), in the
submitter's language (network/mail_language.py)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.translation import gettext, gettext_noop
from django_tasks import task

from bestpractice.models import CaseStudySubmission
from network.mail_language import language_of, override


def _send(submission, template, subject):
    """`subject`: a msgid with %(title)s, translated under the submitter's language."""
    with override(language_of(submission.submitter)):
        context = {"submission": submission, "site_url": settings.SITE_URL}
        subject = gettext(subject) % {"title": submission.title}
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
        gettext_noop("Ihr Praxisbeispiel „%(title)s“ ist eingegangen"),
    )


@task()
def send_submission_published(submission_id):
    submission = CaseStudySubmission.objects.select_related("submitter", "page").get(
        pk=submission_id
    )
    _send(
        submission,
        "bestpractice/email/submission_published.txt",
        gettext_noop("Ihr Praxisbeispiel „%(title)s“ ist veröffentlicht"),
    )


@task()
def send_submission_changes_requested(submission_id):
    submission = CaseStudySubmission.objects.select_related("submitter").get(pk=submission_id)
    _send(
        submission,
        "bestpractice/email/submission_changes_requested.txt",
        gettext_noop("Rückfragen der Redaktion zu „%(title)s“"),
    )
