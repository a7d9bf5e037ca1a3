"""Wagtail admin: a menu item that takes moderators to the organisation approval queue."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from network.permissions import is_moderator
from network.selectors import pending_organisation_count


class ModerationQueueMenuItem(MenuItem):
    def is_shown(self, request):
        return is_moderator(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        pending = pending_organisation_count()
        if pending:
            component.label = _("Freigaben (%(count)s offen)") % {"count": pending}
        return component


@hooks.register("register_admin_menu_item")
def register_moderation_queue_menu_item():
    return ModerationQueueMenuItem(
        _("Freigaben"),
        reverse_lazy("network:moderation_queue"),
        name="organisation-approvals",
        icon_name="group",
        order=250,
    )

from network.digest import wagtail_hooks as digest_wagtail_hooks  # noqa: E402,F401  (Wagtail loads one module per app)
