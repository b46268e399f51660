import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

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


@register.simple_tag
def zone_label(value, zone_name):
    """A timezone as readers know it: "Kuala Lumpur time (UTC+8)", the IANA id in a tooltip.

    The offset is the one in force at `value`, so it follows summer time.
    """
    from museion.core.zones import zone_city, zone_offset

    return format_html(
        '<span class="tz" title="{}">{}</span>',
        zone_name,
        _("%(city)s time (%(offset)s)")
        % {"city": zone_city(zone_name), "offset": zone_offset(value, zone_name)},
    )


@register.simple_tag
def place_line(place, *, with_venue: bool = True):
    """ "Venue, 1 rue de Rivoli, 75001 Paris, France": each part once, commas between.

    A city (or postcode) already written in the address is not repeated, and empty parts leave
    no stray commas or spaces.
    """
    from museion.core.places import place_parts

    return ", ".join(place_parts(place, with_venue=with_venue))
