from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from museion.conference.models import Day

from ..factories import CommitteeFactory
from .factories import (
    ConferenceFactory,
    RoomFactory,
    SessionAccessFactory,
    SessionFactory,
    SessionPersonFactory,
    SpeakerFactory,
    TrackFactory,
)


@pytest.fixture
def programme(conference):
    room = RoomFactory(conference=conference, name="Forum Hall")
    track = TrackFactory(conference=conference, name="Decolonisation", slug="decolonisation")
    icom_cz = CommitteeFactory(name="ICOM Czech Republic", slug="icom-cz", country="CZ")
    cidoc = CommitteeFactory(
        name="CIDOC", slug="cidoc", kind="international", country="", acronym="CIDOC"
    )
    keynote = SessionFactory(
        conference=conference,
        title="Opening keynote",
        type="keynote",
        room=room,
        starts_at=datetime(2022, 8, 22, 7, 0, tzinfo=UTC),
        languages=["en", "cs"],
        interpretation=["fr"],
    )
    keynote.organisers.add(icom_cz, cidoc)
    SessionPersonFactory(session=keynote, speaker=SpeakerFactory(name="Ada Lovelace"))
    SessionPersonFactory(session=keynote, speaker=SpeakerFactory(name="Jan Novák"), role="chair")
    SessionAccessFactory(session=keynote, url="https://stream.example.org/keynote-secret")
    panel = SessionFactory(
        conference=conference,
        title="Documentation panel",
        type="panel",
        track=track,
        attendance_mode="online",
        starts_at=datetime(2022, 8, 23, 12, 0, tzinfo=UTC),
        languages=["fr"],
    )
    panel.organisers.add(cidoc)
    SessionFactory(conference=conference, title="Hidden draft", is_published=False)
    return {"keynote": keynote, "panel": panel, "room": room}


def url(conference, **params):
    from urllib.parse import urlencode

    base = reverse("conference:programme", kwargs={"slug": conference.slug})
    return f"{base}?{urlencode(params)}" if params else base


def test_programme_groups_by_day_in_the_conference_timezone(client, conference, programme):
    response = client.get(url(conference, day="all"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 sessions" in html
    assert "Hidden draft" not in html
    assert "Monday 22 August 2022" in html and "Tuesday 23 August 2022" in html
    assert "Times are shown in the conference timezone, <strong>Europe/Prague</strong>" in html
    assert "09:00" in html  # 07:00 UTC in Prague summer time (UTC+02:00)
    assert "UTC+02:00" in html
    assert "stream.example.org" not in html


@pytest.mark.parametrize(
    "params,titles",
    [
        ({"day": "2022-08-23"}, ["Documentation panel"]),
        ({"track": "decolonisation"}, ["Documentation panel"]),
        ({"organiser": "icom-cz"}, ["Opening keynote"]),
        ({"organiser": "cidoc"}, ["Opening keynote", "Documentation panel"]),
        ({"type": "keynote"}, ["Opening keynote"]),
        ({"mode": "online"}, ["Documentation panel"]),
        ({"language": "fr"}, ["Opening keynote", "Documentation panel"]),  # interpretation too
        ({"language": "cs"}, ["Opening keynote"]),
        ({"q": "lovelace"}, ["Opening keynote"]),
        ({"q": "panel"}, ["Documentation panel"]),
    ],
)
def test_programme_filters(client, conference, programme, params, titles):
    html = client.get(url(conference, **{"day": "all", **params})).content.decode()
    shown = [t for t in ["Opening keynote", "Documentation panel"] if f">{t}</a>" in html]
    assert shown == titles


@pytest.mark.parametrize(
    "params", [{"day": "2030-01-01"}, {"track": "nope"}, {"type": "party"}, {"mode": "x"}]
)
def test_unknown_filter_values_are_a_clear_400(client, conference, programme, params):
    response = client.get(url(conference, **params))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_programme_query_count_does_not_grow_with_sessions(
    client, conference, programme, django_assert_num_queries
):
    # conference, 4 filter choices (days and languages, rooms, tracks, organisers), sessions,
    # people, organisers
    with django_assert_num_queries(8):
        client.get(url(conference, day="all"))
    for n in range(10):
        session = SessionFactory(conference=conference, title=f"Extra {n}")
        SessionPersonFactory(session=session)
        session.organisers.add(CommitteeFactory(slug=f"c{n}", country="", kind="international"))
    with django_assert_num_queries(8):
        response = client.get(url(conference, day="all"))
    assert "12 sessions" in response.content.decode()


def test_timezone_switch_is_remembered_and_follows_dst(client, db):
    """Late October: Prague leaves summer time on the 25th, New York on 1 November."""
    conference = ConferenceFactory(
        slug="autumn", name="Autumn", starts_on=date(2026, 10, 24), ends_on=date(2026, 10, 26)
    )
    SessionFactory(
        conference=conference, title="Before", starts_at=datetime(2026, 10, 24, 8, tzinfo=UTC)
    )
    SessionFactory(
        conference=conference, title="After", starts_at=datetime(2026, 10, 26, 8, tzinfo=UTC)
    )
    html = client.get(url(conference, day="all")).content.decode()
    assert "10:00" in html and "UTC+02:00" in html  # Saturday, CEST
    assert "09:00" in html and "UTC+01:00" in html  # Monday, CET
    response = client.get(url(conference, tz="America/New_York", day="all"))
    html = response.content.decode()
    assert response.cookies["museion_tz"].value == "America/New_York"
    assert "Times are shown in <strong>America/New_York</strong>" in html
    assert "Sat 24 Oct, 04:00" in html  # EDT, UTC−04:00
    assert "Mon 26 Oct, 04:00" in html  # still EDT: New York changes a week later
    remembered = client.get(url(conference)).content.decode()
    assert "Times are shown in <strong>America/New_York</strong>" in remembered
    back = client.get(url(conference, tz="conference"))
    assert back.cookies["museion_tz"].value == ""
    assert "conference timezone, <strong>Europe/Prague</strong>" in back.content.decode()


def test_unknown_timezone_is_explained_and_ignored(client, conference, programme):
    response = client.get(url(conference, tz="Mars/Olympus"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This is not a timezone we know." in html
    assert "conference timezone, <strong>Europe/Prague</strong>" in html
    assert "museion_tz" not in response.cookies


def test_session_page_shows_people_and_never_the_stream_to_the_public(
    client, conference, programme
):
    keynote = programme["keynote"]
    response = client.get(reverse("conference:session", args=[conference.slug, keynote.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ada Lovelace" in html and "Jan Novák</a> (chair)" in html
    assert "ICOM Czech Republic" in html and "CIDOC" in html
    assert "English, česky" in html and "français" in html
    assert "Monday 22 August 2022, 09:00" in html and "(Europe/Prague, UTC+02:00)" in html
    assert "keynote-secret" not in html
    assert "Registered participants follow this session online." in html


def test_unpublished_session_and_conference_are_404(client, conference, programme):
    hidden = conference.sessions.get(title="Hidden draft")
    assert (
        client.get(reverse("conference:session", args=[conference.slug, hidden.pk])).status_code
        == 404
    )
    draft = ConferenceFactory(slug="draft", name="Draft", is_published=False)
    assert client.get(url(draft)).status_code == 404


def test_speaker_and_organiser_pages_list_their_sessions(client, conference, programme):
    speaker = programme["keynote"].people.get(role="speaker").speaker
    html = client.get(reverse("conference:speaker", args=[speaker.slug])).content.decode()
    assert "Opening keynote" in html and "Documentation panel" not in html
    html = client.get(
        reverse("conference:organiser", args=[conference.slug, "cidoc"])
    ).content.decode()
    assert "Opening keynote" in html and "Documentation panel" in html
    lonely = SpeakerFactory(name="No Sessions")
    assert client.get(reverse("conference:speaker", args=[lonely.slug])).status_code == 404


def test_index_shows_the_next_conference(client, conference):
    Day.objects.create(conference=conference, date=conference.starts_on)
    response = client.get(reverse("conference:index"))
    assert response.status_code == 200
    assert "Prague 2022" in response.content.decode()


def test_next_conference_has_its_upcoming_sessions_in_few_queries(
    conference, django_assert_num_queries
):
    from museion.conference.queries import next_conference

    future = ConferenceFactory(
        slug="future",
        name="Future",
        starts_on=date.today() + timedelta(days=30),
        ends_on=date.today() + timedelta(days=35),
    )
    start = datetime.now(UTC) + timedelta(days=30)
    for n in range(7):
        session = SessionFactory(
            conference=future, title=f"S{n}", starts_at=start + timedelta(hours=n)
        )
        SessionPersonFactory(session=session)
    with django_assert_num_queries(4):
        found = next_conference()
        titles = [s.title for s in found.upcoming_sessions]
        people = [p.speaker.name for s in found.upcoming_sessions for p in s.people.all()]
    assert found == future
    assert titles == ["S0", "S1", "S2", "S3", "S4"]
    assert len(people) == 5


def test_programme_edits_show_at_once_despite_the_cache(client, conference, programme):
    page = url(conference)
    assert "Opening keynote" in client.get(page).content.decode()
    keynote = programme["keynote"]
    keynote.title = "Opening keynote (moved)"
    keynote.save()
    assert "Opening keynote (moved)" in client.get(page).content.decode()
    speaker = keynote.people.get(role="speaker").speaker
    speaker.name = "Augusta Ada King"
    speaker.save()
    assert "Augusta Ada King" in client.get(page).content.decode()
    committee = keynote.organisers.get(slug="icom-cz")
    keynote.organisers.remove(committee)
    assert client.get(url(conference, organiser="icom-cz")).status_code == 400  # no longer one


def test_programme_json_follows_the_api_conventions(client, conference, programme):
    base = reverse("conference:programme_json", args=[conference.slug])
    data = client.get(base, {"organiser": "icom-cz"}).json()
    assert [s["title"] for s in data["sessions"]] == ["Opening keynote"]
    keynote = data["sessions"][0]
    assert (
        keynote["timezone"] == "Europe/Prague"
        and keynote["starts_at"] == "2022-08-22T07:00:00+00:00"
    )
    assert keynote["people"] == [
        {"name": "Jan Novák", "role": "chair", "affiliation": "National Museum"},
        {"name": "Ada Lovelace", "role": "speaker", "affiliation": "National Museum"},
    ]
    assert "keynote-secret" not in client.get(base).content.decode()
    bad = client.get(base, {"type": "party"})
    assert bad.status_code == 400 and "type" in bad.json()["error"]
    missing = client.get(reverse("conference:programme_json", args=["nope"]))
    assert missing.status_code == 404 and missing.json() == {"error": "no such conference"}


def test_session_page_has_event_jsonld(client, conference, programme):
    import json
    import re

    keynote = programme["keynote"]
    html = client.get(
        reverse("conference:session", args=[conference.slug, keynote.pk])
    ).content.decode()
    payload = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(payload.group(1))
    assert data["@type"] == "Event" and data["startDate"] == "2022-08-22T09:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["superEvent"]["name"] == "Prague 2022"
    assert "keynote-secret" not in payload.group(1)


def test_deleting_an_organiser_shows_at_once_despite_the_cache(client, conference, programme):
    from museion.network.models import Committee

    page = url(conference)
    assert "/organisers/icom-cz/" in client.get(page).content.decode()
    Committee.objects.get(slug="icom-cz").delete()
    html = client.get(page).content.decode()
    assert "/organisers/icom-cz/" not in html
    assert "/organisers/cidoc/" in html


def test_changing_the_conference_timezone_regroups_the_programme(client, conference, programme):
    """07:00 UTC on 22 August is Monday 09:00 in Prague but Sunday 21:00 in Honolulu."""
    html = client.get(url(conference, day="2022-08-22")).content.decode()
    assert "Opening keynote" in html and "09:00" in html
    conference.timezone = "Pacific/Honolulu"
    conference.save()
    html = client.get(url(conference, day="2022-08-21")).content.decode()
    assert ">Opening keynote</a>" in html
    assert "conference timezone, <strong>Pacific/Honolulu</strong>" in html
    assert "21:00" in html and "UTC−10:00" in html
