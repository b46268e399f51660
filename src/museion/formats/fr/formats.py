# Extra date formats read by museion.formats.local_format; Django's own names stay as they are.
DAY_MONTH_FORMAT = "j F"
LONG_DATE_FORMAT = "j F Y"
WEEKDAY_DAY_MONTH_FORMAT = "l j F"
WEEKDAY_DATE_FORMAT = "l j F Y"
WEEKDAY_DATETIME_FORMAT = r"l j F Y \à H:i"
# N: abbreviated month the French way (« juil. », « sept. »), not title-cased like M.
SHORT_WEEKDAY_FORMAT = "D j N"
SHORT_WEEKDAY_DATETIME_FORMAT = "D j N, H:i"
