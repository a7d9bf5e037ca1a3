"""Background work of the notifications (django-tasks): live counts and batched mails."""

from django_tasks import task

from network.notifications.services import deliver, send_due_mails


@task()
def deliver_notifications(in_app_ids: list[int], mail_ids: list[int], message: str = ""):
    """Push the new unread counts and send the recipients' due mails of one notification."""
    deliver(in_app_ids, mail_ids, message)


@task()
def send_notification_mails(recipient_id: int | None = None):
    """Send the due mails of one member (or of everyone); safe to run any time."""
    return send_due_mails(recipient_id=recipient_id)
