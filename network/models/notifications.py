"""In-app notifications, per-kind preferences and the e-mail queue behind the batching."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("Neue Beiträge in dem, dem ich folge")
    MENTION = "mention", _("Erwähnungen")
    MODERATION = "moderation", _("Moderationsentscheidungen zu meinen Beiträgen")
    CONTACT = "contact", _("Kontaktanfragen aus dem Matching")
    MATCH = "match", _("Neue passende Bedarfe und Angebote")
    FOLLOW = "follow", _("Neue Beiträge von Personen, denen ich folge")
    MESSAGE = "message", _("Nachrichten an mich über mein Profil")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=12, choices=NotificationKind.choices)
    # Plain text written by our services; rendered escaped.
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    thread = models.ForeignKey(
        "network.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Benachrichtigung")
        verbose_name_plural = _("Benachrichtigungen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.message


class NotificationPreference(models.Model):
    """Missing rows mean the defaults: in the app and by e-mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=12, choices=NotificationKind.choices)
    in_app = models.BooleanField(_("im Stadtlabor"), default=True)
    by_email = models.BooleanField(_("per E-Mail"), default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="unique_notification_preference"),
        ]

    def __str__(self):
        return f"{self.user}: {self.kind}"


class NotificationMail(models.Model):
    """A notification waiting for (or already part of) an e-mail; kept apart from
    `Notification` because a member may want mails without the bell, or the reverse.

    `send_notification_mails` bundles the unsent rows of one recipient and thread into one
    mail, at most one per thread and hour.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=NotificationKind.choices)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    thread = models.ForeignKey(
        "network.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["recipient", "thread", "sent_at"])]

    def __str__(self):
        return self.message
