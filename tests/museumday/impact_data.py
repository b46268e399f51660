"""A small world of reports whose totals were worked out by hand (see EXPECTED)."""

from datetime import UTC, date, datetime

from museion.museumday.models import ChannelFigure, ImpactReport, ReporterKind, Status
from museion.network.models import Committee
from tests.factories import ActivityFactory, CommitteeFactory, EditionFactory, MuseumFactory

# While reports of 2022 are open (the day was 18 May; due six weeks later, 29 June).
OPEN = datetime(2022, 6, 1, 12, 0, tzinfo=UTC)


def report(edition, *, figures=(), **fields) -> ImpactReport:
    kind = (
        ReporterKind.MUSEUM
        if fields.get("museum")
        else ReporterKind.COMMITTEE
        if fields.get("committee")
        else ReporterKind.NETWORK
    )
    owner = fields.get("museum") or fields.get("committee")
    country = str(getattr(owner, "country", "") or "")
    made = ImpactReport.objects.create(
        edition=edition, reporter_kind=kind, country=country, **fields
    )
    for channel, network, items, audience in figures:
        ChannelFigure.objects.create(
            report=made, channel=channel, network=network, items=items, audience=audience
        )
    made.channel_audience = sum(figure[3] for figure in figures)
    made.save()
    return made


def build(edition, museum, other_museum) -> dict:
    """Louvre (FR) reports as a whole and for one activity; Prado (ES) reports; Orsay (FR) takes
    part without reporting; the French committee and the network add their own channels."""
    orsay = MuseumFactory(name="Musée d'Orsay", slug="orsay")
    first = ActivityFactory(edition=edition, museum=museum)
    ActivityFactory(edition=edition, museum=museum)
    ActivityFactory(edition=edition, museum=museum, status=Status.DRAFT)
    ActivityFactory(edition=edition, museum=other_museum)
    ActivityFactory(edition=edition, museum=orsay)
    committee = Committee.objects.filter(kind="national", country="FR").first() or (
        CommitteeFactory(name="ICOM France", slug="icom-france", country="FR")
    )
    report(
        edition,
        museum=museum,
        onsite_visitors=1000,
        online_viewers=200,
        figures=[("social", "Instagram", 3, 5000), ("news", "", 1, 20_000)],
    )
    report(
        edition,
        museum=museum,
        activity=first,
        onsite_visitors=300,
        figures=[("social", "Instagram", 2, 1500), ("podcast", "", 1, 700)],
    )
    report(
        edition,
        museum=other_museum,
        onsite_visitors=500,
        online_viewers=50,
        figures=[("blog", "", 2, 800)],
    )
    report(edition, figures=[("social", "Instagram", 10, 1_000_000)])
    report(edition, committee=committee, figures=[("newsletter", "", 1, 30_000)])
    # An earlier edition, and a later one that the 2022 page must not show.
    earlier = EditionFactory(year=2021, date=date(2021, 5, 18))
    ActivityFactory(edition=earlier, museum=other_museum)
    report(earlier, museum=other_museum, onsite_visitors=100, online_viewers=10)
    later = EditionFactory(year=2023, date=date(2023, 5, 18))
    ActivityFactory(edition=later, museum=other_museum)
    report(later, museum=other_museum, onsite_visitors=7)
    return {"orsay": orsay, "committee": committee, "activity": first}


EXPECTED_TOTALS = {
    "activities": 4,
    "museums": 3,
    "countries": 2,
    "reporting": 2,
    "onsite": 1800,
    # viewers 200 + 50, audiences 5000 + 20000 + 1500 + 700 + 800 + 1,000,000 + 30,000
    "online": 1_058_250,
}
