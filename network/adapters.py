"""allauth hooks: where people land after sign-up, e-mail confirmation and login."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from network.models import Membership


class AccountAdapter(DefaultAccountAdapter):
    def _landing_url(self, request):
        # Someone without any organisation (not even a pending request) first chooses
        # to create one or to join one; everybody else goes to their account page.
        user = request.user
        if user.is_authenticated and not Membership.objects.filter(user=user).exists():
            return reverse("network:choose_organisation")
        return reverse("network:my_account")

    def get_login_redirect_url(self, request):
        return self._landing_url(request)

    def get_signup_redirect_url(self, request):
        return self._landing_url(request)
