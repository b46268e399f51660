# Extra date formats read by museion.formats.local_format.
DAY_MONTH_FORMAT = "j F"
LONG_DATE_FORMAT = "j F Y"
WEEKDAY_DAY_MONTH_FORMAT = "l j F"
WEEKDAY_DATE_FORMAT = "l j F Y"
WEEKDAY_DATETIME_FORMAT = r"l j F Y \à H:i"
# N: abbreviated month the French way (« juil. », « sept. »), not title-cased like M.
SHORT_WEEKDAY_FORMAT = "D j N"
SHORT_WEEKDAY_DATETIME_FORMAT = "D j N, H:i"

# Django's own names, set to match the ones above, so every page writes dates one way.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"j F Y \à H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
MONTH_DAY_FORMAT = "j F"
