"""Every page a visitor, an editor or a moderator sees passes axe-core's WCAG 2.2 A/AA rules."""

from datetime import UTC, date, datetime

import pytest
from playwright.sync_api import expect

from museion.museumday.models import Status
from tests.factories import (
    ActivityFactory,
    CommitteeFactory,
    EditionFactory,
    MuseumFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def site(transactional_db):
    edition = EditionFactory(
        year=2026,
        date=date(2026, 5, 18),
        theme="Museums for social cohesion",
        theme_translations={"fr": "Musées et cohésion sociale"},
    )
    museum = MuseumFactory(
        name="Musée Carnavalet", slug="carnavalet", website="https://example.org"
    )
    committee = CommitteeFactory(name="ICOM France", country="FR")
    museum.committees.add(committee)
    editor = UserFactory(username="editor")
    museum.editors.add(editor)
    coordinator = UserFactory(username="coordinator")
    committee.coordinators.add(coordinator)
    activity = ActivityFactory(
        edition=edition,
        museum=museum,
        title="Night at Carnavalet",
        starts_at=datetime(2026, 5, 18, 17, 0, tzinfo=UTC),
        booking_url="https://example.org/book",
        accessibility_notes="Step-free access by the garden gate.",
    )
    ActivityFactory(edition=edition, museum=museum, title="Paris at night", status=Status.SUBMITTED)
    ActivityFactory(
        edition=edition,
        museum=museum,
        title="Printing workshop",
        status=Status.REJECTED,
        rejection_reason="Please give the workshop's age range.",
    )
    return {"activity": activity, "museum": museum, "editor": editor, "coordinator": coordinator}


PUBLIC_PAGES = {
    "home": "/",
    "museum day": "/museum-day/",
    "edition": "/museum-day/2026/",
    "activity list": "/museum-day/activities/?edition=2026&country=FR",
    "activity list with filter errors": (
        "/museum-day/activities/?edition=next&date_from=2026-05-20&date_to=2026-05-01"
    ),
    "museums": "/museums/",
    "museum": "/museums/carnavalet/",
    "login": "/accounts/login/",
    "not found": "/no-such-page/",
}


@pytest.mark.parametrize("path", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_has_no_wcag_violation(page, site, assert_accessible, path):
    page.goto(path)
    expect(page.locator("h1")).to_be_visible()

    assert_accessible(page)


def test_activity_page_has_no_wcag_violation(page, site, assert_accessible):
    page.goto(site["activity"].get_absolute_url())
    expect(page.get_by_role("heading", level=1)).to_have_text("Night at Carnavalet")

    assert_accessible(page)


def test_activity_page_marks_only_the_editors_text_with_its_language(page, site):
    page.goto(site["activity"].get_absolute_url())

    expect(page.get_by_role("main").locator("[lang=fr]")).to_have_count(3)
    expect(page.get_by_role("heading", level=1)).to_have_attribute("lang", "fr")
    expect(page.locator(".description")).to_have_attribute("lang", "fr")
    expect(page.get_by_text("Step-free access by the garden gate.")).to_have_attribute("lang", "fr")


def test_form_errors_are_announced_with_their_field(page, site, log_in):
    log_in(site["editor"])
    page.goto("/museum-day/my/carnavalet/new/")
    page.get_by_role("button", name="Save draft").click()

    title = page.get_by_role("textbox", name="Title")
    expect(title).to_have_attribute("aria-invalid", "true")
    expect(title).to_have_accessible_description("This field is required.")
    starts = page.get_by_label("Starts")
    expect(starts).to_have_accessible_description(
        "Local time at the place, in the timezone below. This field is required."
    )


def test_map_page_has_no_wcag_violation(page, site, assert_accessible):
    page.goto("/museum-day/map/?edition=2026")
    expect(page.locator("#map-status")).to_have_text("1 activity in this view of the map")

    assert_accessible(page)


def test_embedded_list_and_map_have_no_wcag_violation(page, site, assert_accessible):
    page.goto("/museum-day/embed/?edition=2026&view=both")
    expect(page.locator("#map-status")).to_have_text("1 activity in this view of the map")

    assert_accessible(page)


def test_editor_dashboard_has_no_wcag_violation(page, site, log_in, assert_accessible):
    log_in(site["editor"])
    page.goto("/museum-day/my/")
    expect(page.get_by_text("Please give the workshop's age range.")).to_be_visible()

    assert_accessible(page)


def test_activity_form_with_errors_has_no_wcag_violation(page, site, log_in, assert_accessible):
    log_in(site["editor"])
    page.goto("/museum-day/my/carnavalet/new/")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("alert").first).to_have_text("Please correct the errors below.")

    assert_accessible(page)


def test_moderation_queue_has_no_wcag_violation(page, site, log_in, assert_accessible):
    log_in(site["coordinator"])
    page.goto("/museum-day/moderation/")
    expect(page.get_by_role("heading", name="Paris at night")).to_be_visible()

    assert_accessible(page)


def test_participation_report_has_no_wcag_violation(page, site, log_in, assert_accessible):
    log_in(site["coordinator"])
    page.goto("/museum-day/2026/report/")
    expect(page.get_by_role("img", name="Published activities by country")).to_be_visible()
    expect(page.get_by_role("rowheader", name="France")).to_be_visible()

    assert_accessible(page)


def test_public_pages_reflow_without_horizontal_scrolling_at_320_pixels(page, site):
    """WCAG 1.4.10: 320 CSS pixels wide is a 1280-pixel window zoomed to 400 %."""
    page.set_viewport_size({"width": 320, "height": 640})
    paths = [*PUBLIC_PAGES.values(), site["activity"].get_absolute_url(), "/museum-day/map/"]
    widths = {}
    for path in paths:
        page.goto(path)
        widths[path] = page.evaluate("() => document.documentElement.scrollWidth")

    assert widths == dict.fromkeys(paths, 320)


def test_skip_link_moves_keyboard_focus_to_main_content(page, site):
    page.goto("/museum-day/activities/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    # The filters' panel comes first: its summary names the filters in force.
    expect(page.locator("summary", has_text="Filters")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Search", exact=True)).to_be_focused()


def test_accessibility_check_reports_rule_impact_and_target(page, assert_accessible):
    page.set_content('<html lang="en"><title>Logo</title><main><img src="data:,"></main></html>')

    with pytest.raises(pytest.fail.Exception) as failure:
        assert_accessible(page)

    report = str(failure.value).splitlines()
    assert report[:4] == [
        "axe-core: 1 WCAG 2.2 A/AA violation(s) on about:blank",
        "- image-alt (critical): Images must have alternative text",
        "  https://dequeuniversity.com/rules/axe/4.11/image-alt?application=axeAPI",
        "    img",
    ]
    assert report[4].startswith(
        "      Fix any of the following: Element does not have an alt attribute; aria-label"
    )
