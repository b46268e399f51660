"""The demo fills the impact page of past editions, once however often it is loaded."""

from museion.demo.impact import load_impact_demo
from museion.museumday.impact_queries import compute_impact
from museion.museumday.models import ChannelFigure, ImpactReport
from tests.factories import ActivityFactory, CommitteeFactory, MuseumFactory


def test_impact_demo_reports_past_editions_once(edition):
    CommitteeFactory(slug="nc-fr", country="FR")
    for index in range(6):
        museum = MuseumFactory(external_id=f"demo:FR-{index}")
        ActivityFactory(edition=edition, museum=museum)

    assert load_impact_demo().startswith("Impact demo loaded:")
    reports, figures = ImpactReport.objects.count(), ChannelFigure.objects.count()
    assert load_impact_demo() == "Impact demo already loaded.\n"

    assert (ImpactReport.objects.count(), ChannelFigure.objects.count()) == (reports, figures)
    totals = compute_impact(edition)["totals"]
    assert totals["museums"] == 6 and totals["reporting"] >= 1
    assert totals["onsite"] > 0 and totals["online"] > 0
    assert ImpactReport.objects.filter(reporter_kind="network").count() == 1


def test_scale_reports_cover_every_scale_museum_in_three_editions(db):
    from museion.demo.impact_scale import generate_impact_reports, impact_signature
    from museion.demo.scale import generate_scale_data

    generate_scale_data(museums=20, activities=60, seed=7)
    reports, figures, _ = generate_impact_reports(seed=7)

    assert reports == impact_signature() == 60
    assert figures == ChannelFigure.objects.count() >= 60
    assert ImpactReport.objects.values("edition").distinct().count() == 3
