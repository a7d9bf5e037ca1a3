# German: Django's own formats (django/conf/locale/de/formats.py) for the standard names,
# DATE_FORMAT = "j. F Y" among them; below only the project's named patterns, exactly as the
# templates spelled them before they were named.

WEEKDAY_DATETIME_FORMAT = "l, j. F Y, H:i"  # Dienstag, 1. Dezember 2026, 18:00
WEEKDAY_DATE_FORMAT = "l, j. F Y"  # Dienstag, 1. Dezember 2026
DATE_WITH_TIME_FORMAT = "j. F Y, H:i"  # 1. Dezember 2026, 18:00
NUMERIC_DATE_FORMAT = "j. n. Y"  # 1. 12. 2026
NUMERIC_DATETIME_FORMAT = "j.n.Y H:i"  # 1.12.2026 18:00
