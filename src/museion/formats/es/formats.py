# Extra date formats read by museion.formats.local_format.
DAY_MONTH_FORMAT = r"j \d\e F"
LONG_DATE_FORMAT = r"j \d\e F \d\e Y"
WEEKDAY_DAY_MONTH_FORMAT = r"l j \d\e F"
WEEKDAY_DATE_FORMAT = r"l j \d\e F \d\e Y"
WEEKDAY_DATETIME_FORMAT = r"l j \d\e F \d\e Y, H:i"
# b: lower-case month abbreviation ("may", "ago"), not title-cased like M.
SHORT_WEEKDAY_FORMAT = "D j b"
SHORT_WEEKDAY_DATETIME_FORMAT = "D j b, H:i"

# Django's own names, set to match the ones above, so every page writes dates one way.
DATE_FORMAT = r"j \d\e F \d\e Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y, H:i"
TIME_FORMAT = "H:i"
SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
MONTH_DAY_FORMAT = r"j \d\e F"
