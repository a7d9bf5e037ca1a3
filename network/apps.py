from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Netzwerk")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from network.forum.search import register_documents as register_forum_documents
        from network.search import register_documents

        register_documents()
        register_forum_documents()

        from network.forum import admin as forum_admin

        forum_admin.register()

        from network import access_signals

        access_signals.connect()

        from network import site_chrome

        site_chrome.connect()
