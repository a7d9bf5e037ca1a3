"""What is said in a live room: chat messages and questions, and the upvotes."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LiveMessage(models.Model):
    class Kind(models.TextChoices):
        CHAT = "chat", _("Chat")
        QUESTION = "question", _("Frage")

    event = models.ForeignKey(
        "webtalks.EventPage", on_delete=models.CASCADE, related_name="live_messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="live_messages"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    upvote_count = models.PositiveIntegerField(default=0)
    is_answered = models.BooleanField(default=False)
    is_highlighted = models.BooleanField(default=False)
    is_hidden = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("Beitrag im Live-Raum")
        verbose_name_plural = _("Beiträge im Live-Raum")
        ordering = ["pk"]
        indexes = [
            models.Index(fields=["event", "id"]),
            models.Index(fields=["author", "created_at"]),
        ]

    def __str__(self):
        return self.text[:60]


class QuestionUpvote(models.Model):
    message = models.ForeignKey(LiveMessage, on_delete=models.CASCADE, related_name="upvotes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message", "user"], name="unique_upvote_per_person")
        ]

    def __str__(self):
        return f"{self.user_id} → {self.message_id}"


class LivePresence(models.Model):
    """One open websocket in a live room; the participant count is the distinct users.
    Stored in the database so that every ASGI worker counts the same people."""

    event = models.ForeignKey("webtalks.EventPage", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    channel_name = models.CharField(max_length=200, unique=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user_id} in {self.event_id}"
