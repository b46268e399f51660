"""The public impact page and the reporting form pass axe-core's WCAG 2.2 A/AA rules."""

from datetime import date

import pytest
import time_machine
from playwright.sync_api import expect

from museion.museumday.models import ChannelFigure, ImpactReport, ReporterKind
from tests.factories import ActivityFactory, EditionFactory, MuseumFactory, UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def reports(transactional_db):
    edition = EditionFactory(year=2025, date=date(2025, 5, 18), theme="Museums in change")
    earlier = EditionFactory(year=2024, date=date(2024, 5, 18), theme="Museums for education")
    editor = UserFactory(username="editor")
    for index, (country, city) in enumerate([("FR", "Lyon"), ("ES", "Sevilla"), ("JP", "Kyoto")]):
        museum = MuseumFactory(name=f"Museum of {city}", slug=f"m-{index}", country=country)
        museum.editors.add(editor)
        for year_edition in (edition, earlier):
            ActivityFactory(edition=year_edition, museum=museum)
            report = ImpactReport.objects.create(
                edition=year_edition,
                reporter_kind=ReporterKind.MUSEUM,
                museum=museum,
                country=country,
                onsite_visitors=1000 * (index + 1),
                online_viewers=50,
                channel_audience=9000,
            )
            ChannelFigure.objects.create(
                report=report, channel="social", network="Instagram", items=3, audience=9000
            )
    return {"edition": edition, "editor": editor}


def test_impact_page_shows_its_charts_and_has_no_wcag_violation(page, reports, assert_accessible):
    page.goto("/museum-day/2025/impact/")

    expect(page.get_by_role("heading", level=1)).to_contain_text("participation and reach")
    expect(page.get_by_role("img", name="Museums taking part by country, 2025")).to_be_visible()
    expect(page.get_by_role("img", name="Audience reached by channel, 2025")).to_be_visible()
    expect(page.get_by_role("table", name="Reach by channel")).to_be_visible()
    assert_accessible(page)


def test_impact_page_in_french_on_a_phone_has_no_wcag_violation(
    page, live_server, reports, assert_accessible
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": "fr", "url": live_server.url}])
    page.goto("/museum-day/2025/impact/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("participation et audience")
    assert_accessible(page)


def test_report_form_with_errors_has_no_wcag_violation(page, reports, log_in, assert_accessible):
    log_in(reports["editor"])
    with time_machine.travel("2025-06-01T12:00:00+00:00", tick=False):
        page.goto("/museum-day/my/m-0/impact/2025/")
        page.get_by_label("On-site visitors").fill("-4")
        page.get_by_role("button", name="Save the report").click()
        expect(page.get_by_role("alert")).to_contain_text("Nothing was saved")
        assert_accessible(page)
