"""English dates and times as Ithaca has always written them (7 Dec 2026, 14:00).

Django's own English formats are American (Dec. 7, 2026, 2 p.m.); these keep
the site's day-month-year and 24-hour clock, so templates may use the named
formats ("DATE_FORMAT", "DATETIME_FORMAT", ...) and each other language gets
its own from Django (7. Dezember 2026, 7 décembre 2026, 7 de diciembre de 2026).
"""

DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i"
YEAR_MONTH_FORMAT = "M Y"
MONTH_DAY_FORMAT = "j M"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday, as the weekly digest counts
