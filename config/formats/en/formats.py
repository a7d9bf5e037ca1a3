# English pages: British order and a 24-hour clock ("Tuesday 1 December 2026, 18:00"), as
# the site writes British English. Input formats stay Django's.

DATE_FORMAT = "j F Y"  # 1 December 2026
TIME_FORMAT = "H:i"  # 18:00
DATETIME_FORMAT = "j F Y, H:i"  # 1 December 2026, 18:00
MONTH_DAY_FORMAT = "j F"  # 1 December
SHORT_DATE_FORMAT = "j M Y"  # 1 Dec 2026 (unambiguous, unlike 1/12/2026)
SHORT_DATETIME_FORMAT = "j M Y, H:i"  # 1 Dec 2026, 18:00

WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"  # Tuesday 1 December 2026, 18:00
WEEKDAY_DATE_FORMAT = "l j F Y"  # Tuesday 1 December 2026
DATE_WITH_TIME_FORMAT = "j F Y, H:i"  # 1 December 2026, 18:00
NUMERIC_DATE_FORMAT = "j M Y"  # 1 Dec 2026
NUMERIC_DATETIME_FORMAT = "j M Y, H:i"  # 1 Dec 2026, 18:00
