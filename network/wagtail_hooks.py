"""Wagtail admin: a menu item that takes moderators to the organisation approval queue,
and the editors' dashboard ("Kennzahlen", network.dashboard_views)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from network.dashboard import can_view_dashboard
from network.dashboard_views import dashboard_view
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


class DashboardMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_dashboard(request.user)


@hooks.register("register_admin_urls")
def register_dashboard_url():
    return [path("kennzahlen/", dashboard_view, name="stadtlabor_dashboard")]


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        _("Kennzahlen"),
        reverse_lazy("stadtlabor_dashboard"),
        name="kennzahlen",
        icon_name="table",
        order=150,
    )

from network.digest import wagtail_hooks as digest_wagtail_hooks  # noqa: E402,F401  (Wagtail loads one module per app)
