"""Clusters say what they cover; a cluster at one place lists its activities; the map page
opens on the coming edition and knows where its results are."""

import json
from datetime import UTC, date, datetime

import pytest

from ..factories import ActivityFactory, EditionFactory, MuseumFactory

PLACE = "/museum-day/map/place.json"


@pytest.fixture
def louvre(db):
    museum = MuseumFactory(name="Louvre", latitude=48.861, longitude=2.336)
    old, new = EditionFactory(year=2022), EditionFactory(year=2025, date=date(2025, 5, 18))
    ActivityFactory(museum=museum, edition=old, title="Louvre 2022")
    ActivityFactory(
        museum=museum,
        edition=new,
        title="Louvre 2025",
        starts_at=datetime(2025, 5, 18, 16, tzinfo=UTC),
    )
    ActivityFactory(museum=museum, edition=new, title="Draft", status="draft")
    return museum


def test_a_cluster_at_one_place_says_so_even_at_the_deepest_zoom(client, louvre):
    data = json.loads(client.get("/museum-day/map.geojson", {"zoom": "18"}).content)
    (cluster,) = data["features"]
    assert cluster["properties"] == {
        "cluster": True,
        "count": 2,
        "bounds": [2.336, 48.861, 2.336, 48.861],
        "one_place": True,
    }


def test_a_cluster_over_a_region_gives_its_bounds(client, db):
    ActivityFactory(museum=MuseumFactory(latitude=48.86, longitude=2.33))
    ActivityFactory(museum=MuseumFactory(latitude=45.76, longitude=4.83))
    data = json.loads(client.get("/museum-day/map.geojson", {"zoom": "2"}).content)
    (cluster,) = data["features"]
    assert cluster["properties"]["bounds"] == [2.33, 45.76, 4.83, 48.86]
    assert cluster["properties"]["one_place"] is False


def test_place_lists_the_published_activities_in_start_order_in_local_time(client, louvre):
    response = client.get(PLACE, {"bbox": "2.33,48.86,2.34,48.87"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 2
    assert [(a["title"], a["when"], a["museum"]) for a in data["activities"]] == [
        ("Louvre 2022", "18 May 2022, 10:00", "Louvre"),
        ("Louvre 2025", "18 May 2025, 18:00", "Louvre"),
    ]
    assert data["activities"][0]["url"].startswith("/museum-day/activities/")


def test_place_keeps_the_filters(client, louvre):
    data = client.get(PLACE, {"bbox": "2.33,48.86,2.34,48.87", "edition": "2025"}).json()
    assert [a["title"] for a in data["activities"]] == ["Louvre 2025"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "bbox is required: west,south,east,north"),
        ({"bbox": "1,2,3"}, "bbox needs four numbers: west,south,east,north"),
        ({"bbox": "2,48,3,49", "country": "XX"}, "Select a valid choice."),
    ],
)
def test_place_with_bad_input_is_a_400_json_error(client, db, params, message):
    response = client.get(PLACE, params)
    assert response.status_code == 400
    assert message in response.json()["error"]


def test_place_reads_a_fixed_number_of_queries(client, louvre, django_assert_num_queries):
    for _ in range(5):
        ActivityFactory(museum=louvre, edition=louvre.activities.first().edition)
    # the rows (museum and edition joined), their translations
    with django_assert_num_queries(2):
        assert client.get(PLACE, {"bbox": "2.33,48.86,2.34,48.87"}).json()["total"] == 7


def test_map_page_opens_on_the_coming_edition_and_its_results(client, louvre):
    config = json.loads(client.get("/museum-day/map/").context["map_config"])
    assert "edition=2025" in config["query"]
    assert config["bounds"] == [2.336, 48.861, 2.336, 48.861]
    every = json.loads(client.get("/museum-day/map/", {"edition": ""}).context["map_config"])
    assert every["query"] == ""
