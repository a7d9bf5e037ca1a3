"""Wagtail admin: the Wochenübersicht menu (issues, subscriptions, consent records)."""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet, SnippetViewSetGroup

from network.digest import admin_views, services
from network.models import DigestIssue, IssueStatus, Subscription


class ProposeIssueView(CreateView):
    """"Neue Ausgabe" creates a draft filled with what is new and opens it for editing."""

    def get(self, request, *args, **kwargs):
        issue = services.propose_issue(request.user)
        return redirect(self.edit_url_name, issue.pk)


class DigestIssueViewSet(SnippetViewSet):
    model = DigestIssue
    icon = "mail"
    menu_label = _("Ausgaben")
    add_view_class = ProposeIssueView
    list_display = ["title", "status", "scheduled_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["title", "editorial"]


class SubscriptionViewSet(SnippetViewSet):
    model = Subscription
    icon = "user"
    menu_label = _("Abonnements")
    list_display = ["email", "status", "editorial", "personal", "bounce_count", "confirmed_at"]
    list_filter = ["status", "personal"]
    search_fields = ["email"]
    add_to_admin_menu = False
    inspect_view_enabled = True


class DigestViewSetGroup(SnippetViewSetGroup):
    items = (DigestIssueViewSet, SubscriptionViewSet)
    menu_icon = "mail"
    menu_label = _("Wochenübersicht")
    menu_name = "wochenuebersicht"
    menu_order = 240


register_snippet(DigestViewSetGroup)


class ConsentMenuItem(MenuItem):
    def is_shown(self, request):
        return services.can_edit_digest(request.user)


@hooks.register("register_admin_menu_item")
def register_consent_menu_item():
    return ConsentMenuItem(
        _("Einwilligungen"), reverse("digest_admin:consent"),
        name="einwilligungen", icon_name="doc-full", order=245,
    )


admin_urls = [
    path("<int:pk>/versand/", admin_views.send_page, name="send"),
    path("<int:pk>/vorschau/<str:kind>/", admin_views.preview, name="preview"),
    path("einwilligungen/", admin_views.consent_overview, name="consent"),
]


@hooks.register("register_admin_urls")
def register_digest_admin_urls():
    return [path("wochenuebersicht/", include((admin_urls, "digest_admin")))]


@hooks.register("register_snippet_listing_buttons")
def digest_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, DigestIssue) and snippet.status != IssueStatus.SENT:
        yield ListingButton(
            _("Vorschau und Versand"), reverse("digest_admin:send", args=[snippet.pk]),
            icon_name="mail", priority=5,
        )
