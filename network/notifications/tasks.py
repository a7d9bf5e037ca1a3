"""Background work of the notifications (django-tasks): the batched notification mails."""

from django_tasks import task

from network.notifications.services import send_due_mails


@task()
def send_notification_mails(recipient_id: int | None = None):
    """Send the due mails of one member (or of everyone); safe to run any time."""
    return send_due_mails(recipient_id=recipient_id)
