"""Reads used by several views: public listings, counters, an edition's numbers."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils.translation import get_language

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
    return Edition.objects.order_by("-year").first()


def listing(queryset):
    return queryset.select_related("museum", "edition").order_by("starts_at", "id")


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


def public_paginator(form, queryset, per_page: int) -> Paginator:
    """Pages of the filtered activities; their total comes from the cache of public reads.

    Counting 90,000 published rows, or the matches of a common word, is most of the database
    time of a list page; the same filters give the same total until an activity changes.
    """
    paginator = Paginator(listing(queryset), per_page)
    key = f"count:{form.cache_key()}"
    total = public_read(key, lambda: capped_count(queryset), COUNT_CACHE_SECONDS)
    paginator.count = min(total, COUNT_CAP)
    paginator.count_capped = total > COUNT_CAP
    return paginator


def capped_count(queryset) -> int:
    """The number of rows, counted no further than COUNT_CAP + 1: a common word can match tens
    of thousands of activities, and nobody pages that far ("more than 10,000" is the answer)."""
    return queryset.order_by()[: COUNT_CAP + 1].count()


def participation(edition: Edition) -> dict[str, int]:
    """Museums, activities and countries taking part in an edition (published only), cached."""
    key = f"museumday:participation:{edition.pk}:{edition_version(edition)}"
    numbers = cache.get(key)
    if numbers is None:
        published = public_activities().filter(edition=edition)
        numbers = published.aggregate(
            activities=Count("id"),
            museums=Count("museum", distinct=True),
            countries=Count("country", distinct=True),
        )
        cache.set(key, numbers, COUNTERS_TTL)
    return numbers


def edition_version(edition: Edition) -> str:
    """Changes whenever an activity of the edition changes, so cached numbers never go stale.

    The latest change reveals saves; the number of rows reveals deletions and moves to another
    edition. Read from the database, so every process sees it, whatever the cache backend.
    """
    return rows_stamp(Activity.objects.filter(edition=edition))


def rows_stamp(rows) -> str:
    """How many rows and their latest change: differs after any save, deletion or move."""
    stamp = rows.order_by().aggregate(n=Count("id"), latest=Max("updated_at"))
    latest = stamp["latest"].isoformat() if stamp["latest"] else "0"
    return f"{stamp['n']}:{latest}"


DELETIONS_KEY = "museumday:deletions"


def activities_version() -> str:
    """The latest change to any activity (one index lookup, read by every process alike), and
    the number of deletions seen through the cache (shared by all processes with Redis)."""
    latest = Activity.objects.aggregate(latest=Max("updated_at"))["latest"]
    return f"{latest.isoformat() if latest else '0'}:{cache.get(DELETIONS_KEY, 0)}"


def note_deletion(**kwargs) -> None:
    """post_delete receiver: a deletion leaves the latest change as it was, so count it."""
    try:
        cache.incr(DELETIONS_KEY)
    except ValueError:
        cache.set(DELETIONS_KEY, 1, None)


def public_read(key: str, compute, seconds: int, *, rows=None):
    """compute(), cached under `key` until the next edit of an activity.

    `seconds` bounds what the version cannot see: a deleted row, or a change committed out of
    order by a concurrent transaction. With `rows` (the queryset the answer is made of), a miss
    first looks for the answer under the rows' own fingerprint (how many, latest change), so an
    edit elsewhere does not rebuild an answer whose rows did not change.
    """
    versioned = f"museumday:{key}:{activities_version()}"
    value = cache.get(versioned)
    if value is None:
        if rows is None:
            value = compute()
        else:
            value = cache.get_or_set(f"museumday:{key}:rows:{rows_stamp(rows)}", compute, seconds)
        cache.set(versioned, value, seconds)
    return value


def museum_activities(museum, limit: int = 100) -> list[Activity]:
    """A museum's published activities, newest first, each with its reader's translation."""
    queryset = public_activities().filter(museum=museum).select_related("edition")
    return list(with_reader_translation(queryset.order_by("-starts_at"))[:limit])
