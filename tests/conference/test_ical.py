from datetime import UTC, datetime

from django.urls import reverse
from icalendar import Calendar

from .factories import RoomFactory, SessionFactory, TrackFactory


def unfold(response) -> str:
    return response.content.decode().replace("\r\n ", "")


def test_session_ical_has_a_real_tzid_and_vtimezone(client, conference):
    room = RoomFactory(conference=conference, name="Forum Hall")
    session = SessionFactory(
        conference=conference,
        title="Opening keynote",
        room=room,
        starts_at=datetime(2022, 8, 22, 7, tzinfo=UTC),
    )
    response = client.get(reverse("conference:session_ical", args=[conference.slug, session.pk]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = unfold(response)
    assert "DTSTART;TZID=Europe/Prague:20220822T090000" in body
    assert "DTEND;TZID=Europe/Prague:20220822T100000" in body
    assert "BEGIN:VTIMEZONE" in body and "TZID:Europe/Prague" in body
    assert "TZID=CEST" not in body and "TZID=CET" not in body
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime(2022, 8, 22, 7, tzinfo=UTC)
    assert "Forum Hall" in str(event["location"])


def test_programme_ical_whole_and_filtered(client, conference):
    track = TrackFactory(conference=conference, slug="ethics")
    SessionFactory(conference=conference, title="In track", track=track)
    SessionFactory(conference=conference, title="Elsewhere")
    SessionFactory(conference=conference, title="Draft", is_published=False)
    url = reverse("conference:programme_ical", args=[conference.slug])
    whole = unfold(client.get(url))
    assert whole.count("BEGIN:VEVENT") == 2 and "Draft" not in whole
    filtered = unfold(client.get(url, {"track": "ethics"}))
    assert filtered.count("BEGIN:VEVENT") == 1 and "SUMMARY:In track" in filtered
    assert "X-WR-CALNAME:Prague 2022 (filtered)" in filtered
    bad = client.get(url, {"track": "nope"})
    assert bad.status_code == 400 and "track" in bad.content.decode()


def parsed(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def zones_of(calendar: Calendar) -> list[str]:
    return [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]


def test_every_calendar_parses_with_real_tzids_across_summer_time(client, conference):
    """Summer and winter sessions: each VEVENT names Europe/Prague, whose VTIMEZONE has both."""
    from decimal import Decimal

    from museion.conference.services import participation
    from museion.conference.services.registration import register_participant

    from .conftest import applicant
    from .factories import CategoryFactory

    track = TrackFactory(conference=conference, slug="ethics")
    summer = SessionFactory(
        conference=conference,
        title="Summer",
        track=track,
        starts_at=datetime(2022, 8, 22, 7, tzinfo=UTC),
    )
    winter = SessionFactory(
        conference=conference, title="Winter", starts_at=datetime(2022, 11, 2, 8, tzinfo=UTC)
    )
    free = CategoryFactory(conference=conference, price=Decimal("0"))
    participant = register_participant(conference=conference, category=free, applicant=applicant(1))
    for session in (summer, winter):
        participation.bookmark(registration=participant, session=session)
    urls = {
        "session": reverse("conference:session_ical", args=[conference.slug, winter.pk]),
        "programme": reverse("conference:programme_ical", args=[conference.slug]),
        "filtered": reverse("conference:programme_ical", args=[conference.slug]) + "?track=ethics",
        "agenda": reverse("conference:agenda_feed", args=[participant.feed_token]),
    }
    expected = {"session": ["Winter"], "programme": ["Summer", "Winter"], "filtered": ["Summer"]}
    expected["agenda"] = expected["programme"]
    for name, url in urls.items():
        calendar = parsed(client.get(url))
        assert zones_of(calendar) == ["Europe/Prague"], name
        (zone,) = calendar.walk("VTIMEZONE")
        assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}, name
        events = calendar.walk("VEVENT")
        assert [str(e["SUMMARY"]) for e in events] == expected[name], name
        for event in events:
            assert event["DTSTART"].params["TZID"] == "Europe/Prague", name
            assert event["DTEND"].params["TZID"] == "Europe/Prague", name
        starts = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events}
        if "Winter" in starts:  # 08:00 UTC is 09:00 in Prague in November (CET, UTC+1)
            assert starts["Winter"].isoformat() == "2022-11-02T09:00:00+01:00", name
        if "Summer" in starts:  # 07:00 UTC is 09:00 in Prague in August (CEST, UTC+2)
            assert starts["Summer"].isoformat() == "2022-08-22T09:00:00+02:00", name
