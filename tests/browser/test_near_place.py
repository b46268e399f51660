"""Finding activities near a place typed by name, from the directory's own cities (offline)."""

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from tests.factories import ActivityFactory, EditionFactory, MuseumFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def three_cities(transactional_db):
    edition = EditionFactory(year=2026)
    arken = MuseumFactory(
        name="Arken",
        city="Ishøj",
        country="DK",
        latitude=55.6055,
        longitude=12.3637,
        timezone="Europe/Copenhagen",
        languages=["da"],
    )
    louisiana = MuseumFactory(
        name="Louisiana",
        city="Humlebæk",
        country="DK",
        latitude=55.9697,
        longitude=12.5432,
        timezone="Europe/Copenhagen",
        languages=["da"],
    )
    prado = MuseumFactory(
        name="Prado",
        city="Madrid",
        country="ES",
        latitude=40.4138,
        longitude=-3.6921,
        timezone="Europe/Madrid",
        languages=["es"],
    )
    when = datetime(2026, 5, 18, 10, tzinfo=UTC)
    for museum, title in (
        (arken, "Arken by the sea"),
        (louisiana, "Louisiana sculpture walk"),
        (prado, "Noche en el Prado"),
    ):
        ActivityFactory(edition=edition, museum=museum, title=title, starts_at=when)


def test_visitor_finds_activities_near_a_typed_place_name(page, three_cities):
    page.goto("/museum-day/activities/?edition=")
    filters = page.get_by_role("search", name="Filter activities")
    filters.get_by_label("Near (a city)").fill("ishoj")
    filters.get_by_label("Within (km)").fill("60")
    filters.get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", level=2).first).to_have_text("2 activities")
    expect(page.get_by_role("link", name="Arken by the sea")).to_be_visible()
    expect(page.get_by_role("link", name="Louisiana sculpture walk")).to_be_visible()
    expect(page.get_by_role("link", name="Noche en el Prado")).to_have_count(0)
    expect(page.locator(".active-filters")).to_contain_text("Near (a city): ishoj")


def test_an_unknown_place_name_is_explained(page, three_cities):
    page.goto("/museum-day/activities/?edition=&near=Atlantis")
    expect(page.get_by_role("alert").first).to_contain_text(
        "No museum city is called “Atlantis”: try the nearest city with a museum."
    )
