"""iCalendar (RFC 5545) output for activities, with real TZIDs and VTIMEZONEs.

Every VEVENT and VTIMEZONE is built and serialised by the `icalendar` library; the serialised
pieces are cached (an event under its id, last change and language), so a feed of hundreds of
activities is assembled from the cache and only changed activities are serialised again.
"""

from collections.abc import Iterable
from datetime import UTC
from functools import lru_cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from icalendar import Calendar, Event, Timezone, vUri

from .models import Activity, Category

PRODID = "-//Museion//International Museum Day//EN"
EVENT_CACHE_SECONDS = 24 * 3600
_END = b"END:VCALENDAR\r\n"


def activities_calendar(activities: Iterable[Activity], *, name: str) -> bytes:
    activities = list(activities)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    head = calendar.to_ical()
    assert head.endswith(_END)
    zones = sorted({activity.timezone for activity in activities})
    parts = [head[: -len(_END)]]
    parts.extend(vtimezone(zone) for zone in zones)
    parts.extend(serialised_events(activities))
    parts.append(_END)
    return b"".join(parts)


@lru_cache(maxsize=512)
def vtimezone(zone: str) -> bytes:
    return Timezone.from_tzid(zone).to_ical()


def serialised_events(activities: list[Activity]) -> list[bytes]:
    language = get_language() or settings.LANGUAGE_CODE
    keys = [
        f"ical:vevent:{a.pk}:{a.updated_at.timestamp()}:{language}:{settings.SITE_URL}"
        for a in activities
    ]
    found = cache.get_many(keys)
    missing = {}
    for key, activity in zip(keys, activities, strict=True):
        if key not in found:
            missing[key] = found[key] = _event(activity).to_ical()
    if missing:
        cache.set_many(missing, EVENT_CACHE_SECONDS)
    return [found[key] for key in keys]


def _event(activity: Activity) -> Event:
    zone = ZoneInfo(activity.timezone)
    url = settings.SITE_URL + activity.get_absolute_url()
    event = Event()
    event.add("uid", f"activity-{activity.pk}@museion")
    # Without a METHOD, DTSTAMP is when the information was last revised (RFC 5545 3.8.7.2).
    event.add("dtstamp", activity.updated_at.astimezone(UTC))
    event.add("dtstart", _zoned(activity.starts_at, zone))
    event.add("dtend", _zoned(activity.ends_at, zone))
    text = activity.for_reader  # the reader's language when a translation was prefetched
    event.add("summary", text.title)
    event.add("description", f"{text.description}\n\n{url}")
    event.add("url", vUri(url))
    if activity.attendance_mode == "online":
        location = activity.online_url
    else:
        parts = [
            activity.venue or activity.museum.name,
            activity.address,
            activity.city,
            activity.country.name,
        ]
        location = ", ".join(p for p in parts if p)
    event.add("location", location)
    if activity.latitude is not None and activity.longitude is not None:
        event.add("geo", (activity.latitude, activity.longitude))
    event.add("categories", [str(_category_labels().get(activity.category, activity.category))])
    event.add("last-modified", activity.updated_at)
    return event


def _category_labels() -> dict:
    return dict(Category.choices)


def _zoned(moment, zone: ZoneInfo):
    """The local time with its TZID; in UTC when it is the second of a repeated hour.

    RFC 5545 reads an ambiguous local time (the hour repeated when clocks go back) as its first
    occurrence, so the second one can only be written exactly in UTC.
    """
    local = moment.astimezone(zone)
    return moment.astimezone(UTC) if local.fold else local
