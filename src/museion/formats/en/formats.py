# Extra date formats read by museion.formats.local_format.
DAY_MONTH_FORMAT = "j F"
LONG_DATE_FORMAT = "j F Y"
WEEKDAY_DAY_MONTH_FORMAT = "l j F"
WEEKDAY_DATE_FORMAT = "l j F Y"
WEEKDAY_DATETIME_FORMAT = "l j F Y, H:i"
SHORT_WEEKDAY_FORMAT = "D j M"
SHORT_WEEKDAY_DATETIME_FORMAT = "D j M, H:i"

# Django's own names, set to match the ones above, so every page writes dates one way:
# "18 May 2027", "18 May 2027, 15:00", 24-hour times as an international audience reads them.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
