"""Museum Day end to end: an editor registers, a moderator publishes, visitors find it."""

import re
from datetime import UTC, date, datetime

import pytest
from playwright.sync_api import expect

from museion.museumday.models import Activity, Status
from tests.factories import (
    ActivityFactory,
    CommitteeFactory,
    EditionFactory,
    MuseumFactory,
    UserFactory,
)

pytestmark = pytest.mark.browser

PASSWORD = "pw-for-tests"
WORKSHOP = "Printmaking workshop for families"


@pytest.fixture
def museum_day(transactional_db):
    edition = EditionFactory(
        year=2026,
        date=date(2026, 5, 18),
        theme="Museums for social cohesion",
        theme_translations={"fr": "Musées et cohésion sociale"},
    )
    carnavalet = MuseumFactory(name="Musée Carnavalet", slug="carnavalet")
    prado = MuseumFactory(
        name="Museo del Prado",
        slug="prado",
        country="ES",
        city="Madrid",
        latitude=40.4138,
        longitude=-3.6921,
        timezone="Europe/Madrid",
        languages=["es"],
    )
    editor = UserFactory(username="claire")
    carnavalet.editors.add(editor)
    CommitteeFactory(name="ICOM France", country="FR").coordinators.add(
        UserFactory(username="marc")
    )
    ActivityFactory(
        edition=edition,
        museum=carnavalet,
        title="Night at Carnavalet",
        category="guided_tour",
        starts_at=datetime(2026, 5, 18, 18, 0, tzinfo=UTC),
    )
    ActivityFactory(
        edition=edition,
        museum=prado,
        title="Noche en el Prado",
        category="workshop",
        language="es",
        starts_at=datetime(2026, 5, 18, 18, 0, tzinfo=UTC),
    )
    return edition


def log_in_through_form(page, username: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My activities")


def log_out(page) -> None:
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def test_editor_registers_activity_moderator_publishes_it_visitor_finds_it(page, museum_day):
    log_in_through_form(page, "claire")
    page.get_by_role("link", name="Register an activity for Musée Carnavalet").click()
    form = page.get_by_role("main")
    form.get_by_label("Edition").select_option(label="2026 — Museums for social cohesion")
    form.get_by_label("Title").fill(WORKSHOP)
    form.get_by_label("Description").fill("Print your own museum poster with our printmakers.")
    form.get_by_label("Category").select_option(label="Workshop")
    form.get_by_label("Starts").fill("2026-05-18T19:00")
    form.get_by_label("Ends").fill("2026-05-18T22:30")
    expect(form.get_by_label("Timezone")).to_have_value("Europe/Paris")
    form.get_by_role("button", name="Save and submit for moderation").click()

    expect(page.get_by_role("status")).to_have_text("Activity submitted for moderation.")
    expect(page.get_by_role("row", name=WORKSHOP)).to_contain_text("Submitted")
    activity = Activity.objects.get(title=WORKSHOP)
    assert (activity.starts_at, activity.ends_at, activity.status) == (
        datetime(2026, 5, 18, 17, 0, tzinfo=UTC),
        datetime(2026, 5, 18, 20, 30, tzinfo=UTC),
        Status.SUBMITTED,
    )
    log_out(page)

    log_in_through_form(page, "marc")
    page.get_by_role("link", name="Moderation queue").click()
    page.get_by_role("button", name=f"Publish {WORKSHOP}").click()

    expect(page.get_by_role("status")).to_have_text(f"“{WORKSHOP}” is published.")
    expect(page.get_by_text("Nothing to moderate.")).to_be_visible()
    activity.refresh_from_db()
    assert activity.status == Status.PUBLISHED
    log_out(page)

    page.get_by_role("link", name="Museum Day activities").click()
    filters = page.get_by_role("search", name="Filter activities")
    filters.get_by_label("Country").select_option(label="France")
    filters.get_by_label("Type").select_option(label="Workshop")
    filters.get_by_role("button", name="Search").click()

    expect(page).to_have_url(re.compile(r"country=FR.*category=workshop"))
    expect(page.get_by_role("heading", level=2)).to_have_text("1 activity")
    page.get_by_role("link", name=WORKSHOP).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(WORKSHOP)
    when = page.locator(".facts dd").first
    expect(when).to_have_text("18 May 2026, 19:00–22:30 Paris time (UTC+2)")
    expect(when.locator("time").first).to_have_attribute("datetime", "2026-05-18T17:00:00+00:00")


def test_visitor_finds_activity_on_the_map_by_free_text(page, museum_day):
    ActivityFactory(
        edition=museum_day,
        museum=MuseumFactory(name="Musée d'Orsay", slug="orsay", latitude=48.86, longitude=2.326),
        title=WORKSHOP,
        category="workshop",
    )
    page.goto("/museum-day/map/")

    expect(page.get_by_role("status")).to_have_text("3 activities in this view of the map")
    paris = page.get_by_role("button", name="2 activities", exact=True)
    expect(paris.locator("[aria-hidden=true]")).to_have_text("2")
    expect(page.get_by_role("button", name="Noche en el Prado")).to_be_visible()

    page.get_by_label("Search", exact=True).fill("printmaking")
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("status")).to_have_text("1 activity in this view of the map")
    expect(paris).to_have_count(0)
    page.get_by_role("button", name=WORKSHOP).focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").get_by_role("link", name=WORKSHOP).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(WORKSHOP)


def test_visitor_switches_the_interface_to_french(page, museum_day):
    page.goto("/museum-day/")
    expect(page.get_by_role("heading", level=1)).to_have_text("International Museum Day")

    page.get_by_label("Language").select_option(label="français")
    page.get_by_role("button", name="Change").click()

    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text("Journée internationale des musées")
    expect(page.locator(".lead")).to_contain_text("Musées et cohésion sociale")
    expect(page.locator(".lead")).to_contain_text("18 mai 2026")
    page.get_by_role("link", name="Se connecter").click()
    expect(page.get_by_label("Mot de passe")).to_be_visible()
