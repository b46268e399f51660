"""A visitor without an account stars sessions, keeps them across reloads, sees them in the
selection view, downloads them as iCal and takes them into the agenda at registration; the same
with the keyboard alone. Every programme view is checked with axe-core."""

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from playwright.sync_api import expect

from museion.conference.models import AgendaItem, Registration
from tests.conference.factories import (
    CategoryFactory,
    ConferenceFactory,
    RoomFactory,
    SessionFactory,
    SessionPersonFactory,
)

pytestmark = pytest.mark.browser

TITLES = ["Collections care", "Digital archives", "Museum education", "Community curating"]


@pytest.fixture
def conference(transactional_db, settings, tmp_path):
    settings.CONFERENCE_PRIVATE_ROOT = tmp_path
    conference = ConferenceFactory()
    CategoryFactory(conference=conference, name="Full on site", price=Decimal("0"))
    hall = RoomFactory(conference=conference, name="Forum Hall")
    monday = datetime(2022, 8, 22, 7, tzinfo=UTC)
    for n, title in enumerate(TITLES):
        session = SessionFactory(
            conference=conference, title=title, room=hall, starts_at=monday + timedelta(hours=n)
        )
        SessionPersonFactory(session=session)
    SessionFactory(
        conference=conference, title="Closing plenary", starts_at=monday + timedelta(days=2)
    )
    return conference


def star(page, title: str):
    return page.locator(".session", has_text=title).get_by_role("button", name=re.compile("^Star"))


def ical_titles(download) -> list[str]:
    with open(download.path(), encoding="utf-8") as calendar:
        text = calendar.read()
    return sorted(re.findall(r"^SUMMARY:(.*?)\r?$", text, re.M))


def test_visitor_stars_three_sessions_and_keeps_them(page, conference, assert_accessible):
    page.goto(f"/conference/{conference.slug}/")
    expect(page.locator(".day h2")).to_have_count(1)  # one day at a time
    expect(page.get_by_role("status").filter(has_text="Star sessions to keep")).to_be_visible()
    assert_accessible(page)
    for title in TITLES[:3]:
        star(page, title).click()
        expect(star(page, title)).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-selection-status]")).to_have_text("3 sessions in your selection")

    page.reload()
    for title in TITLES[:3]:
        expect(star(page, title)).to_have_attribute("aria-pressed", "true")
    expect(star(page, TITLES[3])).to_have_attribute("aria-pressed", "false")
    assert_accessible(page)

    page.get_by_role("link", name="Show my selection").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My selection")
    expect(page.locator(".session h3")).to_have_text(TITLES[:3])
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my selection (iCal)").first.click()
    assert ical_titles(download.value) == sorted(TITLES[:3])

    page.get_by_role("link", name="Register and keep them in my agenda").click()
    expect(page.locator("[data-selection-note]")).to_have_text(
        "The 3 sessions you starred in the programme will be added to your personal agenda."
    )
    assert_accessible(page)
    page.get_by_label(re.compile(r"^Full on site")).check()
    page.get_by_label("Full name").fill("Amina Diallo")
    page.get_by_label("E-mail").fill("amina@example.org")
    page.get_by_label("Country").select_option("SN")
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Your registration")
    registration = Registration.objects.get(email="amina@example.org")
    agenda = AgendaItem.objects.filter(registration=registration)
    assert sorted(agenda.values_list("session__title", flat=True)) == sorted(TITLES[:3])


def tab_to(page, test: str, limit: int = 150) -> None:
    """Press Tab until the focused element passes `test` (a JS function of the element)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"({test})(document.activeElement)"):
            return
    pytest.fail(f"Tab never reached an element passing {test}")


def test_keyboard_only_visitor_stars_three_sessions_and_downloads_them(page, conference):
    page.goto(f"/conference/{conference.slug}/")
    for title in TITLES[1:]:
        tab_to(page, f"e => e.matches('button.star') && e.textContent.includes({title!r})")
        page.keyboard.press("Space" if title != TITLES[2] else "Enter")
        expect(star(page, title)).to_have_attribute("aria-pressed", "true")
    expect(page.locator("[data-selection-status]")).to_have_text("3 sessions in your selection")
    page.keyboard.press("F5")
    page.wait_for_load_state()
    expect(star(page, TITLES[3])).to_have_attribute("aria-pressed", "true")
    tab_to(page, "e => e.matches('[data-selection-view]')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("My selection")
    expect(page.locator(".session h3")).to_have_text(TITLES[1:])
    tab_to(page, "e => e.matches('a[download]')")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert ical_titles(download.value) == sorted(TITLES[1:])


def test_filters_fold_on_a_phone_and_name_the_active_ones(browser, live_server, conference):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 800})
    phone = context.new_page()
    room = conference.rooms.get().pk
    phone.goto(f"/conference/{conference.slug}/?day=all&room={room}")
    panel = phone.locator("details.filter-panel")
    expect(panel).not_to_have_attribute("open", "")
    expect(panel.locator("summary")).to_contain_text("Filters Room: Forum Hall")
    expect(phone.get_by_label("Track")).to_be_hidden()
    panel.locator("summary").click()
    expect(phone.get_by_label("Track")).to_be_visible()
    context.close()


def test_all_days_and_now_and_next_have_no_wcag_violation(page, conference, assert_accessible):
    # First, while the conference runs (pages kept for anonymous readers follow the clock within
    # their few minutes of life; a test's clock jumps years, so it starts in the past).
    with time_machine.travel(datetime(2022, 8, 22, 8, 30, tzinfo=UTC)):
        page.goto(f"/conference/{conference.slug}/")
        page.get_by_role("link", name="Now and next").click()
        expect(page.locator(".now .session h3")).to_have_text(["Digital archives"])
        expect(page.locator(".next .session h3")).to_have_text(TITLES[2:])
        assert_accessible(page)
    page.goto(f"/conference/{conference.slug}/?day=2022-08-22")
    page.get_by_role("link", name="All days").click()
    expect(page.locator(".day h2")).to_have_count(2)
    expect(page.get_by_role("link", name="Now and next")).to_have_count(0)
    assert_accessible(page)
