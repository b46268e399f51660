"""Reads used by several views: public listings, counters, an edition's numbers."""

from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import get_language

from museion.core import versions
from museion.core.search import terms

from .filters import ActivitySearchForm
from .models import (
    Activity,
    ActivityTranslation,
    Edition,
    Status,
    TranslationStatus,
    primary_subtag,
)


def public_activities() -> QuerySet:
    """What the public may see: published activities."""
    return Activity.objects.filter(status=Status.PUBLISHED)


PAGE_SIZE = 20
COUNTERS_TTL = 300
MAP_CACHE_SECONDS = 60
COUNT_CACHE_SECONDS = 60
FEED_CACHE_SECONDS = 300


def current_edition() -> Edition | None:
    """The edition under way or coming next; the latest one once every edition is over.

    "Under way" reaches one day back: 18 May is still Museum Day somewhere west of UTC.
    """
    yesterday = timezone.localdate() - timedelta(days=1)

    def find() -> Edition | None:
        coming = Q(last_day__gte=yesterday) | Q(date__gte=yesterday)
        # Coming editions first, soonest first (their years are below 10,000 - any year);
        # then past ones, latest first. One query, cached until an edition changes.
        rank = Case(When(coming, then=F("year")), default=Value(10_000) - F("year"))
        return Edition.objects.order_by(rank).first()

    key = f"museumday:current_edition:{yesterday.isoformat()}"
    return versions.cached(("museumday",), key, find, COUNTERS_TTL)


def search(data, *, default_edition: bool = False):
    """(form, filtered published activities), or (form, None) when a filter is invalid.

    With `default_edition`, a page opened without an edition (the nav's links) shows the
    edition under way or coming; `?edition=` (empty) asks for every edition.
    """
    if default_edition and "edition" not in data:
        edition = current_edition()
        if edition is not None:
            data = data.copy()
            data["edition"] = str(edition.year)
    form = ActivitySearchForm(data)
    if not form.is_valid():
        return form, None
    return form, form.filter(public_activities())


LISTING_ORDER = ("starts_at", "id")


def listing(queryset):
    return queryset.select_related("museum", "edition").order_by(*LISTING_ORDER)


def reader_language() -> str:
    """The primary subtag of the interface language the page is rendered in ("fr", "es")."""
    return primary_subtag(get_language() or settings.LANGUAGE_CODE)


def approved_translations():
    return ActivityTranslation.objects.filter(status=TranslationStatus.APPROVED)


def with_reader_translation(queryset):
    """Prefetch, in one query, each activity's approved translation into the reader's language.

    `activity.for_reader` then gives the translation, or the activity itself.
    "es" also matches "es-MX"; ordered by language, the exact "es" comes first.
    """
    language = reader_language()
    matching = approved_translations().filter(
        Q(language=language) | Q(language__startswith=f"{language}-")
    )
    return queryset.prefetch_related(
        Prefetch(
            "translations", queryset=matching.order_by("language"), to_attr="reader_translations"
        )
    )


def with_approved_translations(queryset):
    """Prefetch every approved translation as `activity.approved_translations` (one query)."""
    return queryset.prefetch_related(
        Prefetch(
            "translations",
            queryset=approved_translations().order_by("language"),
            to_attr="approved_translations",
        )
    )


def translations_awaiting_moderation(museums):
    """New translations of published activities, and edits of approved ones, oldest first."""
    return (
        ActivityTranslation.objects.filter(activity__museum__in=museums)
        .filter(Q(status=TranslationStatus.PENDING) | Q(proposal__isnull=False))
        .select_related("activity__museum")
        .order_by("updated_at")
    )


COUNT_CAP = 10_000
# A word in most descriptions ("museum") matches tens of thousands of activities: past a thousand
# the answer is "more than 1,000", and the matches are found once per request (below).
TEXT_COUNT_CAP = 1_000


def public_paginator(form, queryset, per_page: int, prepare=lambda rows: rows) -> Paginator:
    """Pages of the filtered activities, `prepare` adding what each page's rows need (their
    translations); the total comes from the cache of public reads.

    Counting 90,000 published rows, or the matches of a common word, is most of the database
    time of a list page; the same filters give the same total until an activity changes.
    """
    if terms(form.cleaned_data.get("q")):
        return _text_search_paginator(form, queryset, per_page, prepare)
    paginator = Paginator(listing(prepare(queryset)), per_page)
    key = f"count:{form.cache_key()}"
    total = public_read(key, lambda: capped_count(queryset), COUNT_CACHE_SECONDS)
    paginator.count = min(total, COUNT_CAP)
    paginator.count_capped = total > COUNT_CAP
    return paginator


def capped_count(queryset) -> int:
    """The number of rows, counted no further than COUNT_CAP + 1: a common word can match tens
    of thousands of activities, and nobody pages that far ("more than 10,000" is the answer)."""
    return queryset.order_by()[: COUNT_CAP + 1].count()


class _RowsInOrder:
    """The rows of known ids, in the order of the ids: what Paginator needs of a list (a count
    and slices), fetching only the slice of the page asked for."""

    def __init__(self, ids: list[int], rows: QuerySet):
        self.ids, self.rows = ids, rows

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, wanted: slice) -> list:
        ids = self.ids[wanted]
        # By id alone: with the status in the query (or an order), SQLite's planner walks an
        # index of every published activity to find 20 rows. Published is checked here.
        found = {row.pk: row for row in self.rows.filter(pk__in=ids).order_by()}
        return [found[pk] for pk in ids if pk in found and found[pk].is_published]


def _text_search_paginator(form, queryset, per_page: int, prepare) -> Paginator:
    """A full-text search reads the index once: the ids of the first TEXT_COUNT_CAP + 1
    matches in listing order give both the total and every page's rows (SQLite builds the set
    of matches again for each query that uses it; counting and listing were two)."""

    def matching_ids() -> list[int]:
        ordered = queryset.order_by(*LISTING_ORDER).values_list("id", flat=True)
        return list(ordered[: TEXT_COUNT_CAP + 1])

    ids = public_read(f"ids:{form.cache_key()}", matching_ids, COUNT_CACHE_SECONDS)
    rows = listing(prepare(Activity.objects.all()))
    paginator = Paginator(_RowsInOrder(ids[:TEXT_COUNT_CAP], rows), per_page)
    paginator.count_capped = len(ids) > TEXT_COUNT_CAP
    return paginator


def participation(edition: Edition) -> dict[str, int]:
    """Museums, activities and countries taking part in an edition (published only), cached."""

    def count() -> dict[str, int]:
        published = public_activities().filter(edition=edition)
        return published.aggregate(
            activities=Count("id"),
            museums=Count("museum", distinct=True),
            countries=Count("country", distinct=True),
        )

    return versions.cached(
        ("museumday",), f"museumday:participation:{edition.pk}", count, COUNTERS_TTL
    )


# Museum Day's public answers show activities, their editions and translations, and museums.
PUBLIC_KINDS = ("museumday", "network")


def public_read(key: str, compute, seconds: int):
    """compute(), cached under `key` until the next change to Museum Day or the museums.

    `seconds` bounds what no signal reports (a raw SQL change).
    """
    return versions.cached(PUBLIC_KINDS, f"museumday:{key}", compute, seconds)


def museum_activities(museum, limit: int = 100) -> list[Activity]:
    """A museum's published activities, newest first, each with its reader's translation."""
    queryset = public_activities().filter(museum=museum).select_related("edition")
    return list(with_reader_translation(queryset.order_by("-starts_at"))[:limit])
