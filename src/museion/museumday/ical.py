"""iCalendar (RFC 5545) output for activities, with real TZIDs and VTIMEZONEs.

Every VEVENT and VTIMEZONE is built and serialised by the `icalendar` library. Serialised events
are kept in the database (CalendarEvent: one per activity and interface language) with a stamp of
everything they are made of, so a feed of hundreds of activities is read with its rows in one
query, and only the events of new or changed activities are serialised again.
"""

import hashlib
import logging
from collections.abc import Callable, Iterable
from datetime import UTC
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from zoneinfo import TZPATH, ZoneInfo

import icalendar
from django.conf import settings
from django.db import DatabaseError, transaction
from django.db.models import FilteredRelation, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import translation
from django_countries import countries
from icalendar import Calendar, Event, Timezone, vUri

from museion.network.models import Museum

from .models import Activity, CalendarEvent, Category, Status
from .queries import approved_translations, listing, reader_language, with_reader_translation

logger = logging.getLogger(__name__)

PRODID = "-//Museion//International Museum Day//EN"
# Change it whenever _event() writes something else: every stored event is then built again.
EVENT_FORMAT = "1"
_END = b"END:VCALENDAR\r\n"


def activities_calendar(activities: Iterable[Activity], *, name: str) -> bytes:
    """The calendar of these activities: their museum selected, their reader's translation
    prefetched (queries.with_reader_translation)."""
    activities = list(activities)
    common = _common_stamp()
    stamps = {a.pk: _activity_stamp(common, a) for a in activities}
    stored = CalendarEvent.objects.filter(
        activity__in=list(stamps), language=_language()
    ).values_list("activity_id", "stamp", "body")
    found = {pk: (stamp, body) for pk, stamp, body in stored}
    by_id = {a.pk: a for a in activities}
    bodies = _events(stamps, found, lambda ids: [by_id[pk] for pk in ids], common)
    return _calendar(name, {a.timezone for a in activities}, bodies)


def feed_calendar(queryset, *, name: str, limit: int) -> bytes:
    """The calendar of the first `limit` activities of `queryset` in listing order.

    One query reads the rows with their stored events and what is needed to check them; only
    the activities whose event is missing or stale are then loaded whole and serialised.
    """
    language = _language()
    stored = FilteredRelation("calendar_events", condition=Q(calendar_events__language=language))
    # Looked up row by row: joined, PostgreSQL may read all 40,000 museums; and a list of 1,000
    # ids costs Django more than the lookups cost the database.
    museums = Museum.objects.filter(pk=OuterRef("museum_id")).order_by()
    shown = _reader_translation()
    rows = list(
        listing(queryset)
        .annotate(
            stored=stored,
            museum_name=Subquery(museums.values("name")),
            shown_pk=Subquery(shown.values("pk")[:1]),
            shown_at=Subquery(shown.values("updated_at")[:1]),
        )
        .values_list(
            "id",
            "timezone",
            "updated_at",
            "museum_name",
            "shown_pk",
            "shown_at",
            "stored__stamp",
            "stored__body",
        )[:limit]
    )
    common = _common_stamp()
    stamps, found = {}, {}
    for pk, _zone, updated_at, museum_name, shown_pk, shown_at, stamp, body in rows:
        translation_key = _translation_key(shown_pk, shown_at) if shown_pk else ""
        stamps[pk] = _stamp(common, updated_at, museum_name, translation_key)
        if stamp is not None:
            found[pk] = (stamp, body)

    def load(ids: list[int]) -> list[Activity]:
        return list(with_reader_translation(listing(Activity.objects.filter(pk__in=ids))))

    bodies = _events(stamps, found, load, common)
    return _calendar(name, {row[1] for row in rows}, bodies)


def store_events(activity_ids: Iterable[int]) -> int:
    """Build and keep the stored events of these activities (the published ones) in every
    interface language, unless they are up to date; return how many were built."""
    built = 0
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            published = Activity.objects.filter(pk__in=list(activity_ids), status=Status.PUBLISHED)
            activities = list(with_reader_translation(published.select_related("museum")))
            common = _common_stamp()
            stored = CalendarEvent.objects.filter(activity__in=activities, language=language)
            found = dict(stored.values_list("activity_id", "stamp"))
            stale = [a for a in activities if found.get(a.pk) != _activity_stamp(common, a)]
            built += len(_build(stale, common))
    return built


def _events(
    stamps: dict[int, str],
    found: dict[int, tuple[str, str]],
    load: Callable[[list[int]], list[Activity]],
    common: str,
) -> list[str]:
    """The serialised events in the order of `stamps`: those found with the same stamp, the
    others built now and stored (an activity gone meanwhile is left out)."""
    bodies = {pk: found[pk][1] for pk, stamp in stamps.items() if found.get(pk, ("",))[0] == stamp}
    missing = [pk for pk in stamps if pk not in bodies]
    if missing:
        bodies.update(_build(load(missing), common))
    return [bodies[pk] for pk in stamps if pk in bodies]


def _build(activities: list[Activity], common: str) -> dict[int, str]:
    if not activities:
        return {}
    language = _language()
    events = [
        CalendarEvent(
            activity_id=activity.pk,
            language=language,
            stamp=_activity_stamp(common, activity),
            body=_event(activity).to_ical().decode(),
        )
        for activity in activities
    ]
    # A write that fails (a locked SQLite file, a read-only database) only means the events are
    # built again next time: the calendar is served all the same.
    try:
        with transaction.atomic():
            CalendarEvent.objects.bulk_create(
                events,
                update_conflicts=True,
                unique_fields=["activity", "language"],
                update_fields=["stamp", "body"],
            )
    except DatabaseError:
        logger.warning("Serialised calendar events not stored", exc_info=True)
    return {event.activity_id: event.body for event in events}


def _calendar(name: str, zones: set[str], events: list[str]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    head = calendar.to_ical()
    assert head.endswith(_END)
    parts = [head[: -len(_END)]]
    parts.extend(vtimezone(zone) for zone in sorted(zones))
    parts.append("".join(events).encode())
    parts.append(_END)
    return b"".join(parts)


@lru_cache(maxsize=512)
def vtimezone(zone: str) -> bytes:
    return Timezone.from_tzid(zone).to_ical()


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


# --- What an event is made of ---------------------------------------------------------------
# The activity's own fields (its `updated_at` changes with any of them, and with the approval of
# a translation), the translation shown, the museum's name (the place of an activity without a
# venue), and what is the same for every event of a language: the site's address, the links, the
# category and country names, the timezone database, the library and this code.


def _stamp(common: str, updated_at, museum_name: str, shown_translation: str) -> str:
    text = f"{common}\n{updated_at.isoformat()}\n{shown_translation}\n{museum_name}"
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _activity_stamp(common: str, activity: Activity) -> str:
    found = getattr(activity, "reader_translations", None)
    shown = _translation_key(found[0].pk, found[0].updated_at) if found else ""
    return _stamp(common, activity.updated_at, activity.museum.name, shown)


def _translation_key(pk: int, updated_at) -> str:
    return f"{pk}@{updated_at.isoformat()}"


def _reader_translation():
    """An activity's (OuterRef) first translation into the reader's language, chosen as
    queries.with_reader_translation chooses it."""
    language = reader_language()
    return (
        approved_translations()
        .filter(activity=OuterRef("pk"))
        .filter(Q(language=language) | Q(language__startswith=f"{language}-"))
        .order_by("language")
    )


def _common_stamp() -> str:
    link = reverse("museumday:activity", kwargs={"pk": 1})
    return _common_for(_language(), settings.SITE_URL, link)


@lru_cache(maxsize=64)
def _common_for(language: str, site_url: str, link: str) -> str:
    with translation.override(language):
        labels = [str(label) for label in Category.labels]
        country_names = [str(name) for _code, name in countries]
    text = "\n".join(
        [EVENT_FORMAT, icalendar.__version__, _zone_data_version(), language, site_url, link]
        + labels
        + country_names
    )
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def _zone_data_version() -> str:
    for folder in TZPATH:
        try:
            with Path(folder, "tzdata.zi").open() as data:
                return data.readline().strip()
        except OSError:
            continue
    try:
        return version("tzdata")
    except PackageNotFoundError:
        return ""


# --- The event ------------------------------------------------------------------------------


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
