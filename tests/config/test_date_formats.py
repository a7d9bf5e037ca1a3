"""The named date formats (config/formats): defined for every language, German exactly the
patterns the templates spelled out before."""

import datetime
import importlib

import pytest
from django.conf import settings
from django.utils import formats, translation

from config.formats import CUSTOM_FORMATS

# What German templates and mails wrote before the patterns got names: must stay.
GERMAN = {
    "DATE_FORMAT": "j. F Y",
    "TIME_FORMAT": "H:i",
    "WEEKDAY_DATETIME_FORMAT": "l, j. F Y, H:i",
    "WEEKDAY_DATE_FORMAT": "l, j. F Y",
    "DATE_WITH_TIME_FORMAT": "j. F Y, H:i",
    "NUMERIC_DATE_FORMAT": "j. n. Y",
    "NUMERIC_DATETIME_FORMAT": "j.n.Y H:i",
    # Django's own German formats, used by the admin: not overridden.
    "DATETIME_FORMAT": "j. F Y H:i",
    "SHORT_DATETIME_FORMAT": "d.m.Y H:i",
}


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_every_language_defines_every_custom_format(code):
    module = importlib.import_module(f"config.formats.{code}.formats")
    missing = [name for name in CUSTOM_FORMATS if not getattr(module, name, None)]
    assert not missing, (code, missing)


def test_german_formats_are_unchanged():
    assert {name: formats.get_format(name, lang="de") for name in GERMAN} == GERMAN


def test_english_dates_read_english():
    moment = datetime.datetime(2026, 12, 1, 18, 0)
    with translation.override("en"):
        assert formats.date_format(moment, "WEEKDAY_DATETIME_FORMAT") == (
            "Tuesday 1 December 2026, 18:00"
        )
        assert formats.date_format(moment, "DATE_FORMAT") == "1 December 2026"
        assert formats.date_format(moment, "NUMERIC_DATE_FORMAT") == "1 Dec 2026"
    with translation.override("de"):
        assert formats.date_format(moment, "WEEKDAY_DATETIME_FORMAT") == (
            "Dienstag, 1. Dezember 2026, 18:00"
        )
