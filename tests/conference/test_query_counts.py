"""Pages and feeds read a constant number of queries, however many sessions and people."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from museion.conference.services import participation
from museion.conference.services.registration import register_participant

from ..factories import CommitteeFactory
from .conftest import applicant
from .factories import (
    CategoryFactory,
    RoomFactory,
    SessionFactory,
    SessionPersonFactory,
    SpeakerFactory,
    TrackFactory,
)


@pytest.fixture
def world(conference):
    """A speaker and an organiser shared by every session, and a confirmed participant."""
    free = CategoryFactory(conference=conference, price=Decimal("0"))
    return {
        "conference": conference,
        "speaker": SpeakerFactory(name="Ada Lovelace", slug="ada"),
        "organiser": CommitteeFactory(name="CIDOC", slug="cidoc", kind="international", country=""),
        "participant": register_participant(
            conference=conference, category=free, applicant=applicant(1)
        ),
    }


def add_sessions(world, count: int) -> None:
    conference = world["conference"]
    start = datetime(2022, 8, 22, 7, tzinfo=UTC)
    for _ in range(count):
        offset = conference.sessions.count()
        session = SessionFactory(
            conference=conference,
            room=RoomFactory(conference=conference),
            track=TrackFactory(conference=conference),
            starts_at=start + timedelta(hours=offset),
        )
        SessionPersonFactory(session=session, speaker=world["speaker"])
        SessionPersonFactory(session=session, role="chair")
        session.organisers.add(
            world["organiser"],
            CommitteeFactory(slug=f"other-{offset}", kind="international", country=""),
        )
        participation.bookmark(registration=world["participant"], session=session)


def pages(world) -> dict[str, str]:
    conference = world["conference"]
    first = conference.sessions.order_by("pk").first()
    return {
        "session": reverse("conference:session", args=[conference.slug, first.pk]),
        "speaker": reverse("conference:speaker", args=[world["speaker"].slug]),
        "organiser": reverse("conference:organiser", args=[conference.slug, "cidoc"]),
        "feed": reverse("conference:agenda_feed", args=[world["participant"].feed_token]),
        "programme_ical": reverse("conference:programme_ical", args=[conference.slug]),
        "programme_json": reverse("conference:programme_json", args=[conference.slug]),
    }


# session: conference, session, its people, its organisers.
# speaker: speaker, sessions (with their conference), people, organisers.
# organiser: conference, committee, sessions, people, organisers.
# feed: the participant (with category, conference), the agenda's sessions.
# programme iCal / JSON: conference, the 4 filter choices (days and languages, rooms, tracks,
# organisers; cached
# afterwards), sessions, and for JSON their people and organisers.
EXPECTED = {
    "session": 4,
    "speaker": 4,
    "organiser": 5,
    "feed": 2,
    "programme_ical": 6,
    "programme_json": 8,
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
@pytest.mark.parametrize("sessions", [1, 6])
def test_public_pages_and_feeds_query_count(
    client, world, name, sessions, django_assert_num_queries
):
    add_sessions(world, sessions)
    url = pages(world)[name]
    with django_assert_num_queries(EXPECTED[name]):
        response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    if name in ("feed", "programme_ical"):
        assert body.count("BEGIN:VEVENT") == sessions
    elif name == "programme_json":
        assert len(response.json()["sessions"]) == sessions
    elif name != "session":
        assert body.count('<li class="session"') == sessions


@pytest.mark.parametrize("sessions", [1, 6])
def test_participant_views_query_count(client, world, sessions, django_assert_num_queries):
    """Opening the personal page, then the programme and a session page as that participant."""
    add_sessions(world, sessions)
    conference = world["conference"]
    token = world["participant"].token
    # registration, its pending payment, agenda sessions, people, organisers, and the session
    # store (read, then written because the page remembers the participant)
    with django_assert_num_queries(9):
        client.get(reverse("conference:participant", args=[token]))
    # conference, session store, participant, 4 filter choices, sessions, people, organisers
    with django_assert_num_queries(10):
        response = client.get(reverse("conference:programme", args=[conference.slug]))
    assert f"{sessions} session" in response.content.decode()
    first = conference.sessions.order_by("pk").first()
    # session, people, organisers, session store, participant, agenda, sign-up (the conference
    # is cached with the programme's version)
    with django_assert_num_queries(7):
        client.get(reverse("conference:session", args=[conference.slug, first.pk]))
