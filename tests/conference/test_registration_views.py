import uuid
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from museion.conference.models import Registration, Requirement, Status, TicketCategory

from .factories import CategoryFactory


def form_data(category, n=1, **overrides):
    data = {
        "category": str(category.pk),
        "name": f"Person {n}",
        "email": f"person{n}@example.org",
        "country": "CZ",
        "affiliation": "National Museum",
        "accessibility_needs": "Step-free access",
        "dietary_needs": "Vegetarian",
        "consent": "on",
        "submission_id": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def register_url(conference):
    return reverse("conference:register", kwargs={"slug": conference.slug})


def test_form_lists_categories_with_server_prices(client, conference, category):
    html = client.get(register_url(conference)).content.decode()
    assert "Full on site — 400.00 EUR" in html
    assert 'name="consent"' in html


def test_registration_redirects_to_the_personal_page(client, conference, category):
    response = client.post(register_url(conference), form_data(category))
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/conference/me/{registration.token}/"
    assert (registration.affiliation, registration.dietary_needs) == (
        "National Museum",
        "Vegetarian",
    )
    assert registration.consent_at is not None
    page = client.get(response["Location"]).content.decode()
    assert "Pay by bank transfer" in page and "Reference: GC" in page


def test_tampered_price_is_ignored(client, conference, category):
    client.post(register_url(conference), form_data(category, price="0.01", amount="0"))
    assert Registration.objects.get().price == Decimal("400.00")


@pytest.mark.parametrize("value", ["999999", "abc", ""])
def test_unknown_or_tampered_category_is_a_form_error(client, conference, category, value):
    response = client.post(register_url(conference), {**form_data(category), "category": value})
    assert response.status_code == 400
    html = response.content.decode()
    assert "This ticket category does not exist" in html or "Choose a ticket." in html
    assert Registration.objects.count() == 0


def test_category_of_another_conference_in_the_post_is_refused(client, conference, category):
    from .factories import ConferenceFactory

    other = CategoryFactory(conference=ConferenceFactory(slug="other", name="Other"))
    response = client.post(register_url(conference), form_data(other))
    assert response.status_code == 400
    assert "This ticket category does not exist" in response.content.decode()
    assert TicketCategory.objects.get(pk=other.pk).taken == 0


def test_double_submit_lands_on_the_same_registration(client, conference, category):
    data = form_data(category)
    first = client.post(register_url(conference), data)
    second = client.post(register_url(conference), data)
    assert first["Location"] == second["Location"]
    assert Registration.objects.count() == 1
    assert TicketCategory.objects.get(pk=category.pk).taken == 1


def test_same_email_twice_gets_a_clear_message(client, conference, category):
    client.post(register_url(conference), form_data(category))
    response = client.post(register_url(conference), form_data(category))
    assert response.status_code == 400
    assert "already registered for the conference" in response.content.decode()
    assert Registration.objects.count() == 1


def test_missing_consent_is_refused(client, conference, category):
    data = form_data(category)
    del data["consent"]
    response = client.post(register_url(conference), data)
    assert response.status_code == 400
    assert "Please accept the privacy notice to register." in response.content.decode()


def test_non_member_choosing_the_member_rate_is_told_why(client, conference):
    member = CategoryFactory(conference=conference, requirement=Requirement.MEMBER)
    response = client.post(register_url(conference), form_data(member, membership_number="X1"))
    assert response.status_code == 400
    assert "The member rate needs a valid membership" in response.content.decode()
    assert TicketCategory.objects.get(pk=member.pk).taken == 0


@pytest.fixture
def student(conference):
    return CategoryFactory(
        conference=conference,
        name="Student online",
        access="online",
        requirement=Requirement.STUDENT,
        price=Decimal("40"),
    )


def test_student_proof_of_the_wrong_type_is_refused(client, conference, student):
    fake = SimpleUploadedFile("card.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client.post(register_url(conference), {**form_data(student), "proof": fake})
    assert response.status_code == 400
    assert "Send a PDF, JPEG or PNG file." in response.content.decode()
    assert Registration.objects.count() == 0


def test_student_proof_too_large_is_refused(client, conference, student, settings):
    big = SimpleUploadedFile(
        "card.png", b"\x89PNG\r\n\x1a\n" + b"0" * (5 * 1024 * 1024), "image/png"
    )
    response = client.post(register_url(conference), {**form_data(student), "proof": big})
    assert response.status_code == 400
    assert "This file is too large (5.0 MB). The limit is 5 MB." in response.content.decode()


def test_huge_upload_is_refused_before_reading_it(client, conference, student):
    huge = SimpleUploadedFile(
        "card.png", b"\x89PNG\r\n\x1a\n" + b"0" * (7 * 1024 * 1024), "image/png"
    )
    response = client.post(register_url(conference), {**form_data(student), "proof": huge})
    assert response.status_code == 413
    assert "The file you sent is too large. The limit is 5 MB." in response.content.decode()
    assert Registration.objects.count() == 0


def test_student_with_proof_is_pending(client, conference, student):
    proof = SimpleUploadedFile("card.jpg", b"\xff\xd8\xff\xe0 jpeg", "image/jpeg")
    response = client.post(register_url(conference), {**form_data(student), "proof": proof})
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.status, registration.proof_status) == (Status.PENDING, "pending")
    page = client.get(response["Location"]).content.decode()
    assert "check your proof of student status" in page


def test_registration_form_is_rate_limited_with_a_clear_429(client, conference, category, settings):
    settings.CONFERENCE_REGISTRATION_RATE = "2/m"
    for n in range(2):
        client.post(register_url(conference), form_data(category, n))
    response = client.post(register_url(conference), form_data(category, 9))
    assert response.status_code == 429
    assert "Please wait a minute, then try again." in response.content.decode()
    assert Registration.objects.count() == 2


def test_full_category_registers_on_the_waiting_list(client, conference, category):
    for n in range(3):
        response = client.post(register_url(conference), form_data(category, n))
    page = client.get(response["Location"]).content.decode()
    assert "You are number 1 on the waiting list" in page
    assert TicketCategory.objects.get(pk=category.pk).taken == 2


def test_form_sent_again_for_someone_else_registers_them_too(client, conference, category):
    data = form_data(category, 1)
    client.post(register_url(conference), data)
    response = client.post(
        register_url(conference), {**data, "name": "Person 2", "email": "person2@example.org"}
    )
    assert response.status_code == 302
    assert sorted(Registration.objects.values_list("email", flat=True)) == [
        "person1@example.org",
        "person2@example.org",
    ]
    assert TicketCategory.objects.get(pk=category.pk).taken == 2


@pytest.mark.parametrize("value", ["garbled", ""])
def test_garbled_or_missing_submission_id_still_registers(client, conference, category, value):
    response = client.post(register_url(conference), form_data(category, submission_id=value))
    assert response.status_code == 302
    assert Registration.objects.get().submission_id is None


def test_proof_sent_with_another_ticket_is_not_kept(client, conference, category):
    proof = SimpleUploadedFile("card.pdf", b"%PDF-1.4 card", "application/pdf")
    response = client.post(register_url(conference), {**form_data(category), "proof": proof})
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.proof.name, registration.proof_status) == ("", "")


def test_day_pass_shows_its_day_and_holds_a_seat_of_that_day(client, conference):
    from datetime import timedelta

    from .factories import DayFactory

    monday = DayFactory(conference=conference, date=conference.starts_on + timedelta(days=2))
    day_pass = CategoryFactory(conference=conference, name="Day pass", day=monday, capacity=1)
    html = client.get(register_url(conference)).content.decode()
    assert "valid on Monday 22 August 2022 only" in html
    response = client.post(register_url(conference), form_data(day_pass))
    page = client.get(response["Location"]).content.decode()
    assert "Day pass (Monday 22 August)" in page
    assert TicketCategory.objects.get(pk=day_pass.pk).taken == 1


def test_huge_upload_is_refused_before_the_body_is_read(conference, student):
    """The 413 comes before the CSRF check, which would read (and store) the whole body."""
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    huge = SimpleUploadedFile("card.png", b"\x89PNG\r\n\x1a\n" + b"0" * (7 * 1024 * 1024))
    response = strict.post(register_url(conference), {**form_data(student), "proof": huge})
    assert response.status_code == 413
    assert "The file you sent is too large. The limit is 5 MB." in response.content.decode()
    without_token = strict.post(register_url(conference), form_data(student))
    assert without_token.status_code == 403  # the form itself is still CSRF-protected
    assert Registration.objects.count() == 0
