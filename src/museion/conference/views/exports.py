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
from museion.core.page_cache import public_page

from .. import queries
from ..caching import PROGRAMME_KINDS, cached_body, export_key, filters_key
from ..ical import sessions_calendar
from ..jsonld import session_json
from ..selection import SelectionError, parse_selection, selection_query
from ..zones import COOKIE
from .browse import conference_or_404, programme_search

EXPORT_LIMIT = 1000
SHARED_SECONDS = 10


class Refused(Exception):
    def __init__(self, message: str, status: int = 400):
        self.message = message
        self.status = status


def _shared(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, public=True, max_age=SHARED_SECONDS)
    return response


def _calendar_response(body: bytes, filename: str, *, attachment=False) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def _text_error(refused: Refused) -> HttpResponse:
    return HttpResponse(
        refused.message, status=refused.status, content_type="text/plain; charset=utf-8"
    )


def _export(request, slug: str, kind: str, variant: str, build) -> bytes:
    """The cached body, or build(conference) on a miss; raises Refused (unknown conference, bad
    filters: never cached)."""

    def load() -> bytes:
        conference = queries.public_conferences().filter(slug=slug).first()
        if conference is None:
            raise Refused("no such conference", 404)
        return build(conference)

    zone = request.GET.get("tz", request.COOKIES.get(COOKIE, ""))[:64]
    return cached_body(export_key(kind, slug, zone, variant), load)


def _filtered(request, conference):
    form, queryset = programme_search(request, conference)
    if queryset is None:
        raise Refused(form_errors_message(form))
    return form, queryset


def _programme_calendar(request, conference) -> bytes:
    form, queryset = _filtered(request, conference)
    sessions = queryset.select_related("room", "conference").order_by("starts_at", "id")
    name = conference.name
    if any(key != "day" or value != "all" for key, value in form.active_filters().items()):
        name = _("%(name)s (filtered)") % {"name": conference.name}
    return sessions_calendar(sessions[:EXPORT_LIMIT], name=name)


def _programme_json(request, conference) -> bytes:
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


@public_page(*PROGRAMME_KINDS)
@require_safe
def programme_ical(request, slug: str):
    """The whole programme, or the filtered view when the query string carries filters."""
    try:
        body = _export(
            request,
            slug,
            "ical",
            filters_key(request.GET),
            lambda conference: _programme_calendar(request, conference),
        )
    except Refused as refused:
        return _text_error(refused)
    return _shared(_calendar_response(body, f"{slug}.ics"))


@public_page(*PROGRAMME_KINDS)
@require_safe
def programme_json(request, slug: str):
    """The programme (or a filtered view) as JSON, with the API's error conventions."""
    try:
        body = _export(
            request,
            slug,
            "json",
            filters_key(request.GET),
            lambda conference: _programme_json(request, conference),
        )
    except Refused as refused:
        return json_error(refused.message, refused.status)
    return _shared(HttpResponse(body, content_type="application/json"))


@require_safe
def selection_ical(request, slug: str):
    """A visitor's selection (`?ids=3,17,42`) as a calendar to download."""
    try:
        ids = parse_selection(request.GET.get("ids"))
    except SelectionError as error:
        return _text_error(Refused(str(error)))

    def build(conference) -> bytes:
        sessions = (
            queries.public_sessions(conference)
            .filter(pk__in=ids)
            .select_related("room", "conference")
            .order_by("starts_at", "id")
        )
        name = _("My selection — %(name)s") % {"name": conference.name}
        return sessions_calendar(sessions, name=name)

    try:
        body = _export(request, slug, "selection-ical", selection_query(ids), build)
    except Refused as refused:
        return _text_error(refused)
    return _shared(_calendar_response(body, f"{slug}-selection.ics", attachment=True))


@public_page(*PROGRAMME_KINDS)
@require_safe
def session_ical(request, slug: str, pk: int):
    conference = conference_or_404(slug)
    session = get_object_or_404(
        queries.public_sessions(conference).select_related("room", "conference"), pk=pk
    )
    return _calendar_response(
        sessions_calendar([session], name=session.title), f"session-{session.pk}.ics"
    )
