from datetime import datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from museion.conference.models import (
    Payment,
    PaymentStatus,
    ProofStatus,
    Registration,
    Requirement,
    Status,
    TicketCategory,
)
from museion.conference.services.registration import register_participant, waitlist_position

from ..factories import CommitteeFactory, MuseumFactory
from ..network.factories import MembershipFactory
from .conftest import applicant
from .factories import (
    CategoryFactory,
    ConferenceFactory,
    DayFactory,
    DiscountCodeFactory,
)


def register(conference, category, n=1, **kwargs):
    return register_participant(
        conference=conference, category=category, applicant=applicant(n), **kwargs
    )


def seats(category) -> int:
    return TicketCategory.objects.get(pk=category.pk).taken


def test_registration_holds_a_seat_and_waits_for_payment(conference, category):
    registration = register(conference, category)
    assert registration.status == Status.PENDING
    assert registration.price == Decimal("400.00")
    assert registration.payment_due_at is not None
    payment = Payment.objects.get(registration=registration)
    assert (payment.amount, payment.status, payment.currency) == (
        Decimal("400.00"),
        PaymentStatus.PENDING,
        "EUR",
    )
    assert seats(category) == 1


def test_full_category_puts_people_on_the_waiting_list_in_order(conference, category):
    register(conference, category, 1)
    register(conference, category, 2)
    third = register(conference, category, 3)
    fourth = register(conference, category, 4)
    assert (third.status, fourth.status) == (Status.WAITLISTED, Status.WAITLISTED)
    assert (waitlist_position(third), waitlist_position(fourth)) == (1, 2)
    assert seats(category) == 2
    assert not Payment.objects.filter(registration__in=[third, fourth]).exists()


def test_free_category_confirms_at_once(conference):
    free = CategoryFactory(conference=conference, price=Decimal("0"), capacity=5)
    assert register(conference, free).status == Status.CONFIRMED
    assert Payment.objects.count() == 0


def test_same_email_cannot_register_twice(conference, category):
    register(conference, category, 1)
    with pytest.raises(ValidationError) as error:
        register_participant(
            conference=conference,
            category=category,
            applicant=applicant(1, email="PERSON1@example.org "),
        )
    assert "already registered" in error.value.message_dict["email"][0]
    assert Registration.objects.count() == 1
    assert seats(category) == 1


def test_double_submit_returns_the_first_registration(conference, category):
    import uuid

    submission = uuid.uuid4()
    first = register(conference, category, submission_id=submission)
    again = register(conference, category, submission_id=submission)
    assert again.pk == first.pk
    assert Registration.objects.count() == 1
    assert seats(category) == 1


def test_category_of_another_conference_is_refused(conference):
    other = CategoryFactory(conference=ConferenceFactory(slug="other", name="Other"))
    with pytest.raises(ValidationError) as error:
        register(conference, other)
    assert error.value.message_dict["category"] == ["This ticket category does not exist."]
    assert seats(other) == 0


@pytest.mark.parametrize(
    "window,message",
    [
        ((1, 5), "open on"),
        ((-5, -1), "have closed"),
    ],
)
def test_sale_window_is_enforced(conference, window, message):
    now = timezone.now()
    category = CategoryFactory(
        conference=conference,
        sale_starts_at=now + timedelta(days=window[0]),
        sale_ends_at=now + timedelta(days=window[1]),
    )
    with pytest.raises(ValidationError) as error:
        register(conference, category)
    assert message in error.value.message_dict["category"][0]
    assert Registration.objects.count() == 0


def test_closed_registration_is_refused(conference, category):
    conference.registration_open = False
    conference.save()
    with pytest.raises(ValidationError) as error:
        register(conference, category)
    assert error.value.messages == ["Registration for this conference is closed."]


def test_early_bird_price_until_its_date(conference):
    now = timezone.now()
    category = CategoryFactory(
        conference=conference, early_price=Decimal("300"), early_until=now + timedelta(days=1)
    )
    assert register(conference, category, 1).price == Decimal("300")
    later = register(conference, category, 2, now=now + timedelta(days=2))
    assert later.price == Decimal("400.00")


def test_discount_codes_percent_fixed_and_limits(conference, category):
    category.capacity = 10
    category.save()
    percent = DiscountCodeFactory(conference=conference, code="HALF", value=Decimal("50"))
    fixed = DiscountCodeFactory(
        conference=conference, code="MINUS50", kind="fixed", value=Decimal("50"), max_uses=1
    )
    assert register(conference, category, 1, discount_code="half").price == Decimal("200.00")
    assert register(conference, category, 2, discount_code="MINUS50").price == Decimal("350.00")
    with pytest.raises(ValidationError) as error:
        register(conference, category, 3, discount_code="MINUS50")
    assert error.value.message_dict["discount_code"] == ["This discount code has been used up."]
    with pytest.raises(ValidationError) as error:
        register(conference, category, 4, discount_code="NOPE")
    assert error.value.message_dict["discount_code"] == ["This discount code does not exist."]
    percent.refresh_from_db()
    fixed.refresh_from_db()
    assert (percent.used, fixed.used) == (1, 1)
    assert seats(category) == 2


def test_discount_code_bound_to_categories_and_window(conference, category):
    other = CategoryFactory(conference=conference, name="Online")
    bound = DiscountCodeFactory(conference=conference, code="ONLINE")
    bound.categories.add(other)
    with pytest.raises(ValidationError) as error:
        register(conference, category, 1, discount_code="ONLINE")
    assert "not valid for “Full on site”" in error.value.message_dict["discount_code"][0]
    DiscountCodeFactory(
        conference=conference, code="OLD", valid_until=timezone.now() - timedelta(days=1)
    )
    with pytest.raises(ValidationError) as error:
        register(conference, category, 1, discount_code="OLD")
    assert error.value.message_dict["discount_code"] == ["This discount code is not valid now."]


def test_member_rate_needs_a_valid_membership(conference):
    member_rate = CategoryFactory(conference=conference, requirement=Requirement.MEMBER)
    MembershipFactory(number="M-1", email="person1@example.org", museum=MuseumFactory())
    MembershipFactory(
        number="M-OLD",
        email="person2@example.org",
        museum=None,
        committee=CommitteeFactory(),
        valid_until=timezone.now().date() - timedelta(days=1),
    )
    with pytest.raises(ValidationError) as error:
        register(conference, member_rate, 2, membership_number="M-OLD")
    assert "valid membership" in error.value.message_dict["membership_number"][0]
    with pytest.raises(ValidationError):
        register(conference, member_rate, 3, membership_number="M-1")  # someone else's number
    registration = register(conference, member_rate, 1, membership_number="m-1")
    assert registration.membership.number == "M-1"
    assert seats(member_rate) == 1


def test_student_rate_needs_proof_and_stays_pending(conference):
    student = CategoryFactory(
        conference=conference, requirement=Requirement.STUDENT, price=Decimal("50")
    )
    with pytest.raises(ValidationError) as error:
        register(conference, student, 1)
    assert error.value.message_dict["proof"] == [
        "The student rate needs a proof of student status."
    ]
    proof = SimpleUploadedFile("card.pdf", b"%PDF-1.4 student card", "application/pdf")
    registration = register(conference, student, 1, proof=proof)
    assert (registration.status, registration.proof_status) == (
        Status.PENDING,
        ProofStatus.PENDING,
    )
    assert registration.payment_due_at is None  # the clock starts once the proof is approved
    with registration.proof.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4 student card"
    assert registration.proof.name.endswith(".pdf") and "card" not in registration.proof.name


def test_day_passes_are_one_category_per_day_each_with_its_capacity(conference):
    monday = DayFactory(conference=conference, date=conference.starts_on)
    tuesday = DayFactory(conference=conference, date=conference.starts_on + timedelta(days=1))
    monday_pass = CategoryFactory(conference=conference, day=monday, capacity=1)
    tuesday_pass = CategoryFactory(conference=conference, day=tuesday, capacity=1)
    assert register(conference, monday_pass, 1).status == Status.PENDING
    assert register(conference, monday_pass, 2).status == Status.WAITLISTED
    assert register(conference, tuesday_pass, 3).status == Status.PENDING
    assert (seats(monday_pass), seats(tuesday_pass)) == (1, 1)


def test_day_pass_category_must_be_for_a_day_of_its_conference(conference):
    foreign_day = DayFactory(conference=ConferenceFactory(slug="x", name="X"))
    category = CategoryFactory.build(conference=conference, day=foreign_day)
    with pytest.raises(ValidationError) as error:
        category.full_clean()
    assert error.value.message_dict["day"] == ["Choose a day of this conference."]


def test_received_email_is_queued_after_commit_in_the_registrants_language(
    conference, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register_participant(
            conference=conference,
            category=category,
            applicant=applicant(1, language="fr"),
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["person1@example.org"]
    assert "Prague 2022" in message.subject
    assert "/conference/me/" in message.body
    assert "stream.example.org" not in message.body


def test_emails_are_written_in_the_registrants_language(
    conference, category, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        register_participant(
            conference=conference, category=category, applicant=applicant(1, language="fr")
        )
        register_participant(
            conference=conference, category=category, applicant=applicant(2, language="en")
        )
    french, english = mail.outbox
    assert french.subject == "Prague 2022\u00a0: nous avons bien reçu votre inscription"
    assert french.body.startswith("Bonjour Person 1,")
    assert english.subject == "Prague 2022: we received your registration"
    assert english.body.startswith("Dear Person 2,")


# Late evening in UTC is already tomorrow in Prague; the DST switch; a year from now.
CLOCK_INSTANTS = [
    "2026-12-03T22:30:00+00:00",
    "2026-12-03T23:59:00+00:00",
    "2026-12-04T00:30:00+00:00",
    "2027-03-28T00:30:00+00:00",
    "2027-10-31T00:30:00+00:00",
    "2027-12-03T12:00:00+00:00",
]


@pytest.mark.parametrize("instant", CLOCK_INSTANTS)
def test_member_rate_asks_the_directory_for_a_membership_valid_today(db, instant):
    with time_machine.travel(datetime.fromisoformat(instant), tick=False):
        conference = ConferenceFactory()
        member_rate = CategoryFactory(conference=conference, requirement=Requirement.MEMBER)
        today_there = timezone.now().astimezone(conference.zone).date()
        MembershipFactory(
            number="M-NEXT-YEAR",
            email="person1@example.org",
            valid_from=today_there + timedelta(days=1),
            valid_until=today_there + timedelta(days=365),
        )
        with pytest.raises(ValidationError) as error:
            register(conference, member_rate, 1, membership_number="M-NEXT-YEAR")
        assert "valid membership" in error.value.message_dict["membership_number"][0]
        with pytest.raises(ValidationError):
            register(conference, member_rate, 1)  # no number: the e-mail alone is not enough
        assert seats(member_rate) == 0

        MembershipFactory(
            number="M-TODAY",
            email="person2@example.org",
            valid_from=today_there,
            valid_until=today_there + timedelta(days=365),
        )
        register(conference, member_rate, 2, membership_number="M-TODAY")
        assert seats(member_rate) == 1


class CardProvider:
    """A stand-in for an online provider (Stripe, …) plugged in through the registry."""

    name = "card"

    def instructions(self, payment):
        from museion.conference.services.payments import Instructions

        return Instructions(title="Pay by card", lines=[f"Pay {payment.amount} EUR online."])


def test_a_payment_provider_plugs_in_by_name(client, conference, category, settings, monkeypatch):
    from museion.conference.services import payments

    monkeypatch.setitem(payments.PROVIDERS, "card", CardProvider())
    settings.CONFERENCE_PAYMENT_PROVIDER = "card"
    registration = register(conference, category, 1)
    payment = registration.payments.get()
    assert (payment.provider, payment.status) == ("card", PaymentStatus.PENDING)
    from django.urls import reverse

    html = client.get(reverse("conference:participant", args=[registration.token])).content.decode()
    assert "Pay by card" in html and "Pay 400.00 EUR online." in html
    payments.mark_paid(payment=payment)  # what the provider's webhook calls
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED
