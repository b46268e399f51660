"""The default map leads somewhere: from the top of the page to an activity, keyboard alone."""

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import ActivityFactory, EditionFactory, MuseumFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def two_editions(transactional_db):
    coming_year = timezone.localdate().year + 1
    past = EditionFactory(year=2022)
    coming = EditionFactory(year=coming_year, date=date(coming_year, 5, 18))
    louvre = MuseumFactory(name="Louvre", slug="louvre", latitude=48.861, longitude=2.336)
    prado = MuseumFactory(
        name="Museo del Prado",
        slug="prado",
        country="ES",
        city="Madrid",
        latitude=40.4138,
        longitude=-3.6921,
        timezone="Europe/Madrid",
    )
    # Every museum has one activity a year at the same place, as in the demo: at the deepest
    # zoom they still make one cluster, which must list them.
    for museum in (louvre, prado):
        ActivityFactory(museum=museum, edition=past, title=f"{museum.name} in 2022")
    for title in ("Night at the Louvre", "Louvre for families"):
        ActivityFactory(
            museum=louvre,
            edition=coming,
            title=title,
            starts_at=datetime(coming_year, 5, 18, 17, tzinfo=UTC),
        )
    ActivityFactory(
        museum=prado,
        edition=coming,
        title="Noche en el Prado",
        starts_at=datetime(coming_year, 5, 18, 18, tzinfo=UTC),
    )
    return coming


def test_keyboard_alone_reaches_an_activity_from_the_default_map(page, two_editions):
    page.goto("/museum-day/map/")
    # The map opens on the coming edition only, and says what it counts.
    expect(page.locator("#map-status")).to_have_text("3 activities in this view of the map")
    expect(page.get_by_label("Edition (year)")).to_have_value(str(two_editions.year))

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to the map")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    paris = page.get_by_role("button", name="2 activities", exact=True)
    # Tab order follows the markers; move on until the Paris group has the focus.
    for _ in range(3):
        if paris.evaluate("e => e === document.activeElement"):
            break
        page.keyboard.press("Tab")
    expect(paris).to_be_focused()
    expect(paris.locator("[aria-hidden=true]")).to_have_text("2")

    page.keyboard.press("Enter")

    place = page.locator(".map-place")
    expect(place.locator(".map-place-title")).to_have_text("2 activities at this place")
    first = place.get_by_role("link", name="Night at the Louvre")
    expect(first).to_be_focused()
    expect(place.get_by_role("link")).to_have_text(["Night at the Louvre", "Louvre for families"])
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Night at the Louvre")


def test_a_search_zooms_the_map_to_its_results(page, two_editions):
    page.goto("/museum-day/map/?q=prado")
    expect(page.locator("#map-status")).to_have_text("1 activity in this view of the map")
    zoom = page.evaluate("() => document.querySelector('#activity-map').dataset.zoom")
    assert int(zoom) >= 10
