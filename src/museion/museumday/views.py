"""Public discovery: edition page, list, detail, map, GeoJSON, iCal and embeds."""

import json
from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from museion.core.api import form_errors_message, json_error
from museion.core.geo import BBox, parse_bbox
from museion.network.permissions import can_edit_museum, can_moderate_museum

from . import queries
from .filters import ActivitySearchForm, public_activities
from .ical import activities_calendar
from .jsonld import event_jsonld
from .mapdata import MAX_ZOOM, clustered_features
from .models import Activity, Edition

ICAL_LIMIT = 1000


def parse_page(value) -> int:
    """A page number from the query string; ValueError with a reason when it is not one."""
    if value in (None, ""):
        return 1
    try:
        page = int(value)
    except (TypeError, ValueError):
        raise ValueError(_("The page must be a whole number.")) from None
    if page < 1:
        raise ValueError(_("The page must be 1 or more."))
    return page


def search(request) -> tuple[ActivitySearchForm, object]:
    form = ActivitySearchForm(request.GET)
    if not form.is_valid():
        return form, None
    return form, form.filter(public_activities())


@require_GET
def home(request):
    edition = queries.current_edition()
    context = {"edition": edition, "numbers": queries.participation(edition) if edition else None}
    return render(request, "museumday/home.html", context)


@require_GET
def edition_detail(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    return render(
        request,
        "museumday/edition.html",
        {"edition": edition, "numbers": queries.participation(edition)},
    )


def _list_context(request, *, embed: bool = False):
    form, queryset = search(request)
    context = {"form": form, "embed": embed, "page": None, "errors": None}
    if queryset is None:
        context["errors"] = form.errors
        return context, 400
    try:
        number = parse_page(request.GET.get("page"))
        page = Paginator(queries.listing(queryset), queries.PAGE_SIZE).page(number)
    except ValueError as error:
        context["page_error"] = str(error)
        return context, 400
    except EmptyPage:
        context["page_error"] = _("There is no such page in these results.")
        return context, 404
    filters = form.active_filters()
    context.update(page=page, filters=filters, query=urlencode(filters))
    return context, 200


@require_GET
def activity_list(request):
    context, status = _list_context(request)
    return render(request, "museumday/activity_list.html", context, status=status)


@require_GET
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed(request):
    context, status = _list_context(request, embed=True)
    context["show_map"] = request.GET.get("view", "list") in ("map", "both")
    context["map_config"] = map_config(request)
    return render(request, "museumday/embed.html", context, status=status)


@require_GET
def activity_detail(request, pk: int):
    activity = get_object_or_404(Activity.objects.select_related("museum", "edition"), pk=pk)
    if not activity.is_published and not (
        can_edit_museum(request.user, activity.museum)
        or can_moderate_museum(request.user, activity.museum)
    ):
        raise Http404(_("No such activity."))
    return render(
        request,
        "museumday/activity_detail.html",
        {"activity": activity, "jsonld": event_jsonld(activity, request)},
    )


@require_GET
def activity_ical(request, pk: int):
    activity = get_object_or_404(public_activities().select_related("museum"), pk=pk)
    body = activities_calendar([activity], name=activity.title)
    return _calendar_response(body, f"activity-{activity.pk}.ics")


@require_GET
def activities_ical(request):
    form, queryset = search(request)
    if queryset is None:
        return HttpResponse(
            form_errors_message(form), status=400, content_type="text/plain; charset=utf-8"
        )
    rows = queries.listing(queryset)[:ICAL_LIMIT]
    body = activities_calendar(rows, name=_("International Museum Day"))
    return _calendar_response(body, "museum-day.ics")


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def activity_map(request):
    form = ActivitySearchForm(request.GET)
    form.is_valid()
    return render(request, "museumday/map.html", {"form": form, "map_config": map_config(request)})


def map_config(request) -> str:
    return json.dumps(
        {
            "tiles": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "query": request.GET.urlencode(),
        }
    )


@require_GET
def map_geojson(request):
    form, queryset = search(request)
    if queryset is None:
        return json_error(form_errors_message(form))
    try:
        zoom = int(request.GET.get("zoom", "2"))
    except ValueError:
        return json_error(f"zoom must be a whole number from 0 to {MAX_ZOOM}")
    if not 0 <= zoom <= MAX_ZOOM:
        return json_error(f"zoom must be a whole number from 0 to {MAX_ZOOM}")
    try:
        box = (
            parse_bbox(request.GET["bbox"]) if request.GET.get("bbox") else BBox(-180, -90, 180, 90)
        )
    except ValueError as error:
        return json_error(str(error))
    data = clustered_features(queryset, zoom=zoom, box=box)
    response = JsonResponse(data, json_dumps_params={"separators": (",", ":")})
    response["Content-Type"] = "application/geo+json"
    return response
