"""What the programme pages share: the conference, the filter choices, the timezone shown."""

from django.conf.locale import LANG_INFO
from django.core.cache import cache
from django.http import Http404
from django.utils.translation import get_language

from museion.core import versions

from .. import queries
from ..caching import PROGRAMME_KINDS, PROGRAMME_TTL, programme_version
from ..filters import ProgrammeFilterForm, filter_choices
from ..models import Conference
from ..zones import display_zone, utc_offset


def conference_or_404(slug: str) -> Conference:
    """The published conference, kept in the cache until the programme's version moves (any
    save of a conference bumps it), so a warm programme page needs no database at all."""

    def load() -> Conference | None:
        return queries.public_conferences().filter(slug=slug).first()

    conference = versions.cached(PROGRAMME_KINDS, f"conference:by-slug:{slug}", load, 600)
    if conference is None:
        raise Http404("No such conference.")
    return conference


def _days_and_languages(conference: Conference) -> tuple[list, list[tuple[str, str]]]:
    """The days that have sessions and the languages spoken or interpreted, in one query."""
    days, codes = set(), set()
    for day, spoken, interpreted in queries.public_sessions(conference).values_list(
        "local_date", "languages", "interpretation"
    ):
        days.add(day)
        codes.update(spoken or [])
        codes.update(interpreted or [])
    languages = sorted(
        ((code, LANG_INFO.get(code.lower(), {}).get("name_local", code)) for code in codes),
        key=lambda item: item[1].lower(),
    )
    return sorted(days), languages


def programme_choices(conference: Conference) -> dict[str, list]:
    """The filters' choices (days with sessions, rooms, tracks…), cached with the programme."""
    key = f"conference:choices:{programme_version(conference)}:{get_language()}"
    choices = cache.get(key)
    if choices is None:
        days, languages = _days_and_languages(conference)
        choices = filter_choices(conference, days=days, languages=languages)
        cache.set(key, choices, PROGRAMME_TTL)
    return choices


def programme_search(request, conference: Conference, data=None, choices=None):
    """(form, filtered sessions), or (form, None) when a filter is not valid."""
    form = ProgrammeFilterForm(
        request.GET if data is None else data,
        conference=conference,
        choices=choices or programme_choices(conference),
    )
    if not form.is_valid():
        return form, None
    return form, form.filter(queries.public_sessions(conference))


def zone_context(request, conference: Conference, sample=None) -> dict:
    zone = display_zone(request, conference.timezone)
    others = request.GET.copy()
    others.pop("tz", None)
    return {
        "display": zone,
        "display_offset": utc_offset(sample, zone.zone) if sample else "",
        "tz_query": others.urlencode(),
    }
