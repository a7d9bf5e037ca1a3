"""German error pages in the site's layout (400, 403, 404; 500 stays static).

Django's own `bad_request` renders its template without a request, so the layout (header,
navigation, the user's menu) cannot be drawn and nothing says what went wrong. These
handlers render with the request and show the German message the code gave:
`PermissionDenied(_("Nur die Moderation …"))` reaches the 403 page as it was written.
A 400 shows a message only when it was written for people (`user_message`), never the
technical text of an arbitrary `SuspiciousOperation`. If the layout itself fails (for
example a refused Host header), the plain page without the layout is answered.
"""

import logging

from django.core.exceptions import RequestDataTooBig
from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
)
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token

from config.middleware import NulByteInRequest

logger = logging.getLogger(__name__)

PLAIN_PAGE = (
    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title} – Stadtlabor'
    "</title></head><body><main><h1>{title}</h1><p>{text}</p>"
    '<p><a href="/">Zur Startseite</a></p></main></body></html>'
)


def _render(request, template_name, context, response_class, title, text):
    try:
        body = loader.render_to_string(template_name, context, request=request)
    except Exception:  # noqa: BLE001 - an error page must always answer
        logger.exception("Fehlerseite %s konnte nicht gezeichnet werden", template_name)
        body = PLAIN_PAGE.format(title=title, text=text)
    return response_class(body)


def _user_message(exception):
    if isinstance(exception, NulByteInRequest):
        return str(exception)
    if isinstance(exception, RequestDataTooBig):
        return _(
            "Die gesendeten Daten sind zu groß. Bitte kürzen Sie Ihre Eingabe oder "
            "verkleinern Sie die Datei."
        )
    return getattr(exception, "user_message", "")


@requires_csrf_token
def bad_request(request, exception=None):
    message = _user_message(exception)
    title = _("Diese Anfrage können wir nicht verarbeiten")
    return _render(
        request, "400.html", {"message": message}, HttpResponseBadRequest,
        title, message or _("Die Anfrage war fehlerhaft."),
    )


@requires_csrf_token
def permission_denied(request, exception=None):
    message = str(exception) if exception is not None and exception.args else ""
    title = _("Dafür fehlt Ihnen die Berechtigung")
    return _render(
        request, "403.html", {"message": message}, HttpResponseForbidden,
        title, message or title,
    )


@requires_csrf_token
def page_not_found(request, exception=None):
    title = _("Diese Seite gibt es nicht (mehr)")
    return _render(
        request, "404.html", {"request_path": request.path}, HttpResponseNotFound,
        title, _("Vielleicht wurde sie verschoben, oder die Adresse enthält einen Tippfehler."),
    )
