"""A member's export of their own data (DSGVO Art. 15 and 20): one row per requested ZIP.

The file lives in the private storage (`network.account.storage`), never under MEDIA_ROOT;
it is handed out only to its owner, and only until `expires_at`.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DataExport(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("wird erstellt")
        READY = "ready", _("bereit zum Herunterladen")
        FAILED = "failed", _("fehlgeschlagen")

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    file_name = models.CharField(max_length=200, blank=True)
    size = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("Datenexport")
        verbose_name_plural = _("Datenexporte")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.user_id}: {self.created_at:%Y-%m-%d %H:%M} ({self.status})"

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def is_ready(self):
        return self.status == self.Status.READY and not self.is_expired
