"""The programme as data: JSON and iCal of the whole (or filtered) programme, of a visitor's
selection and of one session. Answers are cached per (programme version, language, timezone,
filters) and carry Cache-Control, so a front microcache may hold them for a few seconds.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from museion.core.api import form_errors_message, json_error

from .. import queries
from ..caching import cache_key, cached_body, filters_key
from ..ical import sessions_calendar
from ..jsonld import session_json
from ..selection import SelectionError, parse_selection, selection_query
from ..zones import display_zone
from .browse import conference_or_404, programme_search

EXPORT_LIMIT = 1000
SHARED_SECONDS = 10


class Refused(Exception):
    def __init__(self, message: str):
        self.message = message


def _shared(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=SHARED_SECONDS)
    return response


def _calendar_response(body: bytes, filename: str, *, attachment=False) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _filtered(request, conference):
    form, queryset = programme_search(request, conference)
    if queryset is None:
        raise Refused(form_errors_message(form))
    return form, queryset


@require_safe
def programme_ical(request, slug: str):
    """The whole programme, or the filtered view when the query string carries filters."""
    conference = conference_or_404(slug)
    zone = display_zone(request, conference.timezone)

    def build() -> bytes:
        form, queryset = _filtered(request, conference)
        sessions = queryset.select_related("room", "conference").order_by("starts_at", "id")
        name = conference.name
        if any(key != "day" or value != "all" for key, value in form.active_filters().items()):
            name = _("%(name)s (filtered)") % {"name": conference.name}
        return sessions_calendar(sessions[:EXPORT_LIMIT], name=name)

    key = cache_key("ical", conference, zone.name, filters_key(request.GET))
    try:
        body = cached_body(key, build)
    except Refused as refused:
        return HttpResponse(refused.message, status=400, content_type="text/plain; charset=utf-8")
    return _shared(_calendar_response(body, f"{conference.slug}.ics"))


@require_safe
def programme_json(request, slug: str):
    """The programme (or a filtered view) as JSON, with the API's error conventions."""
    conference = queries.public_conferences().filter(slug=slug).first()
    if conference is None:
        return json_error("no such conference", 404)
    zone = display_zone(request, conference.timezone)

    def build() -> bytes:
        _form, queryset = _filtered(request, conference)
        sessions = queries.with_people(queryset).order_by("starts_at", "id")[:EXPORT_LIMIT]
        data = {
            "conference": {
                "name": conference.name,
                "slug": conference.slug,
                "timezone": conference.timezone,
                "starts_on": conference.starts_on.isoformat(),
                "ends_on": conference.ends_on.isoformat(),
            },
            "sessions": [session_json(session) for session in sessions],
        }
        return json.dumps(data, cls=DjangoJSONEncoder).encode()

    key = cache_key("json", conference, zone.name, filters_key(request.GET))
    try:
        body = cached_body(key, build)
    except Refused as refused:
        return json_error(refused.message)
    return _shared(HttpResponse(body, content_type="application/json"))


@require_safe
def selection_ical(request, slug: str):
    """A visitor's selection (`?ids=3,17,42`) as a calendar to download."""
    conference = conference_or_404(slug)
    try:
        ids = parse_selection(request.GET.get("ids"))
    except SelectionError as error:
        return HttpResponse(str(error), status=400, content_type="text/plain; charset=utf-8")
    zone = display_zone(request, conference.timezone)

    def build() -> bytes:
        sessions = (
            queries.public_sessions(conference)
            .filter(pk__in=ids)
            .select_related("room", "conference")
            .order_by("starts_at", "id")
        )
        name = _("My selection — %(name)s") % {"name": conference.name}
        return sessions_calendar(sessions, name=name)

    body = cached_body(
        cache_key("selection-ical", conference, zone.name, selection_query(ids)), build
    )
    return _shared(_calendar_response(body, f"{conference.slug}-selection.ics", attachment=True))


@require_safe
def session_ical(request, slug: str, pk: int):
    conference = conference_or_404(slug)
    session = get_object_or_404(
        queries.public_sessions(conference).select_related("room", "conference"), pk=pk
    )
    return _calendar_response(
        sessions_calendar([session], name=session.title), f"session-{session.pk}.ics"
    )
