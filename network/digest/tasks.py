"""Background work of the digest (django-tasks; `db_worker` in production)."""

from django_tasks import task

from network.digest.sending import send_issue


@task()
def send_digest(issue_id: int):
    """Send the remaining deliveries of an issue; safe to run twice or after a crash."""
    from django.utils import timezone

    from network.digest import services
    from network.models import DigestIssue, IssueStatus

    issue = DigestIssue.objects.filter(pk=issue_id).first()
    if issue is None:
        return 0
    if issue.status == IssueStatus.SCHEDULED:
        if issue.scheduled_at and issue.scheduled_at <= timezone.now():
            services.start_sending(issue)  # enqueues the sending itself
        return 0
    return send_issue(issue_id)
