"""The language switcher: links to the same page in the other languages.

German lives without a prefix, English under /en/ (config/urls.py, i18n_patterns with
prefix_default_language=False). A plain link to the translated URL switches the language, works
without JavaScript and keeps the page, its query string and fragment.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language

from network import site_chrome

register = template.Library()

# Each language named in itself, so a reader finds their own language whatever the page's.
NATIVE_NAMES = {"de": "Deutsch", "en": "English"}


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per configured language: code, native name, URL, whether it is the current one."""
    request = context.get("request")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    path = request.get_full_path() if request is not None else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        url = path if code == current else translate_url(path, code)
        links.append(
            {
                "code": code,
                "name": NATIVE_NAMES.get(code, code),
                "url": url,
                "current": code == current,
            }
        )
    return links


# Django views that anyone may read and that exist in every language (the same path with or
# without /en/). Everything else — account pages, forms, token links, moderation — gets no
# alternates: search engines should neither find nor pair them.
PUBLIC_VIEWS = frozenset({
    "digest:archive", "digest:issue", "digest:subscribe",
    "network:directory", "network:organisation_detail", "network:people",
    "network:person_detail",
    "network:forum:index", "network:forum:category", "network:forum:topic",
    "network:forum:thread", "network:forum:result",
    "matchmaking:index", "matchmaking:funding_list", "matchmaking:pain_point_list",
    "matchmaking:offer_list", "matchmaking:pain_point", "matchmaking:offer",
    "search:results",
})


def _page_alternates(request, page):
    """{language: absolute URL} of the live translations of a Wagtail page (itself included),
    each built in its own language so German stays unprefixed and English gets /en/.

    Cached under the site chrome's generation, which every page save, move, unpublish and
    delete replaces: a page view costs no query for its alternates (the case study page's
    query count is pinned)."""
    key = f"hreflang:{site_chrome.generation()}:{page.translation_key}"
    alternates = cache.get(key)
    if alternates is None:
        alternates = {}
        for version in page.get_translations(inclusive=True).live().select_related("locale"):
            code = version.locale.language_code
            with translation.override(code):
                url = version.get_full_url(request)
            if url:
                alternates[code] = url
        cache.set(key, alternates, timeout=site_chrome.TIMEOUT)
    return alternates


def _view_alternates(request):
    path = request.get_full_path()
    return {
        code: request.build_absolute_uri(translate_url(path, code))
        for code, _name in settings.LANGUAGES
    }


@register.simple_tag(takes_context=True)
def hreflang_alternates(context):
    """[(hreflang, absolute URL)] for <link rel="alternate">: one per language the page exists
    in, plus x-default (German). Empty for pages that are not public (see PUBLIC_VIEWS),
    for Wagtail sub-routes and for anything but GET."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or request.method not in ("GET", "HEAD"):
        return []
    page = context.get("page")
    if match.url_name == "wagtail_serve" and page is not None and hasattr(page, "locale_id"):
        if request.path != page.get_url(request):
            return []  # a RoutablePage sub-route: its own URLs are not the page's
        alternates = _page_alternates(request, page)
    elif match.view_name in PUBLIC_VIEWS:
        alternates = _view_alternates(request)
    else:
        return []
    links = [(code, alternates[code]) for code, _name in settings.LANGUAGES if code in alternates]
    if settings.LANGUAGE_CODE in alternates:
        links.append(("x-default", alternates[settings.LANGUAGE_CODE]))
    return links
