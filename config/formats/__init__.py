"""Date formats per language (settings.FORMAT_MODULE_PATH).

Templates name a format instead of spelling a German pattern, e.g.
`{{ event.start|date:"WEEKDAY_DATETIME_FORMAT" }}`: "Dienstag, 1. Dezember 2026, 18:00" in
German, "Tuesday 1 December 2026, 18:00" on English pages.

Django's standard names (DATE_FORMAT, SHORT_DATETIME_FORMAT …) fall back to Django's own
locale formats; the German module overrides none of them, so German output is exactly what it
was. The other names are ours: Django looks them up in these modules too, but a name missing
from a language's module would be printed as a pattern – every module defines all of
CUSTOM_FORMATS (tests/config/test_date_formats.py checks this). The same happens with no
language active at all (`translation.deactivate_all()`, `@no_translations`): code that
formats dates there must activate a language first.
"""

CUSTOM_FORMATS = (
    "WEEKDAY_DATETIME_FORMAT",
    "WEEKDAY_DATE_FORMAT",
    "DATE_WITH_TIME_FORMAT",
    "NUMERIC_DATE_FORMAT",
    "NUMERIC_DATETIME_FORMAT",
)
