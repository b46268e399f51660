"""The map counted per edition and merged: the same answer as one query, and every edit shows."""

import json
from datetime import UTC, datetime

import pytest

from museion.core.geo import BBox, parse_bbox
from museion.museumday.filters import ActivitySearchForm
from museion.museumday.mapcells import edition_cells, splits
from museion.museumday.mapdata import cell_degrees, clustered_features, snap_to_cells
from museion.museumday.models import Edition
from museion.museumday.queries import public_activities

from ..factories import ActivityFactory, EditionFactory
from ..places import PLACES, activity_in

GEOJSON = "/museum-day/map.geojson"


@pytest.fixture
def editions(db):
    """Activities of three editions around the world, several to a place, some hidden."""
    made = [EditionFactory(year=year) for year in (2022, 2023, 2024)]
    for number, place in enumerate(PLACES):
        for copy in range(number % 3 + 1):
            edition = made[(number + copy) % 3]
            _country, _city, lat, lng, _zone = PLACES[place]
            activity_in(
                place,
                title=f"{place} {copy}",
                edition=edition,
                latitude=lat + copy / 100,
                longitude=lng - copy / 100,
                starts_at=datetime(edition.year, 5, 18, 8, tzinfo=UTC),
            )
    activity_in("paris", title="Draft", edition=made[0], status="draft")
    activity_in("paris", title="On the line", edition=made[1], latitude=0.0, longitude=0.0)
    activity_in("suva", title="At 180", edition=made[2], latitude=-18.0, longitude=180.0)
    return made


def features(data: dict) -> list:
    return sorted(data["features"], key=lambda f: json.dumps(f, sort_keys=True))


@pytest.mark.parametrize(
    "zoom,bbox,params",
    [
        (0, None, {}),
        (2, None, {}),
        (2, None, {"edition": "2023"}),
        (3, None, {"country": "FR"}),
        (5, "-30,20,20,60", {}),
        (7, "170,-60,-140,0", {}),  # across the antimeridian
        (9, "-10,-5,10,5", {}),  # a point on the cell lines of every zoom
        (14, "2.2,48.8,2.5,49.1", {}),
    ],
)
def test_cells_merged_from_each_edition_make_the_one_query_answer(editions, zoom, bbox, params):
    form = ActivitySearchForm(params)
    assert form.is_valid(), form.errors
    queryset = form.filter(public_activities())
    box = snap_to_cells(parse_bbox(bbox) if bbox else BBox(-180, -90, 180, 90), cell_degrees(zoom))
    years = [int(params["edition"])] if "edition" in params else [e.year for e in editions]
    ids = [Edition.objects.get(year=year).pk for year in years]
    merged = edition_cells(
        queryset, zoom=zoom, box=box, editions=ids, key=form.cache_key(), seconds=60
    )
    expected = clustered_features(queryset, zoom=zoom, box=box)
    assert expected["features"], "the case should show something"
    assert features(clustered_features(queryset, zoom=zoom, box=box, cells=merged)) == features(
        expected
    )


def geojson(client, **params) -> dict:
    response = client.get(GEOJSON, {"zoom": "2", **params})
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def counts(data: dict) -> list[int]:
    return sorted(f["properties"].get("count", 1) for f in data["features"])


def test_an_edit_in_one_edition_shows_while_the_others_stay_counted(client, editions):
    before = geojson(client)
    tokyo = ActivityFactory(edition=editions[0], latitude=35.7, longitude=139.7)
    assert sum(counts(geojson(client))) == sum(counts(before)) + 1
    tokyo.latitude, tokyo.longitude = -33.9, 18.4  # moved to Cape Town
    tokyo.save()
    cape_town = geojson(client, zoom="10", bbox="18,-34.5,19,-33.5")
    assert [f["properties"]["id"] for f in cape_town["features"]] == [tokyo.pk]
    tokyo.delete()
    assert counts(geojson(client)) == counts(before)


def test_an_activity_moved_to_another_edition_leaves_the_first_one(client, editions):
    activity = ActivityFactory(edition=editions[0], latitude=-40.0, longitude=-70.0)
    first = sum(counts(geojson(client, edition="2022")))
    second = sum(counts(geojson(client, edition="2023")))
    activity.edition = editions[1]
    activity.save()
    assert sum(counts(geojson(client, edition="2022"))) == first - 1
    assert sum(counts(geojson(client, edition="2023"))) == second + 1


def test_an_activity_deleted_without_its_edition_loaded_leaves_the_map(client, editions):
    ActivityFactory(edition=editions[2], title="Gone", latitude=-40.0, longitude=-70.0)
    total = sum(counts(geojson(client)))
    public_activities().filter(title="Gone").only("id").delete()
    assert sum(counts(geojson(client))) == total - 1


@pytest.mark.parametrize(
    "bbox,split",
    [("-180,-90,180,90", True), ("170,-60,-170,-20", True), ("2.2,48.8,2.5,49.1", False)],
)
def test_only_a_wide_map_is_counted_per_edition(bbox, split):
    assert splits(parse_bbox(bbox)) is split
