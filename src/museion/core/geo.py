"""Small geography helpers: timezone of a place, distances, bounding boxes."""

import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from timezonefinder import TimezoneFinder

EARTH_RADIUS_KM = 6371.0088
_COORD = re.compile(r"([+-]\d{4,7})([+-]\d{5,8})")


def _iso6709(value: str, degree_digits: int) -> float:
    sign = -1 if value[0] == "-" else 1
    digits = value[1:]
    degrees = int(digits[:degree_digits])
    minutes = int(digits[degree_digits : degree_digits + 2])
    seconds = int(digits[degree_digits + 2 :] or 0)
    return sign * (degrees + minutes / 60 + seconds / 3600)


@cache
def _zones_by_country() -> dict[str, list[tuple[str, float, float]]]:
    """Country code → [(zone, lat, lon)] read from the tz database's zone.tab."""
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    zones: dict[str, list[tuple[str, float, float]]] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        country, coords, zone = line.split("\t")[:3]
        match = _COORD.match(coords)
        if not match:
            continue
        lat = _iso6709(match.group(1), 2)
        lon = _iso6709(match.group(2), 3)
        zones.setdefault(country, []).append((zone, lat, lon))
    return zones


@cache
def _finder() -> TimezoneFinder:
    return TimezoneFinder(in_memory=True)


def timezone_for(
    country: str, latitude: float | None = None, longitude: float | None = None
) -> str:
    """The IANA timezone of a place: from the timezone boundaries when the point is known;
    else (or at sea) the country's zone nearest to the point, or the country's main zone."""
    if latitude is not None and longitude is not None:
        zone = _finder().timezone_at(lng=longitude, lat=latitude)
        if zone and not zone.startswith("Etc/"):
            return zone
    zones = _zones_by_country().get((country or "").upper())
    if not zones:
        return "UTC"
    if len(zones) == 1 or latitude is None or longitude is None:
        return zones[0][0]
    return min(zones, key=lambda z: distance_km(latitude, longitude, z[1], z[2]))[0]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class BBox:
    """A bounding box; west > east means it crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @property
    def crosses_antimeridian(self) -> bool:
        return self.west > self.east

    @classmethod
    def around(cls, lat: float, lon: float, radius_km: float) -> "BBox":
        dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
        coslat = max(math.cos(math.radians(lat)), 1e-6)
        dlon = min(180.0, math.degrees(radius_km / (EARTH_RADIUS_KM * coslat)))
        west, east = lon - dlon, lon + dlon
        if dlon >= 180:
            west, east = -180.0, 180.0
        else:
            west = west + 360 if west < -180 else west
            east = east - 360 if east > 180 else east
        return cls(west, max(-90.0, lat - dlat), east, min(90.0, lat + dlat))


def parse_bbox(value: str) -> BBox:
    """Parse "west,south,east,north" in degrees; raise ValueError with a reason."""
    parts = value.split(",")
    if len(parts) != 4:
        raise ValueError("bbox needs four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise ValueError("bbox values must be numbers") from None
    if not all(map(math.isfinite, (west, south, east, north))):
        raise ValueError("bbox values must be finite numbers")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ValueError("bbox latitudes must be between -90 and 90")
    if south > north:
        raise ValueError("bbox south must not be greater than north")
    if east - west >= 360:
        west, east = -180.0, 180.0
    # Map libraries report longitudes beyond ±180 when the view wraps; bring them back.
    west = ((west + 180) % 360) - 180 if not -180 <= west <= 180 else west
    east = ((east + 180) % 360) - 180 if not -180 <= east <= 180 else east
    return BBox(west, south, east, north)
