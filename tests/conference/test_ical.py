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
