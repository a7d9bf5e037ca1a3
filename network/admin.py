from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.utils.translation import gettext_lazy as _

from network.models import Membership, Organisation, User


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "organisation"
    extra = 0
    autocomplete_fields = ["user"]
    readonly_fields = ["created_at", "decided_at", "decided_by"]
    fields = ["user", "role", "status", "message", "created_at", "decided_at", "decided_by"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "bundesland", "town", "status", "created_at"]
    list_filter = ["status", "kind", "bundesland"]
    search_fields = ["name", "town", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["created_at", "created_by", "reviewed_at", "reviewed_by"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "status", "created_at"]
    list_filter = ["role", "status"]
    search_fields = ["user__email", "user__last_name", "organisation__name"]
    autocomplete_fields = ["user", "organisation"]
    readonly_fields = ["created_at", "decided_at", "decided_by"]
    list_select_related = ["user", "organisation"]


class EmailUserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email",)
        field_classes = {}


class EmailUserChangeForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"
        field_classes = {}


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Django's user admin with the e-mail address in place of the username."""

    form = EmailUserChangeForm
    add_form = EmailUserCreationForm

    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("first_name", "last_name", "job_title", "profile_visibility")}),
        (
            _("Berechtigungen"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Wichtige Daten"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "usable_password", "password1", "password2"),
            },
        ),
    )
