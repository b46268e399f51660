"""GeoJSON for the world map, clustered on the server by zoom level and bounding box.

The world is cut into square cells of CELL_PIXELS screen pixels at the requested zoom; each cell
with activities becomes one feature (a cluster with its count, or the activity itself). The
bounding box is first grown to whole cells: a cell at the edge of the view is counted whole, and
the views of nearby visitors share one cached answer.
"""

import math

from django.db.models import Avg, Count, F, Func, IntegerField, Max, Min
from django.urls import reverse

from museion.core.geo import BBox

from .filters import bbox_filter
from .queries import with_reader_translation

CELL_PIXELS = 60
TILE_PIXELS = 256
MAX_ZOOM = 18


def cell_degrees(zoom: int) -> float:
    return 360.0 / (2**zoom) / (TILE_PIXELS / CELL_PIXELS)


def snap_to_cells(box: BBox, size: float) -> BBox:
    """`box` grown outwards to the edges of the cells of `size` degrees it touches."""
    south = max(-90.0, math.floor(box.south / size) * size)
    north = min(90.0, (math.floor(box.north / size) + 1) * size)
    west = math.floor(box.west / size) * size
    east = (math.floor(box.east / size) + 1) * size
    if not box.crosses_antimeridian:
        return BBox(max(-180.0, west), south, min(180.0, east), north)
    if west <= east:  # grown across the whole world
        return BBox(-180.0, south, 180.0, north)
    return BBox(west, south, east, north)


class CellIndex(Func):
    """floor(value / size): the index of the cell of `size` degrees that holds `value`.

    SQLite's FLOOR is a Python function Django registers, called for every row; integer CAST
    is native but truncates towards zero, so the value is first shifted to be positive.
    """

    output_field = IntegerField()

    def __init__(self, expression, size: float):
        self.size = size
        super().__init__(expression / size)

    def as_sql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="FLOOR", **extra)

    def as_sqlite(self, compiler, connection, **extra):
        shift = math.ceil(180 / self.size) + 1
        template = f"(CAST(%(expressions)s + {shift} AS INTEGER) - {shift})"
        return super().as_sql(compiler, connection, template=template, **extra)


ONE_PLACE_DEGREES = 0.0002  # about 20 m: the same building


def is_one_place(cell: dict) -> bool:
    return (
        cell["north"] - cell["south"] <= ONE_PLACE_DEGREES
        and cell["east"] - cell["west"] <= ONE_PLACE_DEGREES
    )


def cell_rows(queryset, *, zoom: int, box: BBox, by=(), **aggregates):
    """`aggregates` of the activities of `queryset` in `box`, per cell ("cx", "cy") and `by`."""
    size = cell_degrees(zoom)
    return (
        bbox_filter(queryset.filter(latitude__isnull=False, longitude__isnull=False), box)
        .annotate(cx=CellIndex(F("longitude"), size), cy=CellIndex(F("latitude"), size))
        .order_by()
        .values(*by, "cx", "cy")
        .annotate(**aggregates)
    )


def clustered_features(queryset, *, zoom: int, box: BBox, cells=None) -> dict:
    """The map's features; `cells` (see mapcells) saves counting them in one query here."""
    if cells is None:
        cells = cell_rows(
            queryset,
            zoom=zoom,
            box=box,
            count=Count("id"),
            lat=Avg("latitude"),
            lng=Avg("longitude"),
            first=Min("id"),
            south=Min("latitude"),
            north=Max("latitude"),
            west=Min("longitude"),
            east=Max("longitude"),
        )
    features, single_ids = [], []
    for cell in cells:
        features.append(cell)
        if cell["count"] == 1:
            single_ids.append(cell["first"])
    singles = {
        activity.pk: activity
        for activity in with_reader_translation(
            queryset.model.objects.filter(pk__in=single_ids).only(
                "id", "title", "language", "latitude", "longitude", "category", "attendance_mode"
            )
        )
    }
    out = []
    for cell in features:
        if cell["count"] == 1 and cell["first"] in singles:
            activity = singles[cell["first"]]
            out.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [round(activity.longitude, 5), round(activity.latitude, 5)],
                    },
                    "properties": {
                        "id": activity.pk,
                        "title": activity.for_reader.title,
                        "url": reverse("museumday:activity", kwargs={"pk": activity.pk}),
                        "category": activity.category,
                        "mode": activity.attendance_mode,
                    },
                }
            )
        else:
            out.append(
                {
                    "type": "Feature",
                    "geometry": {
                        "type": "Point",
                        "coordinates": [round(cell["lng"], 4), round(cell["lat"], 4)],
                    },
                    "properties": {
                        "cluster": True,
                        "count": cell["count"],
                        # What the cluster covers: the map zooms to it, and when its activities
                        # share one place (every demo museum has one a year) it lists them.
                        "bounds": [
                            round(cell["west"], 5),
                            round(cell["south"], 5),
                            round(cell["east"], 5),
                            round(cell["north"], 5),
                        ],
                        "one_place": is_one_place(cell),
                    },
                }
            )
    return {"type": "FeatureCollection", "zoom": zoom, "features": out}
