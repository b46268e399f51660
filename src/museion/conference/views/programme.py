"""Public programme: by day with filters, session, speaker and organiser pages, iCal."""

import hashlib
from datetime import timedelta
from urllib.parse import urlencode

from django.conf.locale import LANG_INFO
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from museion.core.api import form_errors_message, json_error
from museion.network.models import Committee

from .. import queries
from ..filters import ProgrammeFilterForm, filter_choices
from ..ical import sessions_calendar
from ..jsonld import session_json, session_jsonld
from ..models import Conference, Session, Speaker
from ..services.participation import can_join_online
from ..zones import display_zone, remember, utc_offset
from .common import current_participant, participant_agenda_ids

ICAL_LIMIT = 1000
PROGRAMME_TTL = 600
_PK = 987654321


@require_safe
def index(request):
    conferences = list(queries.public_conferences().order_by("-starts_on"))
    context = {"conferences": conferences, "next": queries.next_conference()}
    return render(request, "conference/index.html", context)


def _conference(slug: str) -> Conference:
    return get_object_or_404(queries.public_conferences(), slug=slug)


def conference_days(conference: Conference) -> list:
    days = []
    day = conference.starts_on
    while day <= conference.ends_on:
        days.append(day)
        day += timedelta(days=1)
    return days


def _languages(conference: Conference) -> list[tuple[str, str]]:
    codes = set()
    for spoken, interpreted in queries.public_sessions(conference).values_list(
        "languages", "interpretation"
    ):
        codes.update(spoken or [])
        codes.update(interpreted or [])
    return sorted(
        ((code, LANG_INFO.get(code.lower(), {}).get("name_local", code)) for code in codes),
        key=lambda item: item[1].lower(),
    )


def _choices(conference: Conference) -> dict[str, list]:
    version = f"{conference.pk}:{conference.updated_at.isoformat()}:{get_language()}"
    key = f"conference:choices:{version}"
    choices = cache.get(key)
    if choices is None:
        choices = filter_choices(
            conference, days=conference_days(conference), languages=_languages(conference)
        )
        cache.set(key, choices, PROGRAMME_TTL)
    return choices


def _search(request, conference: Conference):
    form = ProgrammeFilterForm(request.GET, conference=conference, choices=_choices(conference))
    if not form.is_valid():
        return form, None
    return form, form.filter(queries.public_sessions(conference))


def _zone_context(request, conference: Conference, sample=None) -> dict:
    zone = display_zone(request, conference.timezone)
    others = request.GET.copy()
    others.pop("tz", None)
    return {
        "display": zone,
        "display_offset": utc_offset(sample, zone.zone) if sample else "",
        "tz_query": others.urlencode(),
    }


def _url_pattern(name: str, *args) -> str:
    return reverse(name, args=[*args, _PK]).replace(str(_PK), "{}")


def _decorate(sessions, conference: Conference) -> None:
    """Links worked out once per page rather than reversed for every session and person."""
    session_url = _url_pattern("conference:session", conference.slug)
    speaker_url = reverse("conference:speaker", args=["x"])[: -len("x/")] + "{}/"
    organiser_url = reverse("conference:organiser", args=[conference.slug, "x"])[: -len("x/")]
    for session in sessions:
        session.url = session_url.format(session.pk)
        session.people_list = list(session.people.all())
        for person in session.people_list:
            person.url = speaker_url.format(person.speaker.slug)
        session.organiser_list = list(session.organisers.all())
        for committee in session.organiser_list:
            committee.url = f"{organiser_url}{committee.slug}/"


def _programme_html(conference: Conference, form, queryset, display) -> str:
    """The rendered days, cached until the programme changes (its version is `updated_at`)."""
    filters = urlencode(sorted(form.active_filters().items()))
    version = f"{conference.pk}|{conference.updated_at.isoformat()}|{display.name}"
    digest = hashlib.sha256(f"{version}|{get_language()}|{filters}".encode()).hexdigest()
    key = f"conference:programme:{digest}"
    html = cache.get(key)
    if html is None:
        sessions = list(queries.with_people(queryset).order_by("starts_at", "title", "id"))
        _decorate(sessions, conference)
        days = [
            (day, items, utc_offset(items[0].starts_at, display.zone))
            for day, items in queries.by_day(sessions)
        ]
        context = {"days": days, "count": len(sessions), "display": display}
        html = render_to_string("conference/programme_days.html", context)
        cache.set(key, str(html), PROGRAMME_TTL)
    return mark_safe(html)  # noqa: S308 - rendered by our own template above


@require_safe
def programme(request, slug: str):
    conference = _conference(slug)
    form, queryset = _search(request, conference)
    context = {"conference": conference, "form": form, "filters": {}}
    context.update(_zone_context(request, conference))
    status = 200
    if queryset is None:
        status = 400
    else:
        filters = form.active_filters()
        context["programme_html"] = _programme_html(conference, form, queryset, context["display"])
        context.update(filters=filters, query=urlencode(filters))
    context["participant"] = current_participant(request, conference)
    response = render(request, "conference/programme.html", context, status=status)
    return remember(response, context["display"])


@require_safe
def session_detail(request, slug: str, pk: int):
    conference = _conference(slug)
    session = get_object_or_404(queries.with_people(queries.public_sessions(conference)), pk=pk)
    participant = current_participant(request, conference)
    context = {
        "conference": conference,
        "session": session,
        "participant": participant,
        "can_join": can_join_online(participant, session),
        "agenda_ids": participant_agenda_ids(participant),
        "signed_up": participant is not None
        and participant.signups.filter(session=session).exists(),
        "jsonld": session_jsonld(session),
    }
    context.update(_zone_context(request, conference, session.starts_at))
    response = render(request, "conference/session_detail.html", context)
    return remember(response, context["display"])


@require_safe
def speaker_detail(request, slug: str):
    speaker = get_object_or_404(Speaker, slug=slug)
    sessions = list(queries.speaker_sessions(speaker))
    if not sessions:
        return render(request, "404.html", status=404)
    conference = sessions[0].conference
    context = {"speaker": speaker, "sessions": sessions, "conference": conference}
    context.update(_zone_context(request, conference))
    return remember(render(request, "conference/speaker_detail.html", context), context["display"])


@require_safe
def organiser_detail(request, slug: str, committee: str):
    conference = _conference(slug)
    organiser = get_object_or_404(Committee, slug=committee)
    sessions = list(queries.organiser_sessions(organiser).filter(conference=conference))
    context = {"organiser": organiser, "sessions": sessions, "conference": conference}
    context.update(_zone_context(request, conference))
    return remember(
        render(request, "conference/organiser_detail.html", context), context["display"]
    )


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def programme_ical(request, slug: str):
    """The whole programme, or the filtered view when the query string carries filters."""
    conference = _conference(slug)
    form, queryset = _search(request, conference)
    if queryset is None:
        return HttpResponse(
            form_errors_message(form), status=400, content_type="text/plain; charset=utf-8"
        )
    sessions = queryset.select_related("room", "conference").order_by("starts_at", "id")
    name = (
        conference.name
        if not form.active_filters()
        else _("%(name)s (filtered)") % {"name": conference.name}
    )
    return _calendar_response(
        sessions_calendar(sessions[:ICAL_LIMIT], name=name), f"{conference.slug}.ics"
    )


@require_safe
def programme_json(request, slug: str):
    """The programme (or a filtered view) as JSON, with the API's error conventions."""
    conference = queries.public_conferences().filter(slug=slug).first()
    if conference is None:
        return json_error("no such conference", 404)
    form, queryset = _search(request, conference)
    if queryset is None:
        return json_error(form_errors_message(form))
    sessions = queries.with_people(queryset).order_by("starts_at", "id")[:ICAL_LIMIT]
    return JsonResponse(
        {
            "conference": {
                "name": conference.name,
                "slug": conference.slug,
                "timezone": conference.timezone,
                "starts_on": conference.starts_on.isoformat(),
                "ends_on": conference.ends_on.isoformat(),
            },
            "sessions": [session_json(session) for session in sessions],
        }
    )


@require_safe
def session_ical(request, slug: str, pk: int):
    conference = _conference(slug)
    session = get_object_or_404(
        queries.public_sessions(conference).select_related("room", "conference"), pk=pk
    )
    return _calendar_response(
        sessions_calendar([session], name=session.title), f"session-{session.pk}.ics"
    )


def session_or_404(conference: Conference, pk: int) -> Session:
    return get_object_or_404(queries.public_sessions(conference), pk=pk)
