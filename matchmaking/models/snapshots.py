"""Stored matching indexes, shared by every server and worker process."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CatalogSnapshot(models.Model):
    """One catalog's `MatchIndex`, serialised by the worker (`matchmaking.catalogs`).

    `data` is the index as of `base_version`; each later change of one row is a
    `CatalogChange` up to `version`. Requests read `version` (one small query) and apply
    the changes they have not seen; they load `data` only without a copy of their own, and
    never build an index. `engine` names the engine's source version: an index
    stored by older engine code is rebuilt, not unpickled into newer classes.
    """

    name = models.CharField(_("Katalog"), max_length=40, primary_key=True)
    version = models.PositiveBigIntegerField(_("Version"), default=0)
    base_version = models.PositiveBigIntegerField(_("Version der Ablage"), default=0)
    engine = models.CharField(_("Engine-Stand"), max_length=64)
    stamp = models.TextField(_("Datenstand"), blank=True)
    item_count = models.PositiveIntegerField(_("Einträge"), default=0)
    data = models.BinaryField(_("Index"))
    built_at = models.DateTimeField(_("Erstellt"), auto_now=True)

    class Meta:
        verbose_name = _("Matching-Index")
        verbose_name_plural = _("Matching-Indizes")

    def __str__(self):
        return f"{self.name} v{self.version}"


class CatalogChange(models.Model):
    """One row of a catalog changed (or left it) after the stored base."""

    name = models.CharField(_("Katalog"), max_length=40)
    version = models.PositiveBigIntegerField(_("Version"))
    row_id = models.BigIntegerField(_("Eintrag"))

    class Meta:
        verbose_name = _("Änderung eines Matching-Index")
        verbose_name_plural = _("Änderungen der Matching-Indizes")
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="catalog_change_unique"),
        ]

    def __str__(self):
        return f"{self.name} v{self.version}: {self.row_id}"
