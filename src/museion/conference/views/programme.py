"""The public programme: one day at a time (or all days), now and next, a visitor's selection.

The sessions of a page are rendered inside a template fragment cached per (programme version,
language, timezone, filters); they are read from the database only when that fragment is missing.
"""

from datetime import date
from functools import cached_property
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from museion.core.page_cache import public_page

from .. import queries
from ..caching import PROGRAMME_KINDS, PROGRAMME_TTL, filters_key, programme_version
from ..filters import ALL_DAYS
from ..selection import SelectionError, parse_selection, selection_query
from ..zones import remember, utc_offset
from .browse import conference_or_404, programme_choices, programme_search, zone_context
from .common import current_participant


class ProgrammeDays:
    """Sessions grouped by day, queried on first use only (a cached fragment never asks)."""

    def __init__(self, queryset, display):
        self.queryset = queryset
        self.display = display

    @cached_property
    def days(self) -> list[tuple]:
        sessions = list(queries.with_people(self.queryset).order_by("starts_at", "title", "id"))
        return [
            (day, items, utc_offset(items[0].starts_at, self.display.zone))
            for day, items in queries.by_day(sessions)
        ]

    @cached_property
    def count(self) -> int:
        return sum(len(items) for _day, items, _offset in self.days)


def _page_context(request, conference) -> dict:
    context = {
        "conference": conference,
        "participant": current_participant(request, conference),
        "version": programme_version(conference),
        "fragment_ttl": PROGRAMME_TTL,
        "running": queries.is_running(conference),
    }
    context.update(zone_context(request, conference))
    return context


def _day_tabs(form, filters: dict) -> list[dict]:
    others = {key: value for key, value in filters.items() if key != "day"}
    current = filters.get("day")
    return [
        {
            "label": label,
            "query": urlencode({**others, "day": value}),
            "current": value == current,
        }
        for value, label in form.fields["day"].choices
    ]


def _active_summary(form, filters: dict) -> list[tuple[str, str]]:
    """[(label, value)…] of the active filters other than the day, for the collapsed panel."""
    summary = []
    for key, value in filters.items():
        if key == "day":
            continue
        field = form.fields[key]
        choices = {str(k): v for k, v in getattr(field, "choices", [])}
        summary.append((str(field.label), str(choices.get(value, value))))
    return summary


@public_page(*PROGRAMME_KINDS)
@require_safe
def index(request):
    conferences = list(queries.public_conferences().order_by("-starts_on"))
    context = {"conferences": conferences, "next": queries.next_conference()}
    return render(request, "conference/index.html", context)


@public_page(*PROGRAMME_KINDS)
@require_safe
def programme(request, slug: str):
    conference = conference_or_404(slug)
    choices = programme_choices(conference)
    data = request.GET.copy()
    if not data.get("day"):
        days = [date.fromisoformat(value) for value, _label in choices["day"]]
        first = queries.default_day(conference, days)
        data["day"] = first.isoformat() if first else ALL_DAYS
    form, queryset = programme_search(request, conference, data, choices)
    context = _page_context(request, conference)
    context["form"] = form
    status = 200
    if queryset is None:
        status = 400
        context["filters"] = {}
    else:
        filters = form.active_filters()
        context.update(
            filters=filters,
            query=urlencode(filters),
            filtered=any(key != "day" for key in filters),
            day_tabs=_day_tabs(form, filters),
            active_summary=_active_summary(form, filters),
            programme=ProgrammeDays(queryset, context["display"]),
            fragment_variant=filters_key(filters),
        )
    response = render(request, "conference/programme.html", context, status=status)
    return remember(response, context["display"])


@require_safe
def now_and_next(request, slug: str):
    """While the conference runs: what is on now and what starts next (never cached: it moves)."""
    conference = conference_or_404(slug)
    context = _page_context(request, conference)
    if context["running"]:
        current, coming = queries.now_and_next(conference, now=timezone.now())
        context.update(current=current, coming=coming)
    response = render(request, "conference/now.html", context)
    return remember(response, context["display"])


@public_page(*PROGRAMME_KINDS)
@require_safe
def selection(request, slug: str):
    """The sessions a visitor starred (`?ids=…`, sent by the programme's script)."""
    conference = conference_or_404(slug)
    context = _page_context(request, conference)
    try:
        ids = parse_selection(request.GET.get("ids"))
    except SelectionError as error:
        context["error"] = str(error)
        response = render(request, "conference/selection.html", context, status=400)
        return remember(response, context["display"])
    context.update(
        ids=ids,
        ids_query=selection_query(ids) if ids else "",
        programme=ProgrammeDays(
            queries.public_sessions(conference).filter(pk__in=ids), context["display"]
        ),
        fragment_variant=selection_query(ids),
    )
    response = render(request, "conference/selection.html", context)
    return remember(response, context["display"])
