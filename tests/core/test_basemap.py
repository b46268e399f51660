"""The shipped world basemap: every country with its code, projected where a reader expects it."""

import re

from museion.core.basemap import basemap_features, split_at_antimeridian, world_map

POINT = re.compile(r"([\d.]+),([\d.]+)")


def test_basemap_has_the_countries_of_the_world_with_their_codes():
    codes = {feature["properties"]["iso"] for feature in basemap_features()}
    assert len(basemap_features()) == 177
    assert {"FR", "US", "BR", "CN", "ZA", "AU", "IN", "XK"} <= codes


def test_world_map_projects_countries_inside_the_frame_and_leaves_out_antarctica():
    world = world_map(1000)
    shapes = {shape.iso: shape for shape in world.shapes}
    assert world.view_box == "0 0 1000 394"
    assert "AQ" not in shapes
    for shape in world.shapes:
        for x, y in POINT.findall(shape.path):
            assert 0 <= float(x) <= 1000 and 0 <= float(y) <= 394


def test_world_map_puts_germany_in_central_europe_and_australia_south_east():
    shapes = {shape.iso: shape for shape in world_map(1000).shapes}

    def centre(iso):
        points = [(float(x), float(y)) for x, y in POINT.findall(shapes[iso].path)]
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)

    germany_x, germany_y = centre("DE")
    australia_x, australia_y = centre("AU")
    assert 510 < germany_x < 545 and 75 < germany_y < 110
    assert australia_x > 850 and australia_y > 250


def test_rings_across_the_antimeridian_are_drawn_on_each_side_without_a_stroke_across():
    shapes = {shape.iso: shape for shape in world_map(1000).shapes}
    for iso in ("RU", "FJ"):
        for subpath in shapes[iso].path.split("M")[1:]:
            xs = [float(x) for x, _ in POINT.findall(subpath)]
            assert max(xs) - min(xs) < 500, iso


def test_split_at_antimeridian_keeps_a_plain_ring_whole():
    ring = [[0, 0], [10, 0], [10, 10], [0, 0]]
    assert split_at_antimeridian(ring) == [ring]
    crossing = [[170, 0], [180, 0], [-180, 0], [-170, 0], [-170, 5], [-180, 5], [180, 5], [170, 0]]
    assert split_at_antimeridian(crossing) == [
        [[-180, 0], [-170, 0], [-170, 5], [-180, 5]],
        [[180, 5], [170, 0], [180, 0]],
    ]
