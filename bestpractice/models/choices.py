from django.db import models
from django.utils.translation import gettext_lazy as _


class BudgetRange(models.TextChoices):
    UNDER_10K = "under_10k", _("unter 10.000 €")
    FROM_10K = "10k_50k", _("10.000 bis 50.000 €")
    FROM_50K = "50k_250k", _("50.000 bis 250.000 €")
    OVER_250K = "over_250k", _("über 250.000 €")


class ArticleKind(models.TextChoices):
    IMPULSE = "impulse", _("Impuls der Woche")
    NEWS = "news", _("Aktuelle Information")
