"""Helpers the matchmaking views share."""

from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from network.pagination import page_context

PAGE_SIZE = 20


def refused(request, error, title=None):
    """The 403 page explaining why (`MatchmakingRefused` carries a German explanation)."""
    return render(
        request,
        "matchmaking/refused.html",
        {"reason": " ".join(getattr(error, "messages", None) or [str(error)]), "title": title},
        status=403,
    )


def attach_errors(form, error):
    """Show a service's ValidationError on the bound form, next to the fields it names."""
    if hasattr(error, "error_dict"):
        for name, field_errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


def safe_next(request, fallback):
    """The posted or queried `next` URL when it stays on this site, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def paginate(request, items):
    return page_context(request, items, PAGE_SIZE)


class Viewer:
    """Which sides of the matchmaking a person belongs to (computed once per request)."""

    def __init__(self, user):
        from matchmaking import services

        self.user = user
        self.municipal = list(services.municipal_organisations(user))
        self.providers = list(services.provider_organisations(user))

    @property
    def organisations(self):
        return self.municipal + self.providers

    @property
    def is_municipal(self):
        return bool(self.municipal)

    @property
    def is_provider(self):
        return bool(self.providers)
