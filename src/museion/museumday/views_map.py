"""The world map: its page, the clustered GeoJSON, and the activities of one place."""

import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Max, Min
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from museion.core.api import form_errors_message, json_error
from museion.core.geo import BBox, parse_bbox
from museion.core.page_cache import public_page
from museion.core.templatetags.museion import zoned

from . import queries
from .filters import bbox_filter, edition_ids
from .mapcells import edition_cells, splits
from .mapdata import MAX_ZOOM, cell_degrees, clustered_features, snap_to_cells
from .queries import public_activities

PLACE_LIMIT = 50


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def activity_map(request):
    form, queryset = queries.search(request.GET, default_edition=True)
    status = 200 if queryset is not None else 400
    filters = form.active_filters() if queryset is not None else {}
    context = {
        "form": form,
        "map_config": map_config(form if queryset is not None else None, filters),
    }
    return render(request, "museumday/map.html", context, status=status)


def result_bounds(form, queryset) -> list[float] | None:
    """[west, south, east, north] of the filtered activities on the map, or None."""

    def compute():
        box = (
            queryset.filter(latitude__isnull=False, longitude__isnull=False)
            .order_by()
            .aggregate(
                west=Min("longitude"),
                south=Min("latitude"),
                east=Max("longitude"),
                north=Max("latitude"),
            )
        )
        if box["west"] is None:
            return None
        return [box["west"], box["south"], box["east"], box["north"]]

    key = f"bounds:{form.cache_key()}"
    return queries.public_read(key, compute, queries.MAP_CACHE_SECONDS)


def map_config(form, filters: dict) -> str:
    """What map.js needs: tiles, the basemap, the filters in force and where their results are."""
    bounds = None
    if form is not None and form.is_valid():
        bounds = result_bounds(form, form.filter(public_activities()))
    return json.dumps(
        {
            "tiles": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "basemap": static("core/world/countries.geojson"),
            "query": urlencode(filters),
            "bounds": bounds,
            "place": reverse("museumday:map_place"),
        }
    )


def _zoom_and_box(request) -> tuple[int, BBox]:
    try:
        zoom = int(request.GET.get("zoom", "2"))
    except ValueError:
        raise ValueError(f"zoom must be a whole number from 0 to {MAX_ZOOM}") from None
    if not 0 <= zoom <= MAX_ZOOM:
        raise ValueError(f"zoom must be a whole number from 0 to {MAX_ZOOM}")
    box = parse_bbox(request.GET["bbox"]) if request.GET.get("bbox") else BBox(-180, -90, 180, 90)
    return zoom, box


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def map_geojson(request):
    form, queryset = queries.search(request.GET)
    if queryset is None:
        return json_error(form_errors_message(form))
    try:
        zoom, box = _zoom_and_box(request)
    except ValueError as error:
        return json_error(str(error))
    box = snap_to_cells(box, cell_degrees(zoom))

    def geojson() -> bytes:
        cells = None
        if splits(box):
            year = form.cleaned_data.get("edition")
            editions = [edition_ids().get(year, 0)] if year else sorted(edition_ids().values())
            cells = edition_cells(
                queryset,
                zoom=zoom,
                box=box,
                editions=editions,
                key=form.cache_key(),
                seconds=queries.MAP_CACHE_SECONDS,
            )
        data = clustered_features(queryset, zoom=zoom, box=box, cells=cells)
        return json.dumps(data, cls=DjangoJSONEncoder, separators=(",", ":")).encode()

    key = (
        f"map:{get_language()}:{form.cache_key()}:{zoom}:"
        f"{box.west}:{box.south}:{box.east}:{box.north}"
    )
    body = queries.public_read(key, geojson, queries.MAP_CACHE_SECONDS)
    return HttpResponse(body, content_type="application/geo+json")


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def map_place(request):
    """The activities inside `bbox` (a cluster whose activities share one place), as a list
    the map shows in a popup: title, link, local start; at most PLACE_LIMIT, and the total."""
    form, queryset = queries.search(request.GET)
    if queryset is None:
        return json_error(form_errors_message(form))
    if not request.GET.get("bbox"):
        return json_error("bbox is required: west,south,east,north")
    try:
        box = parse_bbox(request.GET["bbox"])
    except ValueError as error:
        return json_error(str(error))
    inside = bbox_filter(queryset, box)
    rows = list(
        queries.listing(queries.with_reader_translation(inside)).only(
            "id",
            "title",
            "language",
            "starts_at",
            "timezone",
            "museum__name",
            "edition__year",
        )[: PLACE_LIMIT + 1]
    )
    total = len(rows) if len(rows) <= PLACE_LIMIT else inside.count()
    return JsonResponse(
        {
            "total": total,
            "activities": [
                {
                    "title": activity.for_reader.title,
                    "language": activity.for_reader.language,
                    "url": activity.get_absolute_url(),
                    "when": zoned(activity.starts_at, activity.timezone),
                    "museum": activity.museum.name,
                }
                for activity in rows[:PLACE_LIMIT]
            ],
        }
    )
