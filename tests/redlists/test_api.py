"""JSON API: lists, categories, types, search; pagination; clear errors; the OpenAPI entry."""

import pytest

from .builders import make_list


@pytest.fixture
def many(db):
    for number in range(3):
        make_list(f"list-{number}", countries=["ML"] if number else ["PE"], pictures=False)


def test_lists_are_paginated(client, many):
    page = client.get("/api/v1/redlists/lists", {"page_size": 2}).json()
    assert page["count"] == 3 and page["pages"] == 2 and len(page["results"]) == 2
    assert page["next"].endswith("page=2") and page["previous"] is None
    assert page["results"][0]["categories"] == 1 and page["results"][0]["types"] == 2


def test_which_lists_cover_a_country(client, many):
    page = client.get("/api/v1/redlists/lists", {"country": "pe"}).json()
    assert [r["slug"] for r in page["results"]] == ["list-0"]


@pytest.mark.parametrize(
    ("url", "params", "status"),
    [
        ("/api/v1/redlists/lists", {"country": "XX"}, 400),
        ("/api/v1/redlists/lists", {"page": "abc"}, 400),
        ("/api/v1/redlists/lists", {"page_size": "1000"}, 400),
        ("/api/v1/redlists/lists", {"page": "50"}, 404),
        ("/api/v1/redlists/search", {"year_from": "later"}, 400),
        ("/api/v1/redlists/search", {"year_from": "AD 5", "year_to": "5 BC"}, 400),
        ("/api/v1/redlists/lists/nope", {}, 404),
        ("/api/v1/redlists/types/999999", {}, 404),
    ],
)
def test_bad_requests_answer_json_errors(client, many, url, params, status):
    response = client.get(url, params)
    assert response.status_code == status
    assert isinstance(response.json()["error"], str)


def test_search_as_json_shows_list_and_category_number(client, red_list):
    page = client.get("/api/v1/redlists/search", {"q": "bronze", "country": "ML"}).json()
    (item,) = page["results"]
    assert item["title"] == "Bronze bracelet" and item["list"] == "west-africa"
    assert item["number"] == "1.2" and item["category"]["number"] == 1
    assert item["thumbnail"].startswith("http") and item["period"]["start"] == -300


def test_type_detail_has_measurements_and_images(client, red_list):
    object_type = red_list.categories.first().object_types.first()
    data = client.get(f"/api/v1/redlists/types/{object_type.pk}").json()
    assert data["measurements"] == [
        {"dimension": "height", "minimum": 10.0, "maximum": 20.0, "unit": "cm"}
    ]
    assert [i["alt_text"] for i in data["images"]] == [
        "Terracotta figurine seen from the front"
    ] * 2


def test_openapi_describes_the_red_list_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {"/redlists/lists", "/redlists/lists/{slug}", "/redlists/categories/{id}",
            "/redlists/types", "/redlists/types/{id}", "/redlists/types/{id}/linked-art",
            "/redlists/search"} <= set(paths)  # fmt: skip
