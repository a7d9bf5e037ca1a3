"""allauth hooks: where people land after sign-up, e-mail confirmation and login."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from network.mail_language import active_language
from network.models import Membership
from network.permissions import is_moderator


class AccountAdapter(DefaultAccountAdapter):
    def _landing_url(self, request):
        # Staff land on their work: moderators on the moderation queue, editors (and other
        # admin users) in the Wagtail admin. Someone without any organisation (not even a
        # pending request) first chooses to create one or to join one; everybody else goes
        # to their account page.
        user = request.user
        if user.is_authenticated and user.is_staff:
            if is_moderator(user) and not user.is_superuser:
                return reverse("network:forum:moderation_queue")
            if user.is_superuser or user.has_perm("wagtailadmin.access_admin"):
                return reverse("wagtailadmin_home")
        if user.is_authenticated and not Membership.objects.filter(user=user).exists():
            return reverse("network:choose_organisation")
        return reverse("network:my_account")

    def save_user(self, request, user, form, commit=True):
        # Mails sent later (digest, notifications, reminders) speak the language the person
        # signed up in; they can change it in their account settings.
        user.language = active_language()
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        return self._landing_url(request)

    def get_signup_redirect_url(self, request):
        return self._landing_url(request)

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth counts failed logins per e-mail address ("5 in 5 minutes"), so anyone who
        # knows an address can lock its owner out. We count per address *and* client IP:
        # a stranger's wrong passwords block the stranger's address only, while the per-IP
        # limit ("10/m/ip") still throttles guessing across many accounts.
        from allauth.core.internal.ratelimit import get_ip

        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{get_ip(request)}"
