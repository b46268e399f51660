"""200 people register at the same moment for 50 seats, over HTTP, against a live server.

PostgreSQL only: SQLite runs one write transaction at a time, so it cannot race. The control runs
replace the capacity guard with a naive count-then-write and must oversell, which proves the test
can catch a broken guard. The live server's listen backlog is raised in tests/conftest.py, so
no connection of the stampede is reset.
"""

import http.client
import re
import uuid
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from urllib.parse import urlencode, urlsplit

import pytest
from django.db import connection

from museion.conference.models import (
    HOLDS_SEAT,
    Registration,
    Session,
    Status,
    TicketCategory,
    WorkshopSignup,
)
from museion.conference.services import participation, registration
from museion.conference.services.registration import Applicant, register_participant

from .factories import CategoryFactory, ConferenceFactory, SessionFactory

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writes, so registrations cannot race",
    ),
    pytest.mark.django_db(transaction=True),
]

PEOPLE = 200
SEATS = 50
CLIENTS = 50


def _csrf(host: str, port: int, path: str) -> tuple[str, str]:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", path)
    response = conn.getresponse()
    html = response.read().decode()
    cookie = response.getheader("Set-Cookie")
    conn.close()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return token, cookie.split(";", 1)[0]


def _post(host, port, path, cookie, body: str) -> int:
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie},
        )
        return conn.getresponse().status
    finally:
        conn.close()


def stampede(live_server) -> tuple[TicketCategory, list[int]]:
    conference = ConferenceFactory()
    category = CategoryFactory(
        conference=conference, name="Open day", price=Decimal("0"), capacity=SEATS
    )
    address = urlsplit(live_server.url)
    path = f"/conference/{conference.slug}/register/"
    token, cookie = _csrf(address.hostname, address.port, path)
    bodies = [
        urlencode(
            {
                "csrfmiddlewaretoken": token,
                "category": category.pk,
                "name": f"Person {n}",
                "email": f"person{n}@example.org",
                "country": "FR",
                "consent": "on",
                "submission_id": str(uuid.uuid4()),
            }
        )
        for n in range(PEOPLE)
    ]
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = list(
            pool.map(lambda body: _post(address.hostname, address.port, path, cookie, body), bodies)
        )
    return category, statuses


def counts(category) -> dict[str, int]:
    rows = Registration.objects.filter(category=category)
    return {
        "confirmed": rows.filter(status=Status.CONFIRMED).count(),
        "waitlisted": rows.filter(status=Status.WAITLISTED).count(),
    }


@pytest.fixture
def stampede_settings(settings):
    settings.RATELIMIT_ENABLE = False
    return settings


def test_200_simultaneous_registrations_for_50_seats(live_server, stampede_settings):
    category, statuses = stampede(live_server)
    assert statuses == [302] * PEOPLE
    assert counts(category) == {"confirmed": SEATS, "waitlisted": PEOPLE - SEATS}
    assert TicketCategory.objects.get(pk=category.pk).taken == SEATS


def naive_take_seat(category) -> bool:
    """Count, then write: what the guard must never be."""
    held = Registration.objects.filter(category=category, status__in=HOLDS_SEAT).count()
    if held >= category.capacity:
        return False
    TicketCategory.objects.filter(pk=category.pk).update(taken=held + 1)
    return True


def naive_take_workshop_seat(session) -> bool:
    taken = WorkshopSignup.objects.filter(session=session).count()
    if taken >= session.signup_capacity:
        return False
    Session.objects.filter(pk=session.pk).update(signup_taken=taken + 1)
    return True


def test_control_without_the_guard_oversells(live_server, stampede_settings, monkeypatch):
    monkeypatch.setattr(registration, "take_seat", naive_take_seat)
    category, statuses = stampede(live_server)
    assert statuses == [302] * PEOPLE
    assert counts(category)["confirmed"] > SEATS


WORKSHOP_SEATS = 10
WORKSHOP_PEOPLE = 60


def workshop_stampede(live_server) -> tuple[int, int]:
    """60 confirmed on-site participants click "Sign up" for a 10-seat workshop at once."""
    conference = ConferenceFactory()
    category = CategoryFactory(conference=conference, price=Decimal("0"), capacity=PEOPLE)
    workshop = SessionFactory(
        conference=conference, type="workshop", signup_capacity=WORKSHOP_SEATS
    )
    tokens = [
        register_participant(
            conference=conference,
            category=category,
            applicant=Applicant(name=f"P{n}", email=f"p{n}@example.org", country="FR"),
        ).token
        for n in range(WORKSHOP_PEOPLE)
    ]
    address = urlsplit(live_server.url)
    csrf, cookie = _csrf(address.hostname, address.port, f"/conference/{conference.slug}/register/")
    body = urlencode({"csrfmiddlewaretoken": csrf, "action": "signup"})
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        statuses = list(
            pool.map(
                lambda token: _post(
                    address.hostname,
                    address.port,
                    f"/conference/me/{token}/sessions/{workshop.pk}/do/",
                    cookie,
                    body,
                ),
                tokens,
            )
        )
    assert statuses == [302] * WORKSHOP_PEOPLE
    rows = WorkshopSignup.objects.filter(session=workshop).count()
    return rows, Session.objects.get(pk=workshop.pk).signup_taken


def test_60_simultaneous_workshop_sign_ups_for_10_seats(live_server, stampede_settings):
    assert workshop_stampede(live_server) == (WORKSHOP_SEATS, WORKSHOP_SEATS)


def test_control_workshop_sign_ups_without_the_guard_oversell(
    live_server, stampede_settings, monkeypatch
):
    monkeypatch.setattr(participation, "take_workshop_seat", naive_take_workshop_seat)
    rows, _counted = workshop_stampede(live_server)
    assert rows > WORKSHOP_SEATS
