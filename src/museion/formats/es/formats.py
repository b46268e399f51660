# Extra date formats read by museion.formats.local_format; Django's own names stay as they are.
DAY_MONTH_FORMAT = r"j \d\e F"
LONG_DATE_FORMAT = r"j \d\e F \d\e Y"
WEEKDAY_DAY_MONTH_FORMAT = r"l j \d\e F"
WEEKDAY_DATE_FORMAT = r"l j \d\e F \d\e Y"
WEEKDAY_DATETIME_FORMAT = r"l j \d\e F \d\e Y, H:i"
# b: lower-case month abbreviation ("may", "ago"), not title-cased like M.
SHORT_WEEKDAY_FORMAT = "D j b"
SHORT_WEEKDAY_DATETIME_FORMAT = "D j b, H:i"
