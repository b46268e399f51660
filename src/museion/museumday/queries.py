"""Reads used by several views: public listings, counters, an edition's numbers."""

from django.core.cache import cache
from django.db.models import Count

from .filters import public_activities
from .models import Activity, Edition

PAGE_SIZE = 20
COUNTERS_TTL = 300


def current_edition() -> Edition | None:
    return Edition.objects.order_by("-year").first()


def listing(queryset):
    return queryset.select_related("museum", "edition").order_by("starts_at", "id")


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
    """Changes whenever an activity of the edition changes, so cached numbers never go stale."""
    latest = (
        Activity.objects.filter(edition=edition)
        .order_by("-updated_at")
        .values_list("updated_at", flat=True)
        .first()
    )
    return latest.isoformat() if latest else "0"
