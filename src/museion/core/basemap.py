"""The world basemap shipped with the app (Natural Earth 1:110m countries, public domain), read
once per process and projected to SVG paths for maps drawn on the server."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BASEMAP_PATH = Path(__file__).parent / "static" / "core" / "world" / "countries.geojson"
BASEMAP_STATIC = "core/world/countries.geojson"
# Equirectangular, cropped to where people live: Antarctica and the far north add only width.
NORTH, SOUTH = 84.0, -58.0


@dataclass(frozen=True)
class CountryShape:
    iso: str  # ISO 3166-1 alpha-2; empty for territories without a code
    name: str
    path: str  # SVG path data in the map's coordinates


@dataclass(frozen=True)
class WorldMap:
    width: int
    height: int
    shapes: tuple[CountryShape, ...]

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


@cache
def basemap_features() -> tuple[dict, ...]:
    with BASEMAP_PATH.open(encoding="utf-8") as source:
        return tuple(json.load(source)["features"])


def _rings(geometry: dict) -> list[list[list[float]]]:
    if geometry["type"] == "Polygon":
        return list(geometry["coordinates"])
    return [ring for polygon in geometry["coordinates"] for ring in polygon]


def split_at_antimeridian(ring: list[list[float]]) -> list[list[list[float]]]:
    """A ring that jumps from one edge of the map to the other (Russia, Fiji) as one piece per
    side, each closing along its edge, so no stroke runs across the whole map."""
    jumps = [i + 1 for i in range(len(ring) - 1) if abs(ring[i + 1][0] - ring[i][0]) > 180]
    if not jumps:
        return [ring]
    start = jumps[0]
    rotated = ring[start:-1] + ring[:start]  # the closing point repeats the first: drop it
    pieces, piece = [], [rotated[0]]
    for previous, current in zip(rotated, rotated[1:], strict=False):
        if abs(current[0] - previous[0]) > 180:
            pieces.append(piece)
            piece = []
        piece.append(current)
    pieces.append(piece)
    return [piece for piece in pieces if len(piece) > 2]


@cache
def world_map(width: int = 1000) -> WorldMap:
    """Every country but Antarctica as an SVG path, x from longitude and y from latitude."""
    height = round(width * (NORTH - SOUTH) / 360)

    def point(lon: float, lat: float) -> str:
        x = (lon + 180) / 360 * width
        y = (NORTH - max(SOUTH, min(NORTH, lat))) / (NORTH - SOUTH) * height
        return f"{x:.1f},{y:.1f}"

    shapes = []
    for feature in basemap_features():
        iso = feature["properties"]["iso"]
        if iso == "AQ":
            continue
        path = "".join(
            "M" + "L".join(point(lon, lat) for lon, lat in ring) + "Z"
            for whole in _rings(feature["geometry"])
            for ring in split_at_antimeridian(whole)
        )
        shapes.append(CountryShape(iso=iso, name=feature["properties"]["name"], path=path))
    return WorldMap(width=width, height=height, shapes=tuple(shapes))
