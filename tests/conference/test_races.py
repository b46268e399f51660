"""Two people act at the same moment (PostgreSQL: SQLite runs one writer at a time).

Each test stops the first transaction at the point where the other one used to slip through,
lets the other one try, and checks that nobody is stranded: a freed seat goes to whoever waits,
and a cancelled participant keeps no workshop seat.
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from museion.conference.models import Registration, Status, TicketCategory, WorkshopSignup
from museion.conference.services import participation, registration, waitlist
from museion.conference.services.registration import register_participant

from .conftest import applicant
from .factories import CategoryFactory, ConferenceFactory, SessionFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writes, so these cannot race",
    ),
    pytest.mark.django_db(transaction=True),
]

PAUSE = 1.0  # seconds the first transaction waits for the other to get in (it cannot: locked)


class Meeting:
    """The first transaction says where it stands and waits a moment for the second."""

    def __init__(self):
        self.reached = threading.Event()
        self.other_done = threading.Event()

    def hold(self):
        self.reached.set()
        self.other_done.wait(PAUSE)


def in_thread(target, errors: list):
    def run():
        try:
            target()
        except Exception as error:  # reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def waitlist_race(monkeypatch, take_seat=None) -> tuple[Registration, TicketCategory]:
    """One seat, held by A. B registers (full: B waits) while A cancels."""
    conference = ConferenceFactory()
    category = CategoryFactory(conference=conference, price=Decimal("0"), capacity=1)
    holder = register_participant(conference=conference, category=category, applicant=applicant(1))
    meeting = Meeting()
    create = registration._create

    def paused_create(**kwargs):  # B found the category full and is about to wait
        meeting.hold()
        return create(**kwargs)

    monkeypatch.setattr(registration, "_create", paused_create)
    if take_seat:
        monkeypatch.setattr(registration, "take_seat", take_seat)
    errors = []
    newcomer = in_thread(
        lambda: register_participant(
            conference=conference, category=category, applicant=applicant(2)
        ),
        errors,
    )
    assert meeting.reached.wait(10)
    canceller = in_thread(lambda: waitlist.cancel_registration(registration=holder), errors)
    canceller.join(10)
    meeting.other_done.set()
    newcomer.join(10)
    assert errors == []
    return Registration.objects.get(email="person2@example.org"), TicketCategory.objects.get(
        pk=category.pk
    )


def test_seat_freed_while_someone_is_being_waitlisted_is_offered_to_them(monkeypatch):
    newcomer, category = waitlist_race(monkeypatch)
    assert newcomer.status in (Status.OFFERED, Status.CONFIRMED)
    assert category.taken == 1


def test_control_without_the_lock_the_seat_is_stranded(monkeypatch):
    newcomer, category = waitlist_race(monkeypatch, take_seat=registration._take)
    assert (newcomer.status, category.taken) == (Status.WAITLISTED, 0)


def test_housekeeping_offers_a_free_seat_to_whoever_waits(db):
    conference = ConferenceFactory()
    category = CategoryFactory(conference=conference, price=Decimal("0"), capacity=1)
    register_participant(conference=conference, category=category, applicant=applicant(1))
    waiting = register_participant(conference=conference, category=category, applicant=applicant(2))
    TicketCategory.objects.filter(pk=category.pk).update(taken=0)  # a seat stranded before
    assert waitlist.fill_free_seats() == 1
    assert Registration.objects.get(pk=waiting.pk).status == Status.OFFERED


def test_cancelling_while_signing_up_for_a_workshop_leaves_no_seat_held(monkeypatch):
    conference = ConferenceFactory()
    category = CategoryFactory(conference=conference, price=Decimal("0"), capacity=5)
    workshop = SessionFactory(conference=conference, type="workshop", signup_capacity=3)
    person = register_participant(conference=conference, category=category, applicant=applicant(1))
    assert person.status == Status.CONFIRMED
    meeting = Meeting()
    take = participation.take_workshop_seat

    def paused_take(session):  # the sign-up has checked the registration and takes the seat
        meeting.hold()
        return take(session)

    monkeypatch.setattr(participation, "take_workshop_seat", paused_take)
    errors = []
    signing_up = in_thread(
        lambda: participation.sign_up(registration=person, session=workshop), errors
    )
    assert meeting.reached.wait(10)
    cancelling = in_thread(lambda: waitlist.cancel_registration(registration=person), errors)
    cancelling.join(10)
    meeting.other_done.set()
    signing_up.join(10)
    cancelling.join(10)
    assert errors == []
    assert Registration.objects.get(pk=person.pk).status == Status.CANCELLED
    assert WorkshopSignup.objects.filter(session=workshop).count() == 0
    workshop.refresh_from_db()
    assert workshop.signup_taken == 0
