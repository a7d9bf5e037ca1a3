from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "sitesearch"
    verbose_name = _("Suche")
    default_auto_field = "django.db.models.BigAutoField"
