"""General Conference end to end: timezone switch, student registration, approval, stream link."""

import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from museion.conference.models import Registration, Requirement
from museion.conference.services import payments
from tests.conference.factories import (
    CategoryFactory,
    ConferenceFactory,
    DayFactory,
    SessionAccessFactory,
    SessionFactory,
    SessionPersonFactory,
    SpeakerFactory,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.browser

STREAM = "https://stream.example.org/online-panel-8f3k"


@pytest.fixture
def conference(transactional_db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    conference = ConferenceFactory(privacy_notice_url="https://museion.example/privacy")
    CategoryFactory(conference=conference, name="Full on site", price=Decimal("400"))
    monday = DayFactory(conference=conference, date=conference.starts_on + timedelta(days=2))
    CategoryFactory(conference=conference, name="Day pass", day=monday, price=Decimal("120"))
    CategoryFactory(
        conference=conference,
        name="Student (online)",
        access="online",
        requirement=Requirement.STUDENT,
        price=Decimal("40"),
    )
    panel = SessionFactory(
        conference=conference,
        title="Museums and climate: online panel",
        type="panel",
        attendance_mode="online",
        starts_at=datetime(2022, 8, 22, 13, 0, tzinfo=UTC),
    )
    SessionPersonFactory(session=panel, speaker=SpeakerFactory(name="Ada Lovelace"))
    SessionAccessFactory(session=panel, url=STREAM, platform="Zoom", passcode="climate")
    return conference


def test_student_switches_timezone_registers_is_approved_and_joins(
    page, browser, live_server, conference, assert_accessible
):
    page.goto(f"/conference/{conference.slug}/")
    expect(page.locator(".tz-switch")).to_contain_text(
        "Times are shown in the conference timezone, Europe/Prague."
    )
    session = page.locator(".session", has_text="Museums and climate")
    expect(session.locator(".session-time")).to_have_text("15:00–16:00")
    assert_accessible(page)

    page.get_by_role("link", name="Show in my timezone: America/New_York").click()
    expect(page.locator(".tz-switch")).to_contain_text(
        "Times are shown in America/New_York, the timezone you chose."
    )
    expect(session.locator(".session-time")).to_have_text("Mon 22 Aug, 09:00–10:00")
    page.reload()  # remembered
    expect(session.locator(".session-time")).to_have_text("Mon 22 Aug, 09:00–10:00")

    page.get_by_role("link", name="Register", exact=True).first.click()
    expect(page.locator("main")).to_contain_text("valid on Monday 22 August 2022 only")
    assert_accessible(page)
    page.get_by_label(re.compile(r"^Student \(online\)")).check()
    page.get_by_label("Full name").fill("Lucía Fernández")
    page.get_by_label("E-mail").fill("lucia@example.org")
    page.get_by_label("Country").select_option("ES")
    page.locator("#id_proof").set_input_files(
        files=[{"name": "card.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 card"}]
    )
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Register").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your registration for Prague 2022")
    expect(page.locator("main")).to_contain_text("check your proof of student status")
    assert_accessible(page)
    page.goto(f"/conference/{conference.slug}/")
    page.get_by_role("link", name="Museums and climate: online panel").click()
    expect(page.locator("main")).to_contain_text("Online access opens for you once")
    expect(page.get_by_role("link", name="Join online")).to_have_count(0)
    assert_accessible(page)

    staff = UserFactory(username="registrar", is_staff=True)
    registration = Registration.objects.get(email="lucia@example.org")
    payments.approve_proof(staff=staff, registration=registration)
    payments.confirm_payment(staff=staff, payment=registration.payments.get())

    page.reload()
    page.get_by_role("link", name="Join online").click()
    expect(page.locator("a.stream-link")).to_have_attribute("href", STREAM)
    expect(page.locator("main")).to_contain_text("climate")  # passcode
    assert_accessible(page)

    stranger = browser.new_context(base_url=live_server.url, timezone_id="Europe/Madrid")
    other = stranger.new_page()
    other.goto(f"/conference/{conference.slug}/")
    other.get_by_role("link", name="Museums and climate: online panel").click()
    expect(other.locator("main")).to_contain_text("Registered participants follow this session")
    expect(other.get_by_role("link", name="Join online")).to_have_count(0)
    assert STREAM not in other.content()
    stranger.close()


def test_staff_checks_a_participant_in_by_typing_the_code(
    page, log_in, conference, assert_accessible
):
    from museion.conference.services.registration import Applicant, register_participant

    free = CategoryFactory(conference=conference, name="Guest", price=Decimal("0"))
    guest = register_participant(
        conference=conference,
        category=free,
        applicant=Applicant(name="Kwame Mensah", email="kwame@example.org", country="GH"),
    )
    log_in(UserFactory(username="desk", is_staff=True))
    page.goto(f"/conference/{conference.slug}/staff/check-in/")
    assert_accessible(page)
    page.get_by_label("Check-in code").fill(guest.checkin_code)
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_role("status")).to_contain_text("Welcome, Kwame Mensah (Guest).")
    page.get_by_label("Check-in code").fill(guest.checkin_code)
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_role("status")).to_contain_text("Kwame Mensah already checked in on")
    assert_accessible(page)


def test_waiting_list_offer_accepted_in_the_browser(page, conference, assert_accessible):
    from museion.conference.services.registration import Applicant, register_participant
    from museion.conference.services.waitlist import cancel_registration

    guest = CategoryFactory(conference=conference, name="Guest", price=Decimal("0"), capacity=1)
    holder = register_participant(
        conference=conference,
        category=guest,
        applicant=Applicant(name="Jan Novák", email="jan@example.org", country="CZ"),
    )
    page.goto(f"/conference/{conference.slug}/register/")
    page.get_by_label(re.compile(r"^Guest")).check()
    page.get_by_label("Full name").fill("Amara Okafor")
    page.get_by_label("E-mail").fill("amara@example.org")
    page.get_by_label("Country").select_option("NG")
    page.get_by_label(re.compile("I have read the privacy notice")).check()
    page.get_by_role("button", name="Register").click()
    expect(page.locator("main")).to_contain_text("You are number 1 on the waiting list")
    assert_accessible(page)

    cancel_registration(registration=holder)
    page.reload()
    page.get_by_role("link", name="Answer the offer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "A seat is free for you at Prague 2022"
    )
    assert_accessible(page)
    page.get_by_role("button", name="Accept the seat").click()
    expect(page.locator("main")).to_contain_text("The seat is yours.")
    expect(page.locator(".status")).to_have_text("Confirmed")
    code = Registration.objects.get(email="amara@example.org").checkin_code
    expect(page.get_by_role("img", name=f"QR code of your check-in code {code}")).to_be_visible()
    assert_accessible(page)
