"""Who sees remote access: paid participants with the right category, nobody else, anywhere."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from museion.conference.models import Access, Status
from museion.conference.services import participation, payments
from museion.conference.services.registration import register_participant

from ..factories import UserFactory
from .conftest import applicant
from .factories import CategoryFactory, SessionAccessFactory, SessionFactory

SECRET = "https://stream.example.org/only-for-participants"


@pytest.fixture
def sessions(conference):
    hybrid = SessionFactory(conference=conference, title="Hybrid talk", attendance_mode="mixed")
    online = SessionFactory(
        conference=conference,
        title="Online panel",
        attendance_mode="online",
        starts_at=datetime(2022, 8, 23, 8, tzinfo=UTC),
    )
    onsite = SessionFactory(
        conference=conference,
        title="Site visit",
        attendance_mode="offline",
        starts_at=datetime(2022, 8, 24, 8, tzinfo=UTC),
    )
    for session in (hybrid, online, onsite):
        SessionAccessFactory(session=session, url=f"{SECRET}/{session.pk}")
    return {"mixed": hybrid, "online": online, "offline": onsite}


def registrant(conference, access: str, *, paid: bool, n: int = 1):
    category = CategoryFactory(conference=conference, access=access, price=Decimal("100"))
    registration = register_participant(
        conference=conference, category=category, applicant=applicant(n)
    )
    if paid:
        staff = UserFactory(username="cashier", is_staff=True)
        payments.confirm_payment(staff=staff, payment=registration.payments.get())
        registration.refresh_from_db()
    return registration


@pytest.mark.parametrize(
    "access,paid,expected",
    [
        (Access.ONLINE, True, {"mixed": True, "online": True, "offline": False}),
        (Access.ONSITE, True, {"mixed": True, "online": True, "offline": False}),
        (Access.ONSITE_ONLY, True, {"mixed": True, "online": False, "offline": False}),
        (Access.ONLINE, False, {"mixed": False, "online": False, "offline": False}),
        (Access.ONSITE, False, {"mixed": False, "online": False, "offline": False}),
    ],
)
def test_who_may_join_which_session(client, conference, sessions, access, paid, expected):
    registration = registrant(conference, access, paid=paid)
    for mode, session in sessions.items():
        response = client.get(reverse("conference:join", args=[registration.token, session.pk]))
        html = response.content.decode()
        assert (f"{SECRET}/{session.pk}" in html) is expected[mode], mode
        assert response.status_code == (200 if expected[mode] else 403)


def test_public_never_sees_access_links(client, conference, sessions):
    pages = [reverse("conference:programme", args=[conference.slug])]
    for session in sessions.values():
        pages.append(reverse("conference:session", args=[conference.slug, session.pk]))
        pages.append(reverse("conference:session_ical", args=[conference.slug, session.pk]))
    pages.append(reverse("conference:programme_ical", args=[conference.slug]))
    for page in pages:
        assert SECRET not in client.get(page).content.decode(), page


def test_unpaid_registrant_sees_no_link_but_a_paid_one_does_on_the_session_page(
    client, conference, sessions
):
    registration = registrant(conference, Access.ONLINE, paid=False)
    client.get(reverse("conference:participant", args=[registration.token]))
    page = reverse("conference:session", args=[conference.slug, sessions["online"].pk])
    html = client.get(page).content.decode()
    assert "Join online" not in html
    assert "Online access opens for you once your registration is confirmed" in html
    staff = UserFactory(username="cashier", is_staff=True)
    payments.confirm_payment(staff=staff, payment=registration.payments.get())
    html = client.get(page).content.decode()
    join = reverse("conference:join", args=[registration.token, sessions["online"].pk])
    assert f'href="{join}"' in html
    assert SECRET not in html  # the stream itself only on the personal access page


def test_revoked_link_stops_working_everywhere(client, conference, sessions):
    registration = registrant(conference, Access.ONLINE, paid=True)
    old = registration.token
    client.get(reverse("conference:participant", args=[old]))
    participation.reset_access_link(registration=registration)
    assert client.get(reverse("conference:participant", args=[old])).status_code == 404
    assert (
        client.get(reverse("conference:join", args=[old, sessions["online"].pk])).status_code == 404
    )
    page = reverse("conference:session", args=[conference.slug, sessions["online"].pk])
    assert "Join online" not in client.get(page).content.decode()


def test_emails_never_carry_the_stream(conference, sessions, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registrant(conference, Access.ONLINE, paid=True)
    assert [m.subject for m in mail.outbox] == [
        "Prague 2022: we received your registration",
        "Prague 2022: your registration is confirmed",
    ]
    for message in mail.outbox:
        assert SECRET not in message.body
        for attachment in message.attachments:
            assert SECRET not in attachment[1]


def test_agenda_and_private_feed(client, conference, sessions):
    registration = registrant(conference, Access.ONLINE, paid=True)
    for session in (sessions["online"], sessions["offline"]):
        client.post(
            reverse("conference:session_action", args=[registration.token, session.pk]),
            {"action": "bookmark"},
        )
    page = client.get(reverse("conference:participant", args=[registration.token]))
    html = page.content.decode()
    assert "Online panel" in html and "Site visit" in html
    feed = client.get(reverse("conference:agenda_feed", args=[registration.feed_token]))
    body = feed.content.decode().replace("\r\n ", "")  # unfold RFC 5545 lines
    assert feed.status_code == 200 and feed["Cache-Control"] == "private, no-store"
    assert body.count("BEGIN:VEVENT") == 2
    assert "DTSTART;TZID=Europe/Prague:20220823T100000" in body
    assert "BEGIN:VTIMEZONE" in body and "TZID:Europe/Prague" in body
    assert "CEST" not in body.replace("TZNAME:CEST", "")  # abbreviations only inside VTIMEZONE
    assert SECRET not in body
    assert f"/conference/me/{registration.token}/sessions/{sessions['online'].pk}/join/" in body
    old_feed = registration.feed_token
    client.post(
        reverse("conference:participant_action", args=[registration.token]),
        {"action": "reset_feed"},
    )
    assert client.get(reverse("conference:agenda_feed", args=[old_feed])).status_code == 404
    registration.refresh_from_db()
    assert (
        client.get(reverse("conference:agenda_feed", args=[registration.feed_token])).status_code
        == 200
    )


def test_unpaid_registrant_has_no_feed_and_no_qr(client, conference, sessions):
    registration = registrant(conference, Access.ONLINE, paid=False)
    assert (
        client.get(reverse("conference:agenda_feed", args=[registration.feed_token])).status_code
        == 404
    )
    html = client.get(reverse("conference:participant", args=[registration.token])).content.decode()
    assert "<svg" not in html and registration.checkin_code not in html


def test_confirmed_page_shows_the_qr_code(client, conference, sessions):
    registration = registrant(conference, Access.ONSITE, paid=True)
    html = client.get(reverse("conference:participant", args=[registration.token])).content.decode()
    assert '<svg role="img"' in html and registration.checkin_code in html
    assert registration.status == Status.CONFIRMED
