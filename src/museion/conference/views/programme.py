"""The public programme: one day at a time (or all days), now and next, a visitor's selection.

The day tabs, the filter form and the sessions of a page are rendered inside a template fragment
cached per (programme version, language, timezone, filters); the form is built and the sessions
read only when that fragment is missing.
"""

from datetime import date
from functools import cached_property
from urllib.parse import urlencode

from django.core.cache import InvalidCacheBackendError, caches
from django.core.cache.utils import make_template_fragment_key
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from museion.core.page_cache import public_page

from .. import queries
from ..caching import PROGRAMME_KINDS, PROGRAMME_TTL, filters_key, programme_version
from ..filters import ALL_DAYS, FILTER_KEYS
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


class ProgrammeControls:
    """The filter form and what the page derives from it (day tabs, the summary of the active
    filters, the sessions), each built on first use: a page whose fragment is in the cache never
    builds them."""

    def __init__(self, request, conference, data, choices, display):
        self.request = request
        self.conference = conference
        self.data = data
        self.choices = choices
        self.display = display

    @cached_property
    def search(self) -> tuple:
        return programme_search(self.request, self.conference, self.data, self.choices)

    @property
    def form(self):
        return self.search[0]

    @property
    def valid(self) -> bool:
        return self.search[1] is not None

    @cached_property
    def filters(self) -> dict[str, str]:
        return self.form.active_filters()

    @cached_property
    def day_tabs(self) -> list[dict]:
        others = {key: value for key, value in self.filters.items() if key != "day"}
        current = self.filters.get("day")
        return [
            {
                "label": label,
                "query": urlencode({**others, "day": value}),
                "current": value == current,
            }
            for value, label in self.form.fields["day"].choices
        ]

    @cached_property
    def active_summary(self) -> list[tuple[str, str]]:
        """[(label, value)…] of the active filters other than the day, for the folded panel."""
        summary = []
        for key, value in self.filters.items():
            if key == "day":
                continue
            field = self.form.fields[key]
            choices = {str(k): v for k, v in getattr(field, "choices", [])}
            summary.append((str(field.label), str(choices.get(value, value))))
        return summary

    @cached_property
    def programme(self) -> ProgrammeDays:
        return ProgrammeDays(self.search[1], self.display)


def _asked_filters(data) -> dict[str, str]:
    """The filters as sent (empty ones left out), in the order of FILTER_KEYS."""
    return {key: data[key] for key in FILTER_KEYS if data.get(key)}


def _fragment_cached(name: str, *vary_on) -> bool:
    try:
        fragments = caches["template_fragments"]
    except InvalidCacheBackendError:
        fragments = caches["default"]
    return fragments.has_key(make_template_fragment_key(name, vary_on))


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
    context = _page_context(request, conference)
    controls = ProgrammeControls(request, conference, data, choices, context["display"])
    asked = _asked_filters(data)
    variant = filters_key(asked)
    # The fragment is keyed by the filters as sent: whether they are valid depends only on them
    # and on the version, so a fragment in the cache means they were found valid.
    cached = _fragment_cached(
        "programme_page",
        context["version"],
        get_language(),
        context["display"].name,
        variant,
        context["running"],
    )
    status = 200 if cached or controls.valid else 400
    context.update(
        invalid=status == 400,
        form=SimpleLazyObject(lambda: controls.form),
        filters=asked if status == 200 else {},
        query=urlencode(asked),
        filtered=any(key != "day" for key in asked),
        day_tabs=SimpleLazyObject(lambda: controls.day_tabs),
        active_summary=SimpleLazyObject(lambda: controls.active_summary),
        programme=SimpleLazyObject(lambda: controls.programme),
        fragment_variant=variant,
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
