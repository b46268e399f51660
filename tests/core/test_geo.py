"""Bounding boxes: parsing what map libraries send, and boxes around a point."""

import pytest

from museion.core.geo import BBox, distance_km, parse_bbox, timezone_for


@pytest.mark.parametrize(
    "text,box",
    [
        ("-10,35,10,50", BBox(-10, 35, 10, 50)),
        ("170,-60,-170,0", BBox(170, -60, -170, 0)),
        ("170,-60,190,0", BBox(170, -60, -170, 0)),
        ("-190,-60,-170,0", BBox(170, -60, -170, 0)),
        ("-200,-90,200,90", BBox(-180, -90, 180, 90)),
    ],
)
def test_parse_bbox_brings_longitudes_back_within_180(text, box):
    assert parse_bbox(text) == box


def test_box_crossing_the_antimeridian_says_so():
    assert parse_bbox("170,-60,-170,0").crosses_antimeridian is True
    assert parse_bbox("-10,35,10,50").crosses_antimeridian is False


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "bbox needs four numbers: west,south,east,north"),
        ("1,2,3,4,5", "bbox needs four numbers: west,south,east,north"),
        ("1,2,x,4", "bbox values must be numbers"),
        ("1,2,nan,4", "bbox values must be finite numbers"),
        ("1,91,3,92", "bbox latitudes must be between -90 and 90"),
        ("1,10,3,5", "bbox south must not be greater than north"),
    ],
)
def test_parse_bbox_refuses_bad_input_with_a_reason(text, message):
    with pytest.raises(ValueError, match=message):
        parse_bbox(text)


def test_box_around_a_point_near_the_antimeridian_wraps():
    box = BBox.around(-16, 179.9, 1000)
    assert box.crosses_antimeridian
    assert (round(box.west, 2), round(box.east, 2)) == (170.54, -170.74)
    assert (round(box.south, 2), round(box.north, 2)) == (-24.99, -7.01)


def test_box_around_a_point_near_the_pole_spans_every_longitude():
    box = BBox.around(89, 0, 500)
    assert (box.west, box.east, box.north) == (-180.0, 180.0, 90.0)


def test_distance_between_louvre_and_prado():
    assert round(distance_km(48.8606, 2.3376, 40.4138, -3.6921)) == 1053


def test_timezone_of_a_place_is_the_nearest_zone_of_its_country():
    assert timezone_for("US", 40.78, -73.96) == "America/New_York"
    assert timezone_for("US", 34.05, -118.24) == "America/Los_Angeles"
    assert timezone_for("FR") == "Europe/Paris"
    assert timezone_for("XX") == "UTC"


@pytest.mark.parametrize(
    "country,lat,lng,zone",
    [
        # Nearest-city guesses got these wrong (Boise, Phoenix, Kentucky, Vincennes).
        ("US", 47.6062, -122.3321, "America/Los_Angeles"),  # Seattle
        ("US", 35.0844, -106.6504, "America/Denver"),  # Albuquerque, which keeps DST
        ("US", 33.5186, -86.8104, "America/Chicago"),  # Birmingham, Alabama
        ("US", 38.627, -90.1994, "America/Chicago"),  # St. Louis
        ("FJ", -18.1248, 178.4501, "Pacific/Fiji"),
        ("RE", -21.1151, 55.5364, "Indian/Reunion"),
    ],
)
def test_timezone_of_a_place_follows_timezone_boundaries(country, lat, lng, zone):
    assert timezone_for(country, lat, lng) == zone


def test_timezone_at_sea_falls_back_to_the_countrys_nearest_zone():
    assert timezone_for("FR", 47.0, -6.0) == "Europe/Paris"
