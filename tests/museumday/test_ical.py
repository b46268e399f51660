"""iCalendar output: one activity and the filtered feed, with TZIDs and VTIMEZONEs."""

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from museion.museumday import services

from ..factories import ActivityFactory
from ..places import activity_in

FEED = "/museum-day/activities.ics"


def ical_url(activity) -> str:
    return f"/museum-day/activities/{activity.pk}/calendar.ics"


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def parse_with_our_vtimezones(response) -> Calendar:
    """Rename every TZID so the parser cannot fall back on its own tz database: the times then
    only come out right if our VTIMEZONE definitions are right."""
    body = response.content
    for zone in ("Europe/Paris", "America/New_York", "Asia/Tokyo"):
        body = body.replace(zone.encode(), f"Ours {zone}".encode())
    return Calendar.from_ical(body)


def summaries(calendar: Calendar) -> list[str]:
    return [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]


def test_single_activity_calendar_has_tzid_and_vtimezone(client, published):
    calendar = parse(client.get(ical_url(published)))
    (event,) = calendar.walk("VEVENT")
    assert event["SUMMARY"] == "Night of the Louvre"
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert event["DTEND"].params["TZID"] == "Europe/Paris"
    assert event.decoded("DTSTART") == datetime(2022, 5, 18, 8, tzinfo=UTC)
    assert event["UID"] == f"activity-{published.pk}@museion"
    assert str(event["URL"]) == f"http://127.0.0.1:8000/museum-day/activities/{published.pk}/"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]


@pytest.mark.parametrize(
    "place,starts_at,local",
    [
        # The day before Paris moves its clocks forward (UTC+1) and the day itself (UTC+2).
        ("paris", datetime(2022, 3, 26, 9, tzinfo=UTC), "20220326T100000"),
        ("paris", datetime(2022, 3, 27, 8, tzinfo=UTC), "20220327T100000"),
        # New York before (UTC-4) and after (UTC-5) the clocks go back on 6 November 2022.
        ("new_york", datetime(2022, 11, 5, 14, tzinfo=UTC), "20221105T100000"),
        ("new_york", datetime(2022, 11, 7, 15, tzinfo=UTC), "20221107T100000"),
        ("new_york", datetime(2022, 11, 6, 5, 30, tzinfo=UTC), "20221106T013000"),
    ],
)
def test_times_round_trip_to_the_stored_utc_across_dst(client, db, place, starts_at, local):
    activity = activity_in(place, title="Visit", starts_at=starts_at)
    response = client.get(ical_url(activity))
    assert f":{local}\r\n".encode() in response.content
    (event,) = parse_with_our_vtimezones(response).walk("VEVENT")
    assert event.decoded("DTSTART").astimezone(UTC) == starts_at
    assert event.decoded("DTEND").astimezone(UTC) == activity.ends_at


def test_second_occurrence_of_a_repeated_hour_is_written_in_utc(client, db):
    # 06:30 UTC on 6 November 2022 is the second 01:30 in New York (EST, after the change).
    starts_at = datetime(2022, 11, 6, 6, 30, tzinfo=UTC)
    activity = activity_in("new_york", title="Night", starts_at=starts_at)
    (event,) = parse(client.get(ical_url(activity))).walk("VEVENT")
    assert "TZID" not in event["DTSTART"].params
    assert event.decoded("DTSTART") == starts_at
    assert event["DTEND"].params["TZID"] == "America/New_York"


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected"])
def test_calendar_of_an_unpublished_activity_is_not_found(client, db, status):
    activity = ActivityFactory(status=status)
    assert client.get(ical_url(activity)).status_code == 404


def test_feed_lists_published_activities_with_one_vtimezone_per_zone(client, db):
    activity_in("paris", title="Paris", starts_at=datetime(2022, 5, 18, 8, tzinfo=UTC))
    activity_in("tokyo", title="Tokyo", starts_at=datetime(2022, 5, 18, 1, tzinfo=UTC))
    activity_in("madrid", title="Draft", status="draft")
    calendar = parse(client.get(FEED))
    assert summaries(calendar) == ["Tokyo", "Paris"]
    assert sorted(str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")) == [
        "Asia/Tokyo",
        "Europe/Paris",
    ]
    tokyo = calendar.walk("VEVENT")[0]
    assert tokyo["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert tokyo["DTSTART"].to_ical() == b"20220518T100000"


def test_feed_applies_the_filters(client, db):
    activity_in("paris", title="Louvre", category="guided_tour")
    activity_in("madrid", title="Prado", category="guided_tour")
    activity_in("madrid", title="Taller", category="workshop")
    assert summaries(parse(client.get(FEED, {"country": "ES"}))) == ["Prado", "Taller"]
    assert summaries(parse(client.get(FEED, {"country": "ES", "category": "workshop"}))) == [
        "Taller"
    ]
    assert summaries(parse(client.get(FEED, {"q": "louvre"}))) == ["Louvre"]


@pytest.mark.parametrize(
    "params,message",
    [
        ({"country": "XX"}, "country: Select a valid choice. XX is not one of the available"),
        ({"radius": "5"}, "To search near a point, give latitude, longitude and radius together."),
        ({"date_from": "tomorrow"}, "date_from: Enter a valid date."),
    ],
)
def test_feed_with_bad_filters_is_a_400_with_the_reason(client, db, params, message):
    response = client.get(FEED, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


def test_feed_shows_a_publication_and_an_edit_at_once(client, staff, editor, published):
    assert summaries(parse(client.get(FEED))) == ["Night of the Louvre"]
    submitted = ActivityFactory(museum=published.museum, title="Workshop", status="submitted")
    services.publish_activity(moderator=staff, activity=submitted)
    assert summaries(parse(client.get(FEED))) == ["Night of the Louvre", "Workshop"]
    services.update_activity(user=editor, activity=published, data={"title": "Louvre by night"})
    services.approve_revision(moderator=staff, revision=published.revisions.get())
    assert summaries(parse(client.get(FEED))) == ["Louvre by night", "Workshop"]


def test_feed_events_follow_the_readers_language(client, published):
    from icalendar import Calendar as ParsedCalendar

    def categories(language):
        body = client.get("/museum-day/activities.ics", HTTP_ACCEPT_LANGUAGE=language).content
        event = ParsedCalendar.from_ical(body).walk("VEVENT")[0]
        return event.get("categories").to_ical().decode()

    assert categories("en") == "Guided tour"
    # Same activity, same last change, other language: not served from the English cache.
    assert categories("es") != "Guided tour"


def test_feed_stamps_each_event_with_its_last_change(client, published):
    from icalendar import Calendar as ParsedCalendar

    body = client.get(f"/museum-day/activities/{published.pk}/calendar.ics").content
    event = ParsedCalendar.from_ical(body).walk("VEVENT")[0]
    assert event.decoded("dtstamp") == published.updated_at.replace(microsecond=0)


def test_calendars_speak_the_readers_language_when_a_translation_is_approved(client, published):
    from icalendar import Calendar as ParsedCalendar

    from museion.museumday.models import ActivityTranslation

    published.title = "Nuit au Louvre"
    published.save()
    ActivityTranslation.objects.create(
        activity=published,
        language="es",
        status="approved",
        title="Noche en el Louvre",
        description="Visita nocturna.",
    )
    published.save()  # approving a translation marks the activity changed

    def summaries(url, language):
        body = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content
        return [str(e.get("summary")) for e in ParsedCalendar.from_ical(body).walk("VEVENT")]

    feed = "/museum-day/activities.ics"
    single = f"/museum-day/activities/{published.pk}/calendar.ics"
    assert summaries(feed, "es") == ["Noche en el Louvre"]
    assert summaries(single, "es") == ["Noche en el Louvre"]
    assert summaries(feed, "fr") == ["Nuit au Louvre"]
    assert summaries(feed, "en") == ["Nuit au Louvre"]  # no English translation: the original
