"""Which timezone a visitor reads the programme in: the conference's, or their own.

`?tz=Area/City` switches (and is remembered in a cookie), `?tz=conference` switches back. The
static script only offers the visitor's browser zone as a one-click link; everything is rendered
on the server, so the switch works without JavaScript too.
"""

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from museion.core.validators import timezone_names

COOKIE = "museion_tz"
COOKIE_AGE = 365 * 24 * 3600
CONFERENCE = "conference"


@dataclass(frozen=True)
class DisplayZone:
    name: str
    conference_zone: str
    choice: str | None  # what to store in the cookie: a zone, "" to forget, None to leave as is
    error: bool = False

    @property
    def is_visitor(self) -> bool:
        return self.name != self.conference_zone

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.name)


def display_zone(request, conference_zone: str) -> DisplayZone:
    asked = request.GET.get("tz")
    if asked is not None:
        asked = asked.strip()
        if asked in ("", CONFERENCE):
            return DisplayZone(conference_zone, conference_zone, "")
        if asked in timezone_names():
            return DisplayZone(asked, conference_zone, asked)
        return DisplayZone(conference_zone, conference_zone, None, error=True)
    remembered = request.COOKIES.get(COOKIE, "")
    if remembered in timezone_names():
        return DisplayZone(remembered, conference_zone, None)
    return DisplayZone(conference_zone, conference_zone, None)


def remember(response, zone: DisplayZone):
    if zone.choice == "":
        response.delete_cookie(COOKIE, samesite="Lax")
    elif zone.choice:
        response.set_cookie(COOKIE, zone.choice, max_age=COOKIE_AGE, samesite="Lax")
    return response


def utc_offset(moment: datetime, zone: ZoneInfo) -> str:
    """'UTC+02:00' for the offset in force at that moment (so it follows summer time)."""
    offset = moment.astimezone(zone).utcoffset()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
