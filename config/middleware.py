"""Site-wide request guards that every view relies on.

`RejectNulBytesMiddleware`: a NUL character can never be part of a sensible address,
search term or form value, and PostgreSQL refuses to store or compare text with one
("text fields cannot contain NUL"), which used to surface as a 500 wherever such a value
reached a query. The request is refused up front with a German 400 instead.
"""

from django.core.exceptions import SuspiciousOperation
from django.utils.translation import gettext_lazy as _

NUL = "\x00"


class NulByteInRequest(SuspiciousOperation):
    """Answered with 400 by Django's exception handling (and logged to django.security)."""


NUL_MESSAGE = _(
    "Die Anfrage enthält ein unzulässiges Steuerzeichen (NUL). Bitte prüfen Sie die "
    "Adresse oder Ihre Eingabe."
)


def _contains_nul(query_dict):
    for key, values in query_dict.lists():
        if NUL in key:
            return True
        for value in values:
            if isinstance(value, str) and NUL in value:
                return True
    return False


class RejectNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if NUL in request.path_info or _contains_nul(request.GET):
            raise NulByteInRequest(str(NUL_MESSAGE))
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # After CsrfViewMiddleware has read the body anyway; reading it here changes nothing
        # for upload handlers. Only form bodies: JSON and file contents are the view's job.
        if request.method == "POST" and request.content_type in {
            "application/x-www-form-urlencoded", "multipart/form-data",
        }:
            if _contains_nul(request.POST):
                raise NulByteInRequest(str(NUL_MESSAGE))
        return None
