"""The map's GeoJSON: server-side clusters by zoom, bounding boxes, the antimeridian, errors."""

import json

import pytest

from museion.museumday import services

from ..factories import ActivityFactory
from ..places import activity_in, museum_in

GEOJSON = "/museum-day/map.geojson"


def geojson(client, **params) -> dict:
    response = client.get(GEOJSON, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    return data


def total(data) -> int:
    return sum(f["properties"].get("count", 1) for f in data["features"])


def titles(data) -> list[str]:
    return sorted(f["properties"]["title"] for f in data["features"])


@pytest.fixture
def world(db):
    paris = museum_in("paris")
    for i in range(3):
        activity_in("paris", title=f"Paris {i}", museum=paris, latitude=48.86 + i / 10)
    madrid = museum_in("madrid")
    for i in range(2):
        activity_in("madrid", title=f"Madrid {i}", museum=madrid, latitude=40.41 + i / 10)
    activity_in("tokyo", title="Tokyo")
    activity_in("suva", title="Fiji")
    activity_in("apia", title="Samoa")
    activity_in("papeete", title="Tahiti")
    for status in ("draft", "submitted", "rejected"):
        activity_in("paris", title=f"Hidden {status}", museum=paris, status=status)


def test_clusters_at_zoom_two_add_up_to_the_published_activities(client, world):
    data = geojson(client, zoom="2")
    assert data["zoom"] == 2
    assert total(data) == 9
    clusters = sorted(
        f["properties"]["count"] for f in data["features"] if f["properties"].get("cluster")
    )
    assert clusters == [2, 3]


def test_clusters_count_only_the_filtered_activities(client, world):
    assert total(geojson(client, zoom="2", country="FR")) == 3
    assert total(geojson(client, zoom="2", q="madrid")) == 2


def test_high_zoom_returns_single_activities_with_their_page(client, world):
    data = geojson(client, zoom="14", bbox="2.2,48.8,2.5,49.1")
    assert titles(data) == ["Paris 0", "Paris 1", "Paris 2"]
    feature = next(f for f in data["features"] if f["properties"]["title"] == "Paris 0")
    pk = feature["properties"]["id"]
    assert feature["properties"]["url"] == f"/museum-day/activities/{pk}/"
    assert feature["geometry"] == {"type": "Point", "coordinates": [2.3376, 48.86]}
    assert client.get(feature["properties"]["url"]).status_code == 200


def test_bbox_keeps_only_the_activities_inside(client, world):
    data = geojson(client, zoom="10", bbox="-10,35,10,50")
    assert titles(data) == ["Madrid 0", "Madrid 1", "Paris 0", "Paris 1", "Paris 2"]


def test_bbox_across_the_antimeridian_returns_both_sides(client, world):
    data = geojson(client, zoom="10", bbox="170,-60,-170,0")
    assert titles(data) == ["Fiji", "Samoa"]


def test_bbox_beyond_180_as_sent_by_a_wrapped_map_is_understood(client, world):
    assert titles(geojson(client, zoom="10", bbox="170,-60,190,0")) == ["Fiji", "Samoa"]


def test_an_activity_without_coordinates_is_left_off_the_map(client, db):
    ActivityFactory(
        title="Online",
        attendance_mode="online",
        online_url="https://example.org",
        latitude=None,
        longitude=None,
    )
    assert geojson(client, zoom="2")["features"] == []


@pytest.mark.parametrize(
    "params,message",
    [
        ({"bbox": "1,2,3"}, "bbox needs four numbers: west,south,east,north"),
        ({"bbox": "a,b,c,d"}, "bbox values must be numbers"),
        ({"bbox": "0,0,inf,1"}, "bbox values must be finite numbers"),
        ({"bbox": "0,-95,10,10"}, "bbox latitudes must be between -90 and 90"),
        ({"bbox": "0,20,10,10"}, "bbox south must not be greater than north"),
        ({"zoom": "19"}, "zoom must be a whole number from 0 to 18"),
        ({"zoom": "-1"}, "zoom must be a whole number from 0 to 18"),
        ({"zoom": "2.5"}, "zoom must be a whole number from 0 to 18"),
        ({"zoom": "many"}, "zoom must be a whole number from 0 to 18"),
        ({"country": "XX"}, "country: Select a valid choice. XX is not one of the available"),
    ],
)
def test_bad_map_input_is_a_400_json_error(client, db, params, message):
    response = client.get(GEOJSON, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert message in json.loads(response.content)["error"]


def test_map_shows_a_publication_at_once(client, staff, world):
    assert total(geojson(client, zoom="2")) == 9
    submitted = ActivityFactory(title="New", status="submitted", latitude=10, longitude=10)
    assert total(geojson(client, zoom="2")) == 9
    services.publish_activity(moderator=staff, activity=submitted)
    assert total(geojson(client, zoom="2")) == 10


@pytest.mark.parametrize("zoom", [0, 2, 7, 18])
def test_cell_index_is_the_floor_on_every_database(db, zoom):
    import math

    from django.db.models import F

    from museion.museumday.mapdata import CellIndex, cell_degrees
    from museion.museumday.models import Activity

    from ..factories import ActivityFactory

    points = [(-89.9, -179.99), (-0.0001, -0.0001), (0.0, 0.0), (12.5, 42.1875), (89.9, 179.99)]
    for lat, lng in points:
        ActivityFactory(latitude=lat, longitude=lng)
    size = cell_degrees(zoom)
    rows = Activity.objects.annotate(
        cx=CellIndex(F("longitude"), size), cy=CellIndex(F("latitude"), size)
    ).values_list("longitude", "latitude", "cx", "cy")
    assert sorted((cx, cy) for _lng, _lat, cx, cy in rows) == sorted(
        (math.floor(lng / size), math.floor(lat / size)) for lat, lng in points
    )


def test_map_popups_use_the_readers_translation(client, published):
    from museion.museumday.models import ActivityTranslation

    ActivityTranslation.objects.create(
        activity=published,
        language="es",
        status="approved",
        title="Noche en el Louvre",
        description="Visita nocturna.",
    )
    published.save()

    def titles(language):
        data = client.get("/museum-day/map.geojson?zoom=18", HTTP_ACCEPT_LANGUAGE=language).json()
        return [f["properties"]["title"] for f in data["features"]]

    assert titles("es") == ["Noche en el Louvre"]
    assert titles("en") == ["Night of the Louvre"]
