from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchmakingConfig(AppConfig):
    name = "matchmaking"
    verbose_name = _("Matchmaking")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from matchmaking import signals  # noqa: F401  (organisation and synonym changes)
        from matchmaking.search import register_documents

        register_documents()
