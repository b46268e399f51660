"""iCalendar (RFC 5545) for sessions: real TZIDs with VTIMEZONE blocks, never abbreviations.

Public calendars never carry remote access. A participant's private feed links to their own
access page, which checks their right to join each time it is opened.
"""

from collections.abc import Iterable
from datetime import datetime, time

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from icalendar import Calendar, Event, vUri

from .models import Conference, Registration, Session
from .services.participation import can_join_online

PRODID = "-//Museion//General Conference//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def sessions_calendar(
    sessions: Iterable[Session], *, name: str, participant: Registration | None = None
) -> bytes:
    calendar = _calendar(name)
    now = timezone.now()
    for session in sessions:
        calendar.add_component(_event(session, stamp=now, participant=participant))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(session: Session, *, stamp, participant: Registration | None) -> Event:
    zone = session.conference.zone
    url = settings.SITE_URL + session.get_absolute_url()
    event = Event()
    event.add("uid", f"conference-session-{session.pk}@museion")
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", session.title)
    description = [session.abstract, url]
    if participant is not None and can_join_online(participant, session):
        description.append(
            settings.SITE_URL
            + reverse("conference:join", kwargs={"token": participant.token, "pk": session.pk})
        )
    event.add("description", "\n\n".join(part for part in description if part))
    event.add("url", vUri(url))
    place = session.room.name if session.room_id else ""
    conference = session.conference
    event.add(
        "location",
        ", ".join(p for p in [place, conference.venue, conference.city] if p)
        if session.attendance_mode != "online"
        else gettext("Online"),
    )
    event.add("categories", [session.get_type_display()])
    event.add("last-modified", session.updated_at)
    return event


def conference_calendar(conference: Conference) -> bytes:
    """The conference as one event, for confirmation e-mails."""
    zone = conference.zone
    calendar = _calendar(conference.name)
    event = Event()
    event.add("uid", f"conference-{conference.pk}@museion")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", datetime.combine(conference.starts_on, time(9), tzinfo=zone))
    event.add("dtend", datetime.combine(conference.ends_on, time(18), tzinfo=zone))
    event.add("summary", conference.name)
    event.add("location", ", ".join(p for p in [conference.venue, conference.city] if p))
    event.add("url", vUri(settings.SITE_URL + conference.get_absolute_url()))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
