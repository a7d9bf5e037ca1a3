"""Page URLs that keep the visitor's language.

With WAGTAIL_I18N_ENABLED, Wagtail reverses a page's URL in the page's own locale, so every
German page would link to its unprefixed German URL even from an English page, and a visitor on
/en/ would drop back to German with the first click into the menu. German pages are served
under /en/ too (with the English interface) until an editor translates them, so while English is
active their links get the /en/ prefix. English translations already carry it.
"""

from django.conf import settings
from django.utils import translation


class ActiveLanguageURLMixin:
    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if not parts or parts[2] is None:
            return parts
        site_id, root_url, page_path = parts
        active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        languages = {code for code, _name in settings.LANGUAGES}
        if active == settings.LANGUAGE_CODE or active not in languages:
            return parts
        first = page_path.lstrip("/").split("/", 1)[0]
        if first in languages:
            return parts
        return site_id, root_url, f"/{active}{page_path}"
