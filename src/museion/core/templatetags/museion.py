import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def jsonld(context, data):
    """Structured data as <script type="application/ld+json">, escaped. A data block is never run,
    so it needs no nonce (and a page kept in a cache must not repeat one)."""
    payload = json.dumps(data, ensure_ascii=False).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308 - escaped above


@register.simple_tag
def zoned(value, zone_name, fmt="DATETIME_FORMAT"):
    """A datetime shown in the given IANA timezone, formatted for the active locale."""
    from zoneinfo import ZoneInfo

    from django.utils.formats import date_format

    return date_format(value.astimezone(ZoneInfo(zone_name)), fmt)
