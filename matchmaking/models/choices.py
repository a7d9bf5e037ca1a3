from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    MEMBERS = "members", _("nur für Mitglieder")
    PUBLIC = "public", _("öffentlich")


class BudgetRange(models.TextChoices):
    UNDER_10K = "under_10k", _("unter 10.000 €")
    FROM_10K = "10k_50k", _("10.000 bis 50.000 €")
    FROM_50K = "50k_250k", _("50.000 bis 250.000 €")
    OVER_250K = "over_250k", _("über 250.000 €")
    OPEN = "open", _("noch offen")


class PriceRange(models.TextChoices):
    FREE = "free", _("kostenfrei")
    UNDER_5K = "under_5k", _("unter 5.000 €")
    FROM_5K = "5k_25k", _("5.000 bis 25.000 €")
    FROM_25K = "25k_100k", _("25.000 bis 100.000 €")
    OVER_100K = "over_100k", _("über 100.000 €")
    ON_REQUEST = "on_request", _("auf Anfrage")


class Timeline(models.TextChoices):
    NOW = "now", _("so bald wie möglich")
    SIX_MONTHS = "6_months", _("in den nächsten 6 Monaten")
    YEAR = "12_months", _("innerhalb eines Jahres")
    LATER = "later", _("später / in Planung")


class PainPointStatus(models.TextChoices):
    OPEN = "open", _("offen")
    IN_PROGRESS = "in_progress", _("in Umsetzung")
    SOLVED = "solved", _("gelöst")


class OfferStatus(models.TextChoices):
    ACTIVE = "active", _("aktiv")
    ARCHIVED = "archived", _("archiviert")


class Funder(models.TextChoices):
    BUND = "bund", _("Bund")
    LAND = "land", _("Land")
    EU = "eu", _("EU")


class ApplicantKind(models.TextChoices):
    """Who may apply for a funding programme; the values are organisation kinds."""

    KOMMUNE = "kommune", _("Kommunen")
    STADTMARKETING = "stadtmarketing", _("Stadtmarketing-Organisationen")
    WIRTSCHAFTSFOERDERUNG = "wirtschaftsfoerderung", _("Wirtschaftsförderungen")
    EINZELHANDEL = "einzelhandel", _("Einzelhandel und Gewerbe")
    VERBAND = "verband", _("Verbände, Kammern und Vereine")
    FORSCHUNG = "forschung", _("Hochschulen und Forschung")
