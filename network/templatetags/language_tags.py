"""The language switcher: links to the same page in the other languages.

German lives without a prefix, English under /en/ (config/urls.py, i18n_patterns with
prefix_default_language=False). A plain link to the translated URL switches the language, works
without JavaScript and keeps the page, its query string and fragment.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

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
