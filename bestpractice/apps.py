from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BestPracticeConfig(AppConfig):
    name = "bestpractice"
    verbose_name = _("Praxisbeispiele")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from bestpractice import signals  # noqa: F401  (connects the publish handler)
        from bestpractice.search import register_documents

        register_documents()
