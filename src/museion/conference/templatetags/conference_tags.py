from zoneinfo import ZoneInfo

from django import template
from django.conf.locale import LANG_INFO
from django.utils import dateformat

from museion.formats import local_format

register = template.Library()


@register.filter
def language_names(codes) -> str:
    """["en", "fr"] → "English, français" (names in their own language)."""
    return ", ".join(
        LANG_INFO.get(str(code).lower(), {}).get("name_local", str(code)) for code in codes or []
    )


@register.filter
def people_with_role(people, role: str) -> list:
    return [person for person in people if person.role == role]


@register.filter(expects_localtime=True, is_safe=False)
def local_date(value, format_name: str) -> str:
    """{{ day|local_date:"WEEKDAY_DATE_FORMAT" }}: a museion.formats format, active language."""
    if value in (None, ""):
        return ""
    return dateformat.format(value, local_format(format_name))


@register.filter
def in_zone(value, zone_name: str) -> str:
    """{{ moment|in_zone:"Europe/Prague" }} → "Friday 19 August 2022, 23:59 (Europe/Prague)".

    The zone is named because deadlines are read by people anywhere; the offset follows summer
    time at that moment.
    """
    if value in (None, ""):
        return ""
    local = value.astimezone(ZoneInfo(zone_name))
    return f"{dateformat.format(local, local_format('WEEKDAY_DATETIME_FORMAT'))} ({zone_name})"
