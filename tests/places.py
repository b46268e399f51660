"""Museums in real places (for timezone, distance and antimeridian tests) and their activities."""

from datetime import UTC, datetime

from .factories import ActivityFactory, MuseumFactory

# name: (country, city, latitude, longitude, timezone)
PLACES = {
    "paris": ("FR", "Paris", 48.8606, 2.3376, "Europe/Paris"),
    "madrid": ("ES", "Madrid", 40.4138, -3.6921, "Europe/Madrid"),
    "tokyo": ("JP", "Tokyo", 35.7188, 139.7765, "Asia/Tokyo"),
    "new_york": ("US", "New York", 40.7794, -73.9632, "America/New_York"),
    "suva": ("FJ", "Suva", -18.1416, 178.4419, "Pacific/Fiji"),
    "apia": ("WS", "Apia", -13.8333, -171.7667, "Pacific/Apia"),
    "papeete": ("PF", "Papeete", -17.5516, -149.5585, "Pacific/Tahiti"),
}


def museum_in(place: str, **overrides):
    country, city, latitude, longitude, zone = PLACES[place]
    values = {
        "name": f"Museum of {city}",
        "country": country,
        "city": city,
        "latitude": latitude,
        "longitude": longitude,
        "timezone": zone,
        **overrides,
    }
    return MuseumFactory(**values)


def activity_in(place: str, *, title: str, starts_at=None, museum=None, **overrides):
    """A published activity at `place` (its museum is created unless given)."""
    museum = museum or museum_in(place)
    return ActivityFactory(
        museum=museum,
        title=title,
        starts_at=starts_at or datetime(2022, 5, 18, 8, tzinfo=UTC),
        **overrides,
    )
