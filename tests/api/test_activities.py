"""/api/v1/activities: published activities as JSON, the list's filters, JSON errors."""

import json
from datetime import UTC, datetime

import pytest

from ..factories import ActivityFactory
from ..places import activity_in

API = "/api/v1/activities"


def get_json(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def api_titles(client, **params) -> list[str]:
    return [item["title"] for item in get_json(client, API, **params)["results"]]


def list_titles(client, **params) -> list[str]:
    response = client.get("/museum-day/activities/", params)
    assert response.status_code == 200
    return [activity.title for activity in response.context["page"].object_list]


def test_item_has_its_page_url_and_times_in_utc(client, db):
    activity = activity_in("tokyo", title="Dawn", starts_at=datetime(2022, 5, 17, 16, tzinfo=UTC))
    page = get_json(client, API)
    assert (page["count"], page["page"], page["pages"]) == (1, 1, 1)
    assert (page["next"], page["previous"]) == (None, None)
    (item,) = page["results"]
    assert item["id"] == activity.pk
    assert item["url"] == f"http://127.0.0.1:8000/museum-day/activities/{activity.pk}/"
    assert item["starts_at"] == "2022-05-17T16:00:00Z"
    assert item["ends_at"] == "2022-05-17T18:00:00Z"
    assert item["local_start"] == "2022-05-18T01:00:00+09:00"
    assert item["timezone"] == "Asia/Tokyo"
    assert (item["edition"], item["country"], item["attendance_mode"]) == (2022, "JP", "offline")
    assert item["museum"]["name"] == "Museum of Tokyo"
    assert item["online_url"] is None


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "ES"},
        {"category": "workshop"},
        {"mode": "online"},
        {"language": "es"},
        {"date_from": "2022-05-18", "date_to": "2022-05-18"},
        {"lat": "-16", "lng": "179.9", "radius": "1000"},
        {"q": "musee"},
        {"edition": "2022", "country": "FR", "q": "nuit"},
    ],
)
def test_filters_give_the_same_activities_as_the_list_page(client, db, params):
    activity_in("paris", title="Nuit au musée", starts_at=datetime(2022, 5, 18, 20, tzinfo=UTC))
    activity_in(
        "madrid",
        title="Taller",
        category="workshop",
        language="es",
        starts_at=datetime(2022, 5, 19, 9, tzinfo=UTC),
    )
    activity_in(
        "tokyo",
        title="Online talk",
        attendance_mode="online",
        online_url="https://example.org/live",
        starts_at=datetime(2022, 5, 17, 16, tzinfo=UTC),
    )
    activity_in("suva", title="Fiji", starts_at=datetime(2022, 5, 18, 1, tzinfo=UTC))
    activity_in("paris", title="Hidden", status="submitted")
    titles = api_titles(client, **params)
    assert titles == list_titles(client, **params)
    assert "Hidden" not in titles


def test_api_filters_pick_the_expected_activities(client, db):
    activity_in("paris", title="Louvre", language="fr")
    activity_in("madrid", title="Prado", language="es")
    assert api_titles(client, country="ES") == ["Prado"]
    assert api_titles(client, language="fr") == ["Louvre"]


@pytest.mark.parametrize("status", ["draft", "submitted", "rejected"])
def test_unpublished_activities_are_not_in_the_api(client, db, status):
    hidden = ActivityFactory(title="Hidden", status=status)
    assert api_titles(client) == []
    body = get_json(client, f"{API}/{hidden.pk}", status=404)
    assert body == {"error": "no published activity with this id"}


def test_one_published_activity(client, published):
    body = get_json(client, f"{API}/{published.pk}")
    assert (body["id"], body["title"]) == (published.pk, "Night of the Louvre")


def test_pages_link_to_each_other_and_keep_the_filters(client, db):
    for hour in range(5):
        ActivityFactory(title=f"A{hour}", starts_at=datetime(2022, 5, 18, hour, tzinfo=UTC))
    first = get_json(client, API, country="FR", page_size="2")
    assert (first["count"], first["pages"], first["previous"]) == (5, 3, None)
    assert [item["title"] for item in first["results"]] == ["A0", "A1"]
    assert first["next"] == "http://testserver/api/v1/activities?country=FR&page_size=2&page=2"
    last = get_json(client, API, country="FR", page_size="2", page="3")
    assert [item["title"] for item in last["results"]] == ["A4"]
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/activities?country=FR&page_size=2&page=2"


@pytest.mark.parametrize("size,count", [("1", 1), ("100", 100)])
def test_page_size_limits_are_accepted(client, db, size, count):
    ActivityFactory.create_batch(101)
    body = get_json(client, API, page_size=size)
    assert len(body["results"]) == count
    assert body["count"] == 101


def test_default_page_size_is_twenty(client, db):
    ActivityFactory.create_batch(21)
    assert len(get_json(client, API)["results"]) == 20


def test_page_out_of_range_is_a_404_with_the_count(client, db):
    ActivityFactory()
    body = get_json(client, API, status=404, page="2")
    assert body == {"error": "page out of range", "count": 1}


@pytest.mark.parametrize(
    "params,message",
    [
        ({"page_size": "0"}, "page_size must be between 1 and 100"),
        ({"page_size": "101"}, "page_size must be between 1 and 100"),
        ({"page_size": "abc"}, "page_size must be a whole number"),
        ({"page_size": "page"}, "page_size must be a whole number"),
        ({"page": "abc"}, "The page must be a whole number."),
        ({"page": "0"}, "The page must be 1 or more."),
        ({"page": "abc", "page_size": "abc"}, "The page must be a whole number."),
        ({"country": "XX"}, "country: Select a valid choice. XX is not one of the available"),
        ({"category": "nope"}, "category: Select a valid choice. nope is not one of the"),
        ({"mode": "x"}, "mode: Select a valid choice. x is not one of the available choices."),
        ({"language": "zz"}, "language: Select a valid choice. zz is not one of the available"),
        ({"lat": "abc", "lng": "1", "radius": "1"}, "lat: Enter a number."),
        ({"radius": "10"}, "To search near a point, give latitude, longitude and radius together."),
        (
            {"date_from": "2022-05-19", "date_to": "2022-05-18"},
            "The start of the date range is after its end.",
        ),
        ({"q": "x" * 10_000}, "q: Ensure this value has at most 200 characters (it has 10000)."),
    ],
)
def test_bad_api_input_is_a_400_json_error(client, db, params, message):
    body = get_json(client, API, status=400, **params)
    assert list(body) == ["error"]
    assert message in body["error"]


def test_search_syntax_in_q_is_not_an_error(client, db):
    activity_in("paris", title="Nuit au musée")
    assert api_titles(client, q='"nuit" NEAR(musee*) -') == []
    assert api_titles(client, q='"musee*') == ["Nuit au musée"]


def test_unknown_api_path_is_a_json_404(client, db):
    for path in ("/api/nope", "/api/v1/activities/", "/api/v2/activities", "/api/v1/activities/x"):
        assert get_json(client, path, status=404) == {"error": "not found"}


def test_writing_to_the_api_is_a_json_405(client, db):
    response = client.post(API, {})
    assert response.status_code == 405
    assert json.loads(response.content) == {"error": "method not allowed"}


def test_huge_activity_id_is_a_404_not_a_crash(client, db):
    get_json(client, f"{API}/99999999999999999999", status=404)
