"""What every endpoint of the open-data API (/api/v1/) shares: GET only, CORS for any
origin, a per-IP rate limit in the cache, page/page_size pagination with a cap, weak ETags
and Cache-Control. Endpoints live in the app that owns their type (`<app>/api/`); each is a
thin view that parses filters, asks its selectors and hands rows to its serialiser.
"""

import datetime
import functools
import hashlib
import time
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
CACHE_CONTROL = "public, max-age=60"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


class ApiError(Exception):
    """A request the API refuses; becomes a German JSON error with `status`."""

    def __init__(self, message, *, status=400, parameter=None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.parameter = parameter


def error_response(status, message, *, parameter=None, headers=None):
    body = {"error": {"status": status, "message": str(message)}}
    if parameter:
        body["error"]["parameter"] = parameter
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Expose-Headers"] = "ETag, Retry-After"
    return response


# --- Rate limit -------------------------------------------------------------------------


def client_ip(request):
    """REMOTE_ADDR: the web server in front must set it to the client (docs/operations.md)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def retry_after_if_limited(request):
    """Count this request in the client's fixed window; seconds to wait if over the limit.

    One counter per IP and window in the shared cache (Redis in production), so every
    worker counts against the same limit."""
    limit, window = settings.API_RATE_LIMIT
    now = int(time.time())
    key = f"api:rate:{client_ip(request)}:{now // window}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count > limit:
        return max(window - now % window, 1)
    return None


def api_view(view):
    """GET/HEAD with CORS and the rate limit; OPTIONS answers a CORS preflight; ApiError
    becomes its JSON error."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = "If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
            return _cors(response)
        if request.method not in ("GET", "HEAD"):
            return _cors(
                error_response(
                    405,
                    _("Diese Schnittstelle kann nur gelesen werden (GET)."),
                    headers={"Allow": ALLOWED_METHODS},
                )
            )
        retry_after = retry_after_if_limited(request)
        if retry_after is not None:
            return _cors(
                error_response(
                    429,
                    _(
                        "Zu viele Anfragen. Bitte warten Sie %(seconds)s Sekunden und "
                        "versuchen Sie es dann erneut."
                    )
                    % {"seconds": retry_after},
                    headers={"Retry-After": str(retry_after)},
                )
            )
        try:
            response = view(request, *args, **kwargs)
        except ApiError as error:
            response = error_response(error.status, error.message, parameter=error.parameter)
        return _cors(response)

    return wrapped


# --- Parsing query parameters ----------------------------------------------------------


def int_param(query, name, *, default=None, minimum=None, maximum=None):
    raw = query.get(name, "")
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(
            _("„%(name)s“ muss eine ganze Zahl sein.") % {"name": name}, parameter=name
        ) from None
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ApiError(
            _("„%(name)s“ muss zwischen %(min)s und %(max)s liegen.")
            % {"name": name, "min": minimum, "max": maximum},
            parameter=name,
        )
    return value


def date_param(query, name):
    raw = query.get(name, "")
    if raw == "":
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ApiError(
            _("„%(name)s“ muss ein Datum im Format JJJJ-MM-TT sein.") % {"name": name},
            parameter=name,
        ) from None


def choice_params(query, name, choices):
    """All values of a repeatable parameter (`?bundesland=NW&bundesland=BY`), each checked."""
    values = [value for value in query.getlist(name) if value != ""]
    allowed = {str(value) for value in choices}
    unknown = [value for value in values if value not in allowed]
    if unknown:
        raise ApiError(
            _("Unbekannter Wert für „%(name)s“: %(value)s. Erlaubt: %(allowed)s.")
            % {"name": name, "value": unknown[0], "allowed": ", ".join(sorted(allowed))},
            parameter=name,
        )
    return values


def slug_params(query, name):
    return [value.strip().lower() for value in query.getlist(name) if value.strip()][:10]


@dataclass(frozen=True)
class Paging:
    page: int
    page_size: int

    @property
    def offset(self):
        return (self.page - 1) * self.page_size

    @classmethod
    def from_query(cls, query):
        return cls(
            page=int_param(query, "page", default=1, minimum=1, maximum=100_000),
            page_size=int_param(
                query, "page_size", default=DEFAULT_PAGE_SIZE, minimum=1, maximum=MAX_PAGE_SIZE
            ),
        )


# --- ETag and the paged response -------------------------------------------------------


def weak_etag(request, version):
    """W/"…" from the data's version (latest change and row count) and the exact query."""
    query = sorted(request.GET.lists())
    digest = hashlib.sha256(
        repr((settings.API_VERSION, request.path, version, query)).encode()
    ).hexdigest()[:32]
    return f'W/"{digest}"'


def _matches(if_none_match, etag):
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    # Weak comparison: W/ prefixes do not matter (RFC 9110, 13.1.2).
    opaque = etag.removeprefix("W/")
    return any(tag.strip().removeprefix("W/") == opaque for tag in if_none_match.split(","))


def _page_link(request, page):
    if page is None:
        return None
    params = request.GET.copy()
    params["page"] = str(page)
    query = urlencode(sorted(params.lists()), doseq=True)
    return request.build_absolute_uri(f"{request.path}?{query}")


def paged_response(request, *, version, fetch, serialise):
    """The JSON list endpoint's answer.

    `version` is cheap (one aggregate query: latest change and row count) and comes first:
    when the client's ETag still matches, the answer is 304 without reading a row. A type
    without a reliable change stamp passes `version=None`: its ETag is then a digest of the
    answer itself (still a 304, but only after reading the page). Otherwise `fetch(paging)`
    returns `(rows, total)` and each row goes through `serialise(row, base_url)`.
    """
    paging = Paging.from_query(request.GET)
    if_none_match = request.headers.get("If-None-Match")
    etag = weak_etag(request, version) if version is not None else None
    if etag and _matches(if_none_match, etag):
        return _not_modified(etag)
    rows, total = fetch(paging)
    last_page = max((total + paging.page_size - 1) // paging.page_size, 1)
    if paging.page > last_page:
        raise ApiError(
            _("Seite %(page)s gibt es nicht; die letzte Seite ist %(last)s.")
            % {"page": paging.page, "last": last_page},
            status=404,
            parameter="page",
        )
    base_url = request.build_absolute_uri("/").rstrip("/")
    body = {
        "count": total,
        "page": paging.page,
        "page_size": paging.page_size,
        "next": _page_link(request, paging.page + 1 if paging.page < last_page else None),
        "previous": _page_link(request, paging.page - 1 if paging.page > 1 else None),
        "results": [serialise(row, base_url) for row in rows],
    }
    response = JsonResponse(body, json_dumps_params={"ensure_ascii": False})
    if etag is None:
        etag = weak_etag(request, hashlib.sha256(response.content).hexdigest())
        if _matches(if_none_match, etag):
            return _not_modified(etag)
    return _cacheable(response, etag)


def _cacheable(response, etag):
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["Vary"] = "Accept-Encoding"
    return response


def _not_modified(etag):
    return _cacheable(HttpResponse(status=304), etag)


def json_document(request, document):
    """A static JSON document (the OpenAPI description) with an ETag of its content."""
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    etag = weak_etag(request, hashlib.sha256(response.content).hexdigest())
    if _matches(request.headers.get("If-None-Match"), etag):
        return _not_modified(etag)
    return _cacheable(response, etag)


def page_of(queryset, paging):
    """`(rows, total)`: one COUNT and one slice of an already prefetching queryset."""
    total = queryset.count()
    rows = list(queryset[paging.offset : paging.offset + paging.page_size])
    return rows, total
