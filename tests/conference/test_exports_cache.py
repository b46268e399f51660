"""Programme JSON and iCal: cached per (version, language, timezone, filters), fresh after edits."""

import pytest
from django.urls import reverse

from .factories import RoomFactory, SessionFactory


@pytest.fixture
def two_rooms(conference):
    hall = RoomFactory(conference=conference, name="Hall")
    studio = RoomFactory(conference=conference, name="Studio")
    SessionFactory(conference=conference, title="In the hall", room=hall)
    SessionFactory(conference=conference, title="In the studio", room=studio)
    return hall, studio


@pytest.mark.parametrize("name", ["conference:programme_json", "conference:programme_ical"])
def test_exports_are_served_from_the_cache_once_built(
    client, conference, two_rooms, name, django_assert_num_queries
):
    url = reverse(name, args=[conference.slug])
    first = client.get(url)
    with django_assert_num_queries(0):  # keyed by slug and content version: no database
        again = client.get(url)
    assert again.content == first.content
    assert "max-age=10" in again["Cache-Control"] and "public" in again["Cache-Control"]


@pytest.mark.parametrize("name", ["conference:programme_json", "conference:programme_ical"])
def test_exports_follow_edits_at_once(client, conference, two_rooms, name):
    url = reverse(name, args=[conference.slug])
    assert "In the hall" in client.get(url).content.decode()
    session = conference.sessions.get(title="In the hall")
    session.title = "Moved to the garden"
    session.save()
    body = client.get(url).content.decode()
    assert "Moved to the garden" in body and "In the hall" not in body


@pytest.mark.parametrize("name", ["conference:programme_json", "conference:programme_ical"])
def test_exports_keep_filters_apart(client, conference, two_rooms, name):
    hall, studio = two_rooms
    url = reverse(name, args=[conference.slug])
    in_hall = client.get(url, {"room": hall.pk}).content.decode()
    in_studio = client.get(url, {"room": studio.pk}).content.decode()
    assert "In the hall" in in_hall and "In the studio" not in in_hall
    assert "In the studio" in in_studio and "In the hall" not in in_studio


def test_bad_filters_are_refused_and_never_cached(client, conference, two_rooms):
    url = reverse("conference:programme_json", args=[conference.slug])
    for _ in range(2):
        response = client.get(url, {"room": "nowhere"})
        assert response.status_code == 400 and "room" in response.json()["error"]
    ical = client.get(reverse("conference:programme_ical", args=[conference.slug]), {"day": "x"})
    assert ical.status_code == 400 and "day" in ical.content.decode()


def test_ical_names_a_filtered_calendar(client, conference, two_rooms):
    hall, _studio = two_rooms
    url = reverse("conference:programme_ical", args=[conference.slug])
    assert "X-WR-CALNAME:Prague 2022\r\n" in client.get(url).content.decode()
    assert (
        "X-WR-CALNAME:Prague 2022 (filtered)" in client.get(url, {"room": hall.pk}).content.decode()
    )


@pytest.mark.parametrize(
    "name", ["conference:programme_json", "conference:programme_ical", "conference:selection_ical"]
)
def test_unpublishing_a_conference_removes_its_cached_exports_at_once(
    client, conference, two_rooms, name
):
    url = reverse(name, args=[conference.slug]) + "?ids=1"
    assert client.get(url).status_code == 200
    conference.is_published = False
    conference.save()
    response = client.get(url)
    assert response.status_code == 404
    assert "no such conference" in response.content.decode()


def test_unknown_conference_exports_are_404(client, db):
    assert client.get(reverse("conference:programme_ical", args=["nope"])).status_code == 404
    assert client.get(reverse("conference:selection_ical", args=["nope"])).status_code == 404
