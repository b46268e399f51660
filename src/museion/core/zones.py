"""Timezones named the way readers know them: a city and an offset, not an IANA id."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils.translation import pgettext

# The tz database spells its ids in ASCII; these cities are written with their accents.
ACCENTED = {
    "Sao Paulo": "São Paulo",
    "Bogota": "Bogotá",
    "Asuncion": "Asunción",
    "Cordoba": "Córdoba",
    "Reykjavik": "Reykjavík",
    "Ciudad Juarez": "Ciudad Juárez",
    "Merida": "Mérida",
    "Cancun": "Cancún",
    "Mazatlan": "Mazatlán",
    "Noumea": "Nouméa",
}


def zone_city(zone_name: str) -> str:
    """ "Asia/Kuala_Lumpur" → "Kuala Lumpur"; "America/Argentina/Buenos_Aires" → "Buenos Aires";
    "UTC" stays "UTC". The city is translated where the catalogue knows it ("Mexico City" →
    "Ciudad de México")."""
    if "/" not in zone_name:
        return zone_name
    city = zone_name.rsplit("/", 1)[1].replace("_", " ")
    city = ACCENTED.get(city, city)
    return pgettext("timezone city", city)


def zone_offset(moment: datetime, zone_name: str) -> str:
    """ "UTC+8", "UTC+5:30", "UTC−3", "UTC": the offset in force at `moment`."""
    offset = moment.astimezone(ZoneInfo(zone_name)).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02}" if rest else "")
