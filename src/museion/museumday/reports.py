"""Participation and reach of an edition, for organisers: counts grouped for charts."""

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncWeek
from django_countries import countries

from museion.core.models import AttendanceMode

from .models import Activity, Category, Edition, Status

TOP_COUNTRIES = 15


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float  # of the largest bar, 0..1, for drawing


def bars(rows: list[tuple[str, int]]) -> list[Bar]:
    top = max((value for _, value in rows), default=0) or 1
    return [Bar(label, value, value / top) for label, value in rows]


def _grouped(queryset: QuerySet, field: str) -> list[tuple[str, int]]:
    rows = queryset.order_by().values(field).annotate(n=Count("id")).order_by("-n", field)
    return [(row[field], row["n"]) for row in rows]


def edition_report(edition: Edition, scope: QuerySet | None = None) -> dict:
    """Charts for one edition; `scope` limits to the museums an organiser moderates."""
    activities = Activity.objects.filter(edition=edition)
    if scope is not None:
        activities = activities.filter(museum__in=scope)
    published = activities.filter(status=Status.PUBLISHED)
    status_labels = dict(Status.choices)
    category_labels = dict(Category.choices)
    mode_labels = dict(AttendanceMode.choices)
    by_country = _grouped(published, "country")
    weekly = (
        activities.order_by()
        .annotate(week=TruncWeek("created_at"))
        .values("week")
        .annotate(n=Count("id"))
        .order_by("week")
    )
    return {
        "totals": published.aggregate(
            activities=Count("id"),
            museums=Count("museum", distinct=True),
            countries=Count("country", distinct=True),
        ),
        "by_status": bars([(str(status_labels[k]), n) for k, n in _grouped(activities, "status")]),
        "by_country": bars([(countries.name(k) or k, n) for k, n in by_country[:TOP_COUNTRIES]]),
        "other_countries": len(by_country) - min(len(by_country), TOP_COUNTRIES),
        "by_category": bars(
            [(str(category_labels.get(k, k)), n) for k, n in _grouped(published, "category")]
        ),
        "by_mode": bars(
            [(str(mode_labels.get(k, k)), n) for k, n in _grouped(published, "attendance_mode")]
        ),
        "by_week": bars([(row["week"].date().isoformat(), row["n"]) for row in weekly]),
    }
