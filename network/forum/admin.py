"""Django admin for forum categories (incl. working-group members) and the moderation log.

Registered from `NetworkConfig.ready()`: Django only autodiscovers `network/admin.py`.
"""

from django.contrib import admin

from network.models import ForumCategory, ModerationAction


class ForumCategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "visibility", "position")
    list_editable = ("position",)
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("group_members",)
    search_fields = ("name",)


class ModerationActionAdmin(admin.ModelAdmin):
    """Read-only: the log is append-only, written by the moderation services."""

    list_display = ("created_at", "kind", "moderator", "member", "reason")
    list_filter = ("kind",)
    list_select_related = ("moderator", "member")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def register():
    if not admin.site.is_registered(ForumCategory):
        admin.site.register(ForumCategory, ForumCategoryAdmin)
        admin.site.register(ModerationAction, ModerationActionAdmin)
