"""A visitor's selection without an account: its page, its iCal, and the agenda at registration."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse

from museion.conference.models import AgendaItem, Registration
from museion.conference.selection import MAX_SELECTION

from .factories import CategoryFactory, ConferenceFactory, SessionFactory


@pytest.fixture
def sessions(conference):
    start = datetime(2022, 8, 22, 7, tzinfo=UTC)
    made = [
        SessionFactory(
            conference=conference, title=f"Talk {n}", starts_at=start + timedelta(hours=n)
        )
        for n in range(4)
    ]
    made.append(SessionFactory(conference=conference, title="Hidden draft", is_published=False))
    made.append(SessionFactory(conference=ConferenceFactory(slug="other"), title="Elsewhere"))
    return made


def ids(*sessions) -> str:
    return ",".join(str(s.pk) for s in sessions)


def selection_url(conference, value=None, name="conference:selection"):
    url = reverse(name, args=[conference.slug])
    return url if value is None else f"{url}?ids={value}"


def test_selection_page_shows_the_starred_published_sessions(client, conference, sessions):
    value = ids(sessions[2], sessions[0], sessions[4], sessions[5], sessions[0])
    html = client.get(selection_url(conference, value)).content.decode()
    assert ">Talk 0</a>" in html and ">Talk 2</a>" in html
    assert "Talk 1" not in html and "Hidden draft" not in html and "Elsewhere" not in html
    assert html.index(">Talk 0</a>") < html.index(">Talk 2</a>")
    assert "2 sessions" in html
    ical = reverse("conference:selection_ical", args=[conference.slug])
    assert f'href="{ical}?ids={sessions[0].pk},{sessions[2].pk}' in html


def test_empty_selection_explains_how_to_build_one(client, conference, sessions):
    response = client.get(selection_url(conference))
    assert response.status_code == 200
    assert "Your selection is empty." in response.content.decode()


@pytest.mark.parametrize("value", ["abc", "1,,2", "-3", "1;2", "٣", "0", "99999999999"])
def test_malformed_selection_is_a_clear_400(client, conference, sessions, value):
    for name in ("conference:selection", "conference:selection_ical"):
        response = client.get(selection_url(conference, value, name))
        assert response.status_code == 400
        assert "session numbers separated by commas" in response.content.decode()


def test_selection_is_capped(client, conference, sessions):
    too_many = ",".join(str(n) for n in range(1, MAX_SELECTION + 2))
    for name in ("conference:selection", "conference:selection_ical"):
        response = client.get(selection_url(conference, too_many, name))
        assert response.status_code == 400
        assert f"at most {MAX_SELECTION} sessions" in response.content.decode()
    huge = "1," * 10_000
    assert client.get(selection_url(conference, huge)).status_code == 400
    at_limit = ",".join(str(n) for n in range(1, MAX_SELECTION + 1))
    assert client.get(selection_url(conference, at_limit)).status_code == 200


def test_selection_ical_downloads_only_the_selected_sessions(client, conference, sessions):
    response = client.get(
        selection_url(
            conference, ids(sessions[1], sessions[3], sessions[4]), "conference:selection_ical"
        )
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert body.count("BEGIN:VEVENT") == 2
    assert "SUMMARY:Talk 1" in body and "SUMMARY:Talk 3" in body and "Hidden draft" not in body
    assert "My selection" in body


def test_selection_ical_is_cached_and_follows_edits(
    client, conference, sessions, django_assert_num_queries
):
    url = selection_url(conference, ids(sessions[0]), "conference:selection_ical")
    client.get(url)
    with django_assert_num_queries(0):  # the calendar comes from the cache
        assert "SUMMARY:Talk 0" in client.get(url).content.decode()
    sessions[0].title = "Talk zero, renamed"
    sessions[0].save()
    assert "SUMMARY:Talk zero\\, renamed" in client.get(url).content.decode()


@pytest.mark.parametrize("count", [1, 4])
def test_selection_page_query_count(client, conference, sessions, count, django_assert_num_queries):
    url = selection_url(conference, ids(*sessions[:count]))
    # conference, sessions, their people and organisers; then the page kept for anonymous readers
    with django_assert_num_queries(4):
        response = client.get(url)
    assert response.content.decode().count('<li class="session"') == count
    with django_assert_num_queries(0):
        client.get(url)


def registration_data(category, selection=""):
    return {
        "category": category.pk,
        "name": "Ana Pérez",
        "email": "ana@example.org",
        "country": "ES",
        "consent": "on",
        "selection": selection,
    }


def test_registration_carries_the_selection_into_the_agenda(client, conference, sessions):
    category = CategoryFactory(conference=conference, price=0)
    register = reverse("conference:register", args=[conference.slug])
    chosen = ids(sessions[1], sessions[3], sessions[4], sessions[5])
    response = client.post(register, registration_data(category, chosen))
    assert response.status_code == 302
    registration = Registration.objects.get(email="ana@example.org")
    agenda = AgendaItem.objects.filter(registration=registration)
    assert sorted(agenda.values_list("session__title", flat=True)) == ["Talk 1", "Talk 3"]
    page = client.get(response["Location"]).content.decode()
    assert "Talk 1" in page and "Talk 3" in page


def test_registration_with_a_garbled_selection_keeps_what_was_typed(client, conference, sessions):
    category = CategoryFactory(conference=conference, price=0)
    register = reverse("conference:register", args=[conference.slug])
    response = client.post(register, registration_data(category, "1,two"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your starred sessions could not be read" in html
    assert 'value="Ana Pérez"' in html
    assert not Registration.objects.exists()


def test_registration_without_a_selection_has_an_empty_agenda(client, conference, sessions):
    category = CategoryFactory(conference=conference, price=0)
    register = reverse("conference:register", args=[conference.slug])
    assert client.post(register, registration_data(category)).status_code == 302
    assert not AgendaItem.objects.exists()


def test_waitlisted_registration_keeps_no_agenda(client, conference, sessions):
    category = CategoryFactory(conference=conference, price=0, capacity=0)
    register = reverse("conference:register", args=[conference.slug])
    client.post(register, registration_data(category, ids(sessions[0])))
    assert Registration.objects.get().status == "waitlisted"
    assert not AgendaItem.objects.exists()
