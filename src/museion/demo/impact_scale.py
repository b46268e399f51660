"""Participation and reach reports at scale: every scale museum reports for three editions.

Deterministic for a seed; bulk inserts in batches. Reports belong to scale museums, so clearing
the scale data (museums cascade to their reports) clears them too.
"""

import random
import time
from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from museion.museumday.impact_cache import bump_impact_version
from museion.museumday.models import Channel, ChannelFigure, Edition, ImpactReport, ReporterKind

from .scale import scale_museums

EDITIONS = 3
BATCH_SIZE = 2000
NETWORKS = ["Instagram", "Facebook", "TikTok", "YouTube", "LinkedIn", "Mastodon"]
OTHER_CHANNELS = [
    Channel.NEWS,
    Channel.BLOG,
    Channel.PODCAST,
    Channel.BROADCAST,
    Channel.NEWSLETTER,
]


def reported_editions() -> list[Edition]:
    """The latest editions whose day has passed (the ones museums report on)."""
    today = timezone.now().date()
    return list(Edition.objects.filter(date__lt=today).order_by("-year")[:EDITIONS])


def impact_signature() -> int:
    return ImpactReport.objects.filter(museum__in=scale_museums()).count()


def _figures(rng: random.Random, edition_id: int) -> list[ChannelFigure]:
    """One or two social networks, and half the time another channel (report set later)."""
    figures = [
        ChannelFigure(
            edition_id=edition_id,
            channel=Channel.SOCIAL,
            network=network,
            items=rng.randint(1, 15),
            audience=rng.randint(100, 40_000),
        )
        for network in rng.sample(NETWORKS, k=rng.randint(1, 2))
    ]
    if rng.random() < 0.5:
        figures.append(
            ChannelFigure(
                edition_id=edition_id,
                channel=rng.choice(OTHER_CHANNELS),
                items=rng.randint(1, 3),
                audience=rng.randint(500, 200_000),
            )
        )
    return figures


def generate_impact_reports(
    *, seed: int = 42, log: Callable[[str], None] = lambda message: None
) -> tuple[int, int, float]:
    """One report for the museum as a whole, per scale museum and reported edition, with one to
    three channel figures each; returns (reports, figures, seconds)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    museums = list(scale_museums().order_by("pk").values_list("pk", "country"))
    reports = figures = 0
    with transaction.atomic():
        for edition in reported_editions():
            for start in range(0, len(museums), BATCH_SIZE):
                chunk = museums[start : start + BATCH_SIZE]
                own = [_figures(rng, edition.pk) for _ in chunk]
                made = ImpactReport.objects.bulk_create(
                    ImpactReport(
                        edition=edition,
                        reporter_kind=ReporterKind.MUSEUM,
                        museum_id=pk,
                        country=country,
                        onsite_visitors=rng.randint(0, 8000),
                        online_viewers=rng.choice([0, 0, rng.randint(10, 30_000)]),
                        channel_audience=sum(figure.audience for figure in figures_of),
                    )
                    for (pk, country), figures_of in zip(chunk, own, strict=True)
                )
                batch = []
                for report, figures_of in zip(made, own, strict=True):
                    for figure in figures_of:
                        figure.report_id = report.pk
                    batch.extend(figures_of)
                ChannelFigure.objects.bulk_create(batch, batch_size=BATCH_SIZE)
                reports, figures = reports + len(made), figures + len(batch)
            log(f"impact reports: {edition.year} done ({reports} so far)")
            bump_impact_version(edition.pk)
    return reports, figures, time.perf_counter() - started
