"""Public JSON API, version 1. Errors are {"error": …} with a 4xx status."""

from django.conf import settings
from django.core.paginator import EmptyPage
from django.http import JsonResponse
from django.views.decorators.http import require_safe

from museion.core.api import form_errors_message, json_error
from museion.core.page_cache import public_page
from museion.core.pagination import PageError, page_number
from museion.museumday import queries
from museion.museumday.filters import ActivitySearchForm
from museion.museumday.queries import public_activities

from .openapi import openapi_document

MAX_PAGE_SIZE = 100


def activity_json(activity) -> dict:
    """One activity; its translations come from queries.with_approved_translations."""
    return {
        "id": activity.pk,
        "url": settings.SITE_URL + activity.get_absolute_url(),
        "title": activity.title,
        "description": activity.description,
        "edition": activity.edition.year,
        "museum": {
            "name": activity.museum.name,
            "url": settings.SITE_URL + activity.museum.get_absolute_url(),
        },
        "category": activity.category,
        "attendance_mode": activity.attendance_mode,
        "language": activity.language,
        "starts_at": activity.starts_at.isoformat().replace("+00:00", "Z"),
        "ends_at": activity.ends_at.isoformat().replace("+00:00", "Z"),
        "timezone": activity.timezone,
        "local_start": activity.local_starts_at.isoformat(),
        "venue": activity.venue,
        "address": activity.address,
        "city": activity.city,
        "country": str(activity.country),
        "latitude": activity.latitude,
        "longitude": activity.longitude,
        "online_url": activity.online_url or None,
        "is_free": activity.is_free,
        "booking_url": activity.booking_url or None,
        "accessibility_notes": activity.accessibility_notes,
        "translations": {
            t.language: {
                "title": t.title,
                "description": t.description,
                "accessibility_notes": t.accessibility_notes,
            }
            for t in activity.approved_translations
        },
    }


@public_page("museumday", "network")
@require_safe
def activities(request):
    form = ActivitySearchForm(request.GET)
    if not form.is_valid():
        return json_error(form_errors_message(form))
    try:
        number = page_number(request.GET.get("page"))
    except PageError as error:
        return json_error(str(error))
    try:
        size = int(request.GET.get("page_size") or queries.PAGE_SIZE)
    except ValueError:
        return json_error("page_size must be a whole number")
    if not 1 <= size <= MAX_PAGE_SIZE:
        return json_error(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    queryset = form.filter(public_activities())
    paginator = queries.public_paginator(
        form, queryset, size, prepare=queries.with_approved_translations
    )
    try:
        page = paginator.page(number)
    except EmptyPage:
        return json_error("page out of range", 404, count=paginator.count)
    base = request.build_absolute_uri(request.path)
    query = request.GET.copy()

    def link(n):
        query["page"] = n
        return f"{base}?{query.urlencode()}"

    return JsonResponse(
        {
            "count": paginator.count,
            "count_capped": paginator.count_capped,
            "page": number,
            "pages": paginator.num_pages,
            "next": link(number + 1) if page.has_next() else None,
            "previous": link(number - 1) if page.has_previous() else None,
            "results": [activity_json(a) for a in page.object_list],
        }
    )


@public_page("museumday", "network")
@require_safe
def activity(request, pk: int):
    found = public_activities().select_related("museum", "edition").filter(pk=pk)
    item = queries.with_approved_translations(found).first()
    if item is None:
        return json_error("no published activity with this id", 404)
    return JsonResponse(activity_json(item))


@public_page()
@require_safe
def openapi(request):
    return JsonResponse(openapi_document(request))
