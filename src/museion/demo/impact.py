"""Participation and reach reports for the demo editions that are over (idempotent)."""

import random

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from museion.museumday.impact_cache import bump_impact_version
from museion.museumday.models import (
    Activity,
    Channel,
    ChannelFigure,
    Edition,
    ImpactReport,
    ReporterKind,
    Status,
)
from museion.network.models import Committee, Museum

SOCIAL_NETWORKS = ["Instagram", "Facebook", "TikTok", "YouTube", "Mastodon"]
# Share of the museums taking part that report: the rest show coordinators who to remind.
REPORTING_SHARE = 0.85


def _figures(rng: random.Random, report: ImpactReport, scale: int) -> list[ChannelFigure]:
    figures = []
    for network in rng.sample(SOCIAL_NETWORKS, k=rng.randint(1, 3)):
        figures.append(
            ChannelFigure(
                report=report,
                edition_id=report.edition_id,
                channel=Channel.SOCIAL,
                network=network,
                items=rng.randint(1, 12),
                audience=rng.randint(200, 20_000) * scale,
            )
        )
    for channel in rng.sample(
        [Channel.NEWS, Channel.BLOG, Channel.PODCAST, Channel.BROADCAST, Channel.NEWSLETTER],
        k=rng.randint(0, 3),
    ):
        figures.append(
            ChannelFigure(
                report=report,
                edition_id=report.edition_id,
                channel=channel,
                items=rng.randint(1, 4),
                audience=rng.randint(500, 60_000) * scale,
                evidence=[f"https://press.example.org/{report.museum_id or 'network'}/{channel}"],
            )
        )
    return figures


@transaction.atomic
def load_impact_demo(*, seed: int = 2022) -> str:
    """Reports of the demo museums for each edition whose day has passed, once."""
    rng = random.Random(seed)
    staff = get_user_model().objects.filter(username="staff").first()
    today = timezone.now().date()
    made = 0
    for edition in Edition.objects.filter(date__lt=today).order_by("year"):
        demo = Museum.objects.filter(external_id__startswith="demo:")
        if ImpactReport.objects.filter(edition=edition, museum__in=demo).exists():
            continue
        taking_part = demo.filter(
            Exists(
                Activity.objects.filter(
                    museum=OuterRef("pk"), edition=edition, status=Status.PUBLISHED
                )
            )
        ).order_by("pk")
        reports = []
        for museum in taking_part:
            if rng.random() > REPORTING_SHARE:
                continue
            reports.append(
                ImpactReport(
                    edition=edition,
                    reporter_kind=ReporterKind.MUSEUM,
                    museum=museum,
                    country=museum.country,
                    onsite_visitors=rng.randint(80, 6000),
                    online_viewers=rng.choice([0, 0, rng.randint(50, 20_000)]),
                    created_by=staff,
                    updated_by=staff,
                )
            )
        national = Committee.objects.filter(slug="nc-fr").first()
        if national is not None:
            reports.append(
                ImpactReport(
                    edition=edition,
                    reporter_kind=ReporterKind.COMMITTEE,
                    committee=national,
                    country=national.country,
                    created_by=staff,
                )
            )
        reports.append(
            ImpactReport(edition=edition, reporter_kind=ReporterKind.NETWORK, created_by=staff)
        )
        ImpactReport.objects.filter(edition=edition, reporter_kind=ReporterKind.NETWORK).delete()
        if national is not None:
            ImpactReport.objects.filter(edition=edition, committee=national).delete()
        created = ImpactReport.objects.bulk_create(reports)
        saved = ImpactReport.objects.filter(edition=edition).order_by("pk")
        figures = []
        for report in saved:
            scale = 40 if report.reporter_kind == ReporterKind.NETWORK else 1
            own = _figures(rng, report, scale)
            report.channel_audience = sum(figure.audience for figure in own)
            figures.extend(own)
        ChannelFigure.objects.bulk_create(figures)
        ImpactReport.objects.bulk_update(saved, ["channel_audience"])
        made += len(created)
        bump_impact_version(edition.pk)
    if not made:
        return "Impact demo already loaded.\n"
    return f"Impact demo loaded: {made} reports.\n"
