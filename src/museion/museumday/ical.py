"""iCalendar (RFC 5545) output for activities, with real TZIDs and VTIMEZONEs."""

from collections.abc import Iterable
from datetime import UTC
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vUri

from .models import Activity

PRODID = "-//Museion//International Museum Day//EN"


def activities_calendar(activities: Iterable[Activity], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    now = timezone.now()
    for activity in activities:
        calendar.add_component(_event(activity, stamp=now))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(activity: Activity, *, stamp) -> Event:
    zone = ZoneInfo(activity.timezone)
    url = settings.SITE_URL + activity.get_absolute_url()
    event = Event()
    event.add("uid", f"activity-{activity.pk}@museion")
    event.add("dtstamp", stamp)
    event.add("dtstart", _zoned(activity.starts_at, zone))
    event.add("dtend", _zoned(activity.ends_at, zone))
    event.add("summary", activity.title)
    event.add("description", f"{activity.description}\n\n{url}")
    event.add("url", vUri(url))
    location = ", ".join(
        p
        for p in [
            activity.venue or activity.museum.name,
            activity.address,
            activity.city,
            activity.country.name,
        ]
        if p
    )
    if activity.attendance_mode == "online":
        location = activity.online_url
    event.add("location", location)
    if activity.latitude is not None and activity.longitude is not None:
        event.add("geo", (activity.latitude, activity.longitude))
    event.add("categories", [activity.get_category_display()])
    event.add("last-modified", activity.updated_at)
    return event


def _zoned(moment, zone: ZoneInfo):
    """The local time with its TZID; in UTC when it is the second of a repeated hour.

    RFC 5545 reads an ambiguous local time (the hour repeated when clocks go back) as its first
    occurrence, so the second one can only be written exactly in UTC.
    """
    local = moment.astimezone(zone)
    return moment.astimezone(UTC) if local.fold else local
