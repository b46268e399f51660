"""The map's cells, counted per edition and cached apart: an edit recounts one edition only.

Grouping every published activity into cells (90,000 rows at scale) is nearly all of a map
answer's cost, and any edit bumps "museumday", so every cached answer misses at once. Yet an
edit changes the activities of one edition, and cells add up: counts and coordinate sums add,
bounds and the first id are minima and maxima. So each edition's cells are kept under their own
version, "museumday-map-<edition id>", bumped when one of its activities is saved or deleted
(or moves to another edition); "museumday-map" covers them all (an edition changed, a bulk
write: code writing activities without signals calls `bump_all()`). The answer is the merge of
the editions' cells, the same as one query over them all.
"""

from django.core.cache import cache
from django.db import connections
from django.db.models import Count, Max, Min, Sum, Value
from django.db.models.signals import post_delete, post_save

from museion.core import versions
from museion.core.geo import BBox

from .mapdata import cell_rows
from .models import Activity, Edition
from .versioning import is_or_was_public, stored_edition

MAP_KIND = "museumday-map"
PARTS = {
    "count": Count("id"),
    "lat": Sum("latitude"),
    "lng": Sum("longitude"),
    "first": Min("id"),
    "south": Min("latitude"),
    "north": Max("latitude"),
    "west": Min("longitude"),
    "east": Max("longitude"),
}


def edition_kind(edition_id: int) -> str:
    return f"{MAP_KIND}-{edition_id}"


def bump_all(using: str | None = None) -> None:
    versions.bump(MAP_KIND, using=using)


def _activity_changed(sender, instance, using=None, **kwargs) -> None:
    if not is_or_was_public(instance):  # drafts and submissions are on no map
        return
    if "edition_id" in instance.get_deferred_fields():  # deleted from .only("id"): not loaded
        bump_all(using)
        return
    editions = {instance.edition_id, stored_edition(instance)} - {None}
    versions.bump(*(edition_kind(edition) for edition in editions), using=using)


def track() -> None:
    """Connect the versions (from the app's ready())."""
    for signal in (post_save, post_delete):
        signal.connect(_activity_changed, sender=Activity, dispatch_uid=f"museumday-map-{signal}")
    versions.track(MAP_KIND, Edition)


def _count(queryset, *, zoom: int, box: BBox, editions: list[int]) -> dict[int, list[tuple]]:
    """{edition id: [(cx, cy, count, lat sum, lng sum, first, south, north, west, east)]}.

    Both read the (status, edition, latitude, longitude, id) index alone. PostgreSQL groups by
    edition too, in one pass. SQLite's planner (without statistics) would read every row for
    an IN (…) list, and sorts for GROUP BY: one SELECT per edition in a UNION ALL, the edition
    a constant (grouping on its column costs a third more).
    """
    if connections[queryset.db].vendor != "sqlite":
        queryset = queryset.filter(edition_id__in=editions)
        parts = [cell_rows(queryset, zoom=zoom, box=box, by=["edition_id"], **PARTS)]
        part = "edition_id"
    else:
        parts = [
            cell_rows(queryset.filter(edition_id=e), zoom=zoom, box=box, part=Value(e), **PARTS)
            for e in editions
        ]
        part = "part"
    found = {edition: [] for edition in editions}
    for row in parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]:
        found[row[part]].append((row["cx"], row["cy"], *(row[name] for name in PARTS)))
    return found


def _merge(parts: list[list[tuple]]) -> list[dict]:
    cells: dict[tuple[int, int], list] = {}
    for part in parts:
        for cx, cy, count, lat, lng, first, south, north, west, east in part:
            cell = cells.get((cx, cy))
            if cell is None:
                cells[cx, cy] = [count, lat, lng, first, south, north, west, east]
                continue
            cell[0] += count
            cell[1] += lat
            cell[2] += lng
            cell[3] = min(cell[3], first)
            cell[4] = min(cell[4], south)
            cell[5] = max(cell[5], north)
            cell[6] = min(cell[6], west)
            cell[7] = max(cell[7], east)
    return [
        {
            "cx": cx,
            "cy": cy,
            "count": count,
            "lat": lat / count,
            "lng": lng / count,
            "first": first,
            "south": south,
            "north": north,
            "west": west,
            "east": east,
        }
        for (cx, cy), (count, lat, lng, first, south, north, west, east) in sorted(cells.items())
    ]


# A smaller box (a city, a region) holds few activities: one query costs less than fetching and
# merging each edition's cells (a world map at zoom 2 is 64,800 square degrees).
SPLIT_SQUARE_DEGREES = 100


def splits(box: BBox) -> bool:
    """Whether the map in `box` is worth counting per edition (edition_cells)."""
    width = box.east - box.west if not box.crosses_antimeridian else 360 - box.west + box.east
    return width * (box.north - box.south) >= SPLIT_SQUARE_DEGREES


def edition_cells(
    queryset, *, zoom: int, box: BBox, editions: list[int], key: str, seconds: int
) -> list[dict]:
    """The cells of `queryset` (which `key` names) over `editions`, ordered by cell: each
    edition's counted once per version of its activities, kept `seconds` at most."""
    numbers = versions.numbers(MAP_KIND, *(edition_kind(edition) for edition in editions))
    keys = {
        edition: (
            f"museumday:map-cells:{key}:{zoom}:{box.west}:{box.south}:{box.east}:{box.north}:"
            f"{edition}@{numbers[MAP_KIND]}.{numbers[edition_kind(edition)]}"
        )
        for edition in editions
    }
    found = cache.get_many(list(keys.values()))
    missing = [edition for edition in editions if keys[edition] not in found]
    if missing:
        counted = _count(queryset, zoom=zoom, box=box, editions=missing)
        cache.set_many({keys[edition]: counted[edition] for edition in missing}, seconds)
        found.update({keys[edition]: counted[edition] for edition in missing})
    return _merge([found[keys[edition]] for edition in editions])
