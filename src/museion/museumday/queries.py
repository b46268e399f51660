"""Reads used by several views: public listings, counters, an edition's numbers."""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Max

from .filters import public_activities
from .models import Activity, Edition

PAGE_SIZE = 20
COUNTERS_TTL = 300
MAP_CACHE_SECONDS = 60
COUNT_CACHE_SECONDS = 60
FEED_CACHE_SECONDS = 300


def current_edition() -> Edition | None:
    return Edition.objects.order_by("-year").first()


def listing(queryset):
    return queryset.select_related("museum", "edition").order_by("starts_at", "id")


def public_paginator(form, queryset, per_page: int) -> Paginator:
    """Pages of the filtered activities; their total comes from the cache of public reads.

    Counting 90,000 published rows, or the matches of a common word, is most of the database
    time of a list page; the same filters give the same total until an activity changes.
    """
    paginator = Paginator(listing(queryset), per_page)
    key = f"count:{form.cache_key()}"
    paginator.count = public_read(key, queryset.count, COUNT_CACHE_SECONDS)
    return paginator


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
    stamp = Activity.objects.filter(edition=edition).aggregate(
        rows=Count("id"), latest=Max("updated_at")
    )
    latest = stamp["latest"].isoformat() if stamp["latest"] else "0"
    return f"{stamp['rows']}:{latest}"


def activities_version() -> str:
    """The latest change to any activity: one index lookup, read by every process alike."""
    latest = Activity.objects.aggregate(latest=Max("updated_at"))["latest"]
    return latest.isoformat() if latest else "0"


def public_read(key: str, compute, seconds: int):
    """compute(), cached under `key` until the next edit of an activity.

    `seconds` bounds what the version cannot see: a deleted row, or a change committed out of
    order by a concurrent transaction.
    """
    return cache.get_or_set(f"museumday:{key}:{activities_version()}", compute, seconds)
