"""Aggregates of participation and reach, computed in the database (GROUP BY) and cached per
edition under the versions of its reports, of the activities and of the museums."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum

from museion.network.models import Museum

from .impact_cache import impact_stamp
from .models import (
    Activity,
    Channel,
    ChannelFigure,
    Edition,
    ImpactReport,
    ReportReminder,
    Status,
)

CACHE_SECONDS = 600
TOP_COUNTRIES = 10


@dataclass(frozen=True)
class Scope:
    """What a coordinator sees: museums (a Q over Museum) and committees of their own."""

    museums: Q
    committee_ids: tuple[int, ...]
    key: str


@dataclass(frozen=True)
class CountryRow:
    code: str
    museums: int
    activities: int
    reporting: int
    onsite: int
    online: int

    @property
    def reach(self) -> int:
        return self.onsite + self.online


@dataclass(frozen=True)
class ChannelRow:
    channel: str
    items: int
    audience: int
    reporters: int


@dataclass(frozen=True)
class YearRow:
    year: int
    museums: int
    onsite: int
    online: int


@dataclass(frozen=True)
class MuseumRow:
    pk: int
    name: str
    slug: str
    city: str
    country: str
    activities: int
    reported: bool
    onsite: int
    online: int
    reminded_at: object  # datetime or None


def _reports(edition_filter: Q, scope: Scope | None):
    reports = ImpactReport.objects.filter(edition_filter)
    if scope is not None:
        reports = reports.filter(
            Q(museum__in=Museum.objects.filter(scope.museums))
            | Q(committee_id__in=scope.committee_ids)
        )
    return reports


def _activities(edition_filter: Q, scope: Scope | None):
    activities = Activity.objects.filter(edition_filter, status=Status.PUBLISHED)
    if scope is not None:
        activities = activities.filter(museum__in=Museum.objects.filter(scope.museums))
    return activities


def _by_country(edition: Edition, scope: Scope | None) -> list[CountryRow]:
    this = Q(edition=edition)
    taking_part = (
        _activities(this, scope)
        .order_by()
        .values("country")
        .annotate(activities=Count("id"), museums=Count("museum", distinct=True))
    )
    reported = (
        _reports(this, scope)
        .order_by()
        .values("country")
        .annotate(
            onsite=Sum("onsite_visitors"),
            online=Sum("online_viewers") + Sum("channel_audience"),
            reporting=Count("museum", distinct=True),
        )
    )
    rows: dict[str, dict] = {}

    def row(code: str) -> dict:
        return rows.setdefault(
            code, {"museums": 0, "activities": 0, "reporting": 0, "onsite": 0, "online": 0}
        )

    for item in taking_part:
        row(item["country"]).update(museums=item["museums"], activities=item["activities"])
    for item in reported:
        row(item["country"]).update(
            onsite=item["onsite"] or 0, online=item["online"] or 0, reporting=item["reporting"]
        )
    return [CountryRow(code, **values) for code, values in rows.items()]


def _by_channel(edition: Edition, scope: Scope | None) -> list[ChannelRow]:
    if scope is None:  # the copy of the edition on each figure: no join
        figures = ChannelFigure.objects.filter(edition=edition)
    else:
        figures = ChannelFigure.objects.filter(report__in=_reports(Q(edition=edition), scope))
    grouped = {
        item["channel"]: item
        for item in figures.order_by()
        .values("channel")
        .annotate(items=Sum("items"), audience=Sum("audience"), reporters=Count("report"))
    }
    return [
        ChannelRow(
            channel,
            grouped.get(channel, {}).get("items") or 0,
            grouped.get(channel, {}).get("audience") or 0,
            grouped.get(channel, {}).get("reporters") or 0,
        )
        for channel in Channel.values
    ]


def _by_year(edition: Edition, scope: Scope | None) -> list[YearRow]:
    upto = Q(edition__year__lte=edition.year)
    museums = dict(
        _activities(upto, scope)
        .order_by()
        .values("edition__year")
        .annotate(n=Count("museum", distinct=True))
        .values_list("edition__year", "n")
    )
    reports = {
        item["edition__year"]: item
        for item in _reports(upto, scope)
        .order_by()
        .values("edition__year")
        .annotate(
            onsite=Sum("onsite_visitors"),
            online=Sum("online_viewers") + Sum("channel_audience"),
        )
    }
    years = sorted(set(museums) | set(reports))
    return [
        YearRow(
            year,
            museums.get(year, 0),
            (reports.get(year) or {}).get("onsite") or 0,
            (reports.get(year) or {}).get("online") or 0,
        )
        for year in years
    ]


def compute_impact(edition: Edition, scope: Scope | None = None) -> dict:
    countries = _by_country(edition, scope)
    totals = _activities(Q(edition=edition), scope).aggregate(
        activities=Count("id"),
        museums=Count("museum", distinct=True),
        countries=Count("country", distinct=True),
    )
    totals.update(
        reporting=sum(row.reporting for row in countries),
        onsite=sum(row.onsite for row in countries),
        online=sum(row.online for row in countries),
    )
    return {
        "totals": totals,
        "countries": sorted(countries, key=lambda row: (-row.museums, row.code)),
        "channels": _by_channel(edition, scope),
        "years": _by_year(edition, scope),
    }


def impact_key(edition: Edition, scope: Scope | None = None) -> str:
    """Changes with every report of the edition and every activity (and per scope)."""
    return ":".join(
        [
            "museumday:impact",
            str(edition.pk),
            scope.key if scope else "all",
            impact_stamp(edition.pk),
        ]
    )


def impact(edition: Edition, scope: Scope | None = None) -> dict:
    """compute_impact(), cached until a report or an activity changes; its key as "key"."""
    key = impact_key(edition, scope)
    data = cache.get_or_set(key, lambda: compute_impact(edition, scope), CACHE_SECONDS)
    return {**data, "key": key}


def top_countries(countries: list[CountryRow], count: int = TOP_COUNTRIES) -> list[CountryRow]:
    """Countries ranked by the people reached (on site and online), then museums taking part."""
    ranked = sorted(countries, key=lambda row: (-row.reach, -row.museums, row.code))
    return [row for row in ranked if row.code][:count]


def museum_table(edition: Edition, scope: Scope) -> list[MuseumRow]:
    """Every museum of the scope that took part or reported, with its figures (4 queries)."""
    museums_q = Museum.objects.filter(scope.museums)
    activities = dict(
        Activity.objects.filter(edition=edition, status=Status.PUBLISHED, museum__in=museums_q)
        .order_by()
        .values("museum")
        .annotate(n=Count("id"))
        .values_list("museum", "n")
    )
    reports = {
        item["museum"]: item
        for item in ImpactReport.objects.filter(edition=edition, museum__in=museums_q)
        .order_by()
        .values("museum")
        .annotate(
            onsite=Sum("onsite_visitors"),
            online=Sum("online_viewers") + Sum("channel_audience"),
        )
    }
    reminded = dict(
        ReportReminder.objects.filter(edition=edition, museum__in=museums_q)
        .order_by()
        .values("museum")
        .annotate(last=Max("sent_at"))
        .values_list("museum", "last")
    )
    ids = set(activities) | set(reports)
    rows = []
    for museum in (
        Museum.objects.filter(pk__in=ids)
        .only("name", "slug", "city", "country")
        .order_by("country", "name", "pk")
    ):
        report = reports.get(museum.pk) or {}
        rows.append(
            MuseumRow(
                pk=museum.pk,
                name=museum.name,
                slug=museum.slug,
                city=museum.city,
                country=str(museum.country),
                activities=activities.get(museum.pk, 0),
                reported=museum.pk in reports,
                onsite=report.get("onsite") or 0,
                online=report.get("online") or 0,
                reminded_at=reminded.get(museum.pk),
            )
        )
    return rows
