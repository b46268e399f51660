"""One day at a time, all days, now and next (clock frozen), room filter, filter panel."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from django.urls import reverse

from .factories import ConferenceFactory, RoomFactory, SessionFactory


@pytest.fixture
def week(db):
    """Sessions on Monday 22 and Wednesday 24 August (Prague); none on the other days."""
    conference = ConferenceFactory()
    hall = RoomFactory(conference=conference, name="Forum Hall")
    studio = RoomFactory(conference=conference, name="Studio B")
    sessions = {
        "monday": SessionFactory(
            conference=conference,
            title="Monday morning",
            room=hall,
            starts_at=datetime(2022, 8, 22, 7, tzinfo=UTC),
        ),
        "monday_late": SessionFactory(
            conference=conference,
            title="Monday afternoon",
            room=studio,
            starts_at=datetime(2022, 8, 22, 13, tzinfo=UTC),
        ),
        "wednesday": SessionFactory(
            conference=conference,
            title="Wednesday morning",
            room=hall,
            starts_at=datetime(2022, 8, 24, 7, tzinfo=UTC),
        ),
        "wednesday_next": SessionFactory(
            conference=conference,
            title="Wednesday coffee talk",
            room=studio,
            starts_at=datetime(2022, 8, 24, 9, tzinfo=UTC),
        ),
        "wednesday_last": SessionFactory(
            conference=conference,
            title="Wednesday closing",
            room=hall,
            starts_at=datetime(2022, 8, 24, 15, tzinfo=UTC),
        ),
    }
    return conference, sessions, {"hall": hall, "studio": studio}


def page(client, conference, **params):
    return client.get(reverse("conference:programme", args=[conference.slug]), params)


def titles(response) -> list[str]:
    html = response.content.decode()
    names = ["Monday morning", "Monday afternoon", "Wednesday morning"]
    names += ["Wednesday coffee talk", "Wednesday closing"]
    return [name for name in names if f">{name}</a>" in html]


def test_programme_opens_on_its_first_day_before_the_conference(client, week):
    conference, _sessions, _rooms = week
    with time_machine.travel(datetime(2022, 6, 1, 12, tzinfo=UTC), tick=False):
        response = page(client, conference)
    assert response.status_code == 200
    assert titles(response) == ["Monday morning", "Monday afternoon"]
    assert "2 sessions" in response.content.decode()


def test_programme_opens_on_the_day_in_progress(client, week):
    conference, _sessions, _rooms = week
    with time_machine.travel(datetime(2022, 8, 23, 22, 30, tzinfo=UTC), tick=False):
        response = page(client, conference)  # 00:30 on Wednesday in Prague
    assert titles(response) == ["Wednesday morning", "Wednesday coffee talk", "Wednesday closing"]
    with time_machine.travel(datetime(2022, 8, 23, 21, 30, tzinfo=UTC), tick=False):
        response = page(client, conference)  # 23:30 on Tuesday: no sessions, so the next day
    assert titles(response) == ["Wednesday morning", "Wednesday coffee talk", "Wednesday closing"]


def test_all_days_is_one_click_away(client, week):
    conference, _sessions, _rooms = week
    with time_machine.travel(datetime(2022, 6, 1, tzinfo=UTC), tick=False):
        html = page(client, conference).content.decode()
        assert 'href="?day=all"' in html
        response = page(client, conference, day="all")
    assert len(titles(response)) == 5
    assert 'href="?day=all" aria-current="page"' in response.content.decode()


def test_day_tabs_only_for_days_with_sessions(client, week):
    conference, _sessions, _rooms = week
    html = page(client, conference, day="all").content.decode()
    assert 'href="?day=2022-08-22"' in html and 'href="?day=2022-08-24"' in html
    for empty in ["2022-08-20", "2022-08-21", "2022-08-23", "2022-08-25", "2022-08-28"]:
        assert f"day={empty}" not in html
    assert page(client, conference, day="2022-08-23").status_code == 400


def test_day_tabs_keep_the_other_filters(client, week):
    conference, _sessions, rooms = week
    html = page(client, conference, day="2022-08-22", room=rooms["hall"].pk).content.decode()
    assert f'href="?room={rooms["hall"].pk}&amp;day=2022-08-24"' in html


def test_room_filter(client, week):
    conference, _sessions, rooms = week
    response = page(client, conference, day="all", room=rooms["studio"].pk)
    assert titles(response) == ["Monday afternoon", "Wednesday coffee talk"]
    other = RoomFactory(conference=ConferenceFactory(slug="elsewhere"))
    for bad in [other.pk, "hall", "99999999"]:
        response = page(client, conference, room=bad)
        assert response.status_code == 400
        assert "Select a valid choice" in response.content.decode()


def test_filter_panel_summarises_the_active_filters(client, week):
    conference, _sessions, rooms = week
    html = page(client, conference, day="all", room=rooms["studio"].pk, type="lecture").content
    html = html.decode()
    assert '<details class="filter-panel" data-filter-panel>' in html  # folded by default
    assert "Room: Studio B" in html and "Type: Lecture" in html
    assert "Clear filters" in html
    plain = page(client, conference, day="all").content.decode()
    assert "(none active)" in plain and "Clear filters" not in plain
    broken = page(client, conference, room="nope").content.decode()
    assert '<details class="filter-panel" data-filter-panel open>' in broken


def test_now_and_next_while_the_conference_runs(client, week):
    conference, _sessions, _rooms = week
    url = reverse("conference:now", args=[conference.slug])
    # Wednesday 09:30 in Prague: the morning session runs (09:00–10:00 local)
    with time_machine.travel(datetime(2022, 8, 24, 7, 30, tzinfo=UTC), tick=False):
        programme_html = page(client, conference).content.decode()
        response = client.get(url)
    html = response.content.decode()
    assert f'href="{url}"' in programme_html
    now, later = html.split('id="next-title"')
    assert ">Wednesday morning</a>" in now and "Wednesday coffee talk" not in now
    assert ">Wednesday coffee talk</a>" in later and ">Wednesday closing</a>" in later
    assert "Monday" not in later


def test_now_and_next_when_nothing_runs_and_after_the_last_session(client, week):
    conference, _sessions, _rooms = week
    url = reverse("conference:now", args=[conference.slug])
    with time_machine.travel(datetime(2022, 8, 24, 18, tzinfo=UTC), tick=False):
        html = client.get(url).content.decode()
    assert "No session is under way right now." in html
    assert "No more sessions" in html


def test_now_and_next_outside_the_conference_points_to_the_programme(client, week):
    conference, _sessions, _rooms = week
    with time_machine.travel(datetime(2022, 6, 1, tzinfo=UTC), tick=False):
        programme_html = page(client, conference).content.decode()
        response = client.get(reverse("conference:now", args=[conference.slug]))
    assert response.status_code == 200
    assert "shows what is on while the conference runs" in response.content.decode()
    assert reverse("conference:now", args=[conference.slug]) not in programme_html


@pytest.mark.parametrize("extra", [0, 5])
def test_now_and_next_query_count(client, week, extra, django_assert_num_queries):
    conference, _sessions, _rooms = week
    for n in range(extra):
        SessionFactory(
            conference=conference,
            title=f"Parallel {n}",
            starts_at=datetime(2022, 8, 24, 7, tzinfo=UTC),
        )
    # conference; current sessions, people, organisers; next start times; next sessions,
    # people, organisers
    with (
        time_machine.travel(datetime(2022, 8, 24, 7, 30, tzinfo=UTC), tick=False),
        django_assert_num_queries(8),
    ):
        response = client.get(reverse("conference:now", args=[conference.slug]))
    assert response.content.decode().count('<li class="session"') == 3 + extra


def test_warm_programme_page_needs_no_database(client, week, django_assert_num_queries):
    conference, _sessions, _rooms = week
    page(client, conference, day="2022-08-24")
    with django_assert_num_queries(0):
        response = page(client, conference, day="2022-08-24")
    assert len(titles(response)) == 3


def test_first_day_with_an_empty_programme(client, db):
    conference = ConferenceFactory(starts_on=date(2022, 8, 20))
    response = page(client, conference)
    assert response.status_code == 200
    assert "0 sessions" in response.content.decode()


def test_unpublishing_shows_at_once_despite_the_cache(client, week):
    conference, _sessions, _rooms = week
    assert page(client, conference, day="all").status_code == 200
    conference.is_published = False
    conference.save()
    assert page(client, conference, day="all").status_code == 404
    assert client.get(reverse("conference:now", args=[conference.slug])).status_code == 404


def _stable(html: str) -> str:
    import re

    return re.sub(r'(value|nonce)="[^"]*"', "", html)


@pytest.mark.parametrize(
    "params", [{"day": "all"}, {"day": "2022-08-24", "room": "studio"}, {"q": "  coffee "}]
)
def test_warm_page_is_the_page_built_cold(client, week, params):
    conference, _sessions, rooms = week
    if params.get("room"):
        params = {**params, "room": rooms[params["room"]].pk}
    cold = page(client, conference, **params)
    warm = page(client, conference, **params)
    assert cold.status_code == warm.status_code == 200
    assert _stable(warm.content.decode()) == _stable(cold.content.decode())


def test_a_cached_page_does_not_make_a_wrong_filter_valid(client, week):
    conference, _sessions, rooms = week
    assert page(client, conference, day="all", room=rooms["hall"].pk).status_code == 200
    other = RoomFactory(conference=ConferenceFactory(slug="elsewhere"))
    assert page(client, conference, day="all", room=other.pk).status_code == 400
    assert page(client, conference, day="all", room=rooms["hall"].pk).status_code == 200
    assert page(client, conference, day="all", room=f" {rooms['hall'].pk}").status_code == 400
