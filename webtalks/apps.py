from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebtalksConfig(AppConfig):
    name = "webtalks"
    verbose_name = _("Veranstaltungen")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from webtalks import signals  # noqa: F401  (invitations, waitlist on publish)
        from webtalks.search import register_documents

        register_documents()
