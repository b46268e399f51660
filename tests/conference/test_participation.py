from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from museion.conference.models import Access, Requirement, Session, Status, WorkshopSignup
from museion.conference.services import participation, payments
from museion.conference.services.programme import clashes_for, find_clashes
from museion.conference.services.registration import register_participant

from ..factories import UserFactory
from .conftest import applicant
from .factories import (
    CategoryFactory,
    RoomFactory,
    SessionFactory,
    SessionPersonFactory,
    SpeakerFactory,
)


@pytest.fixture
def staff(db):
    return UserFactory(username="staff", is_staff=True)


def confirmed(conference, n, access=Access.ONSITE):
    category = CategoryFactory(conference=conference, access=access, price=Decimal("0"))
    registration = register_participant(
        conference=conference, category=category, applicant=applicant(n)
    )
    assert registration.status == Status.CONFIRMED
    return registration


def test_workshop_sign_up_never_oversells(conference):
    workshop = SessionFactory(conference=conference, type="workshop", signup_capacity=2)
    people = [confirmed(conference, n) for n in range(3)]
    participation.sign_up(registration=people[0], session=workshop)
    participation.sign_up(registration=people[1], session=workshop)
    with pytest.raises(ValidationError) as error:
        participation.sign_up(registration=people[2], session=workshop)
    assert error.value.messages == ["This workshop is full."]
    with pytest.raises(ValidationError) as error:
        participation.sign_up(registration=people[0], session=workshop)
    assert error.value.messages == ["You have already signed up for this workshop."]
    assert Session.objects.get(pk=workshop.pk).signup_taken == 2
    participation.cancel_signup(registration=people[0], session=workshop)
    participation.sign_up(registration=people[2], session=workshop)
    assert WorkshopSignup.objects.filter(session=workshop).count() == 2


def test_workshop_sign_up_is_for_confirmed_on_site_participants(conference):
    workshop = SessionFactory(conference=conference, type="workshop", signup_capacity=5)
    online = confirmed(conference, 1, access=Access.ONLINE)
    with pytest.raises(PermissionDenied):
        participation.sign_up(registration=online, session=workshop)
    lecture = SessionFactory(conference=conference)
    with pytest.raises(ValidationError):
        participation.sign_up(registration=confirmed(conference, 2), session=lecture)


def test_workshop_sign_up_through_the_session_page(client, conference):
    workshop = SessionFactory(conference=conference, type="workshop", signup_capacity=1)
    registration = confirmed(conference, 1)
    client.get(reverse("conference:participant", args=[registration.token]))
    page = reverse("conference:session", args=[conference.slug, workshop.pk])
    assert "1 seat left" in client.get(page).content.decode()
    response = client.post(
        reverse("conference:session_action", args=[registration.token, workshop.pk]),
        {"action": "signup"},
        follow=True,
    )
    html = response.content.decode()
    assert "You have a seat in this workshop." in html and "0 seats left" in html


def test_cancelling_a_registration_releases_workshop_seats(conference):
    from museion.conference.services.waitlist import cancel_registration

    workshop = SessionFactory(conference=conference, type="workshop", signup_capacity=1)
    registration = confirmed(conference, 1)
    participation.sign_up(registration=registration, session=workshop)
    cancel_registration(registration=registration)
    assert Session.objects.get(pk=workshop.pk).signup_taken == 0


def test_check_in_records_arrival_once(client, conference, staff):
    registration = confirmed(conference, 1)
    desk = reverse("conference:checkin", args=[conference.slug])
    client.force_login(staff)
    response = client.post(desk, {"code": registration.checkin_code.lower()})
    assert "Welcome, Person 1" in response.content.decode()
    registration.refresh_from_db()
    first = registration.checked_in_at
    assert first is not None
    again = client.post(desk, {"code": registration.checkin_code})
    assert "Person 1 already checked in on" in again.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_at == first
    unknown = client.post(desk, {"code": "NOPE"})
    assert unknown.status_code == 400
    assert "No registration has this code." in unknown.content.decode()


def test_check_in_refuses_online_only_and_unconfirmed(conference, staff):
    online = confirmed(conference, 1, access=Access.ONLINE)
    with pytest.raises(ValidationError) as error:
        participation.check_in(staff=staff, conference=conference, code=online.checkin_code)
    assert error.value.messages == ["This registration is for online attendance only."]
    category = CategoryFactory(conference=conference)
    pending = register_participant(conference=conference, category=category, applicant=applicant(2))
    with pytest.raises(ValidationError) as error:
        participation.check_in(staff=staff, conference=conference, code=pending.checkin_code)
    assert error.value.messages == ["This registration is pending, not confirmed."]


def test_staff_pages_are_for_staff_only(client, conference):
    registration = confirmed(conference, 1)
    for url in [
        reverse("conference:checkin", args=[conference.slug]),
        reverse("conference:clashes", args=[conference.slug]),
        reverse("conference:proof", args=[registration.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
    client.force_login(UserFactory(username="visitor"))
    assert (
        client.post(
            reverse("conference:checkin", args=[conference.slug]),
            {"code": registration.checkin_code},
        ).status_code
        == 302
    )
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_student_approval_flow_and_proof_download(client, conference, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    student = CategoryFactory(
        conference=conference, requirement=Requirement.STUDENT, price=Decimal("40")
    )
    registration = register_participant(
        conference=conference,
        category=student,
        applicant=applicant(1),
        proof=SimpleUploadedFile("id.png", b"\x89PNG\r\n\x1a\nxx", "image/png"),
    )
    client.force_login(staff)
    download = client.get(reverse("conference:proof", args=[registration.pk]))
    assert download["Content-Type"] == "image/png"
    assert b"".join(download.streaming_content) == b"\x89PNG\r\n\x1a\nxx"
    now = timezone.now()
    approved = payments.approve_proof(staff=staff, registration=registration, now=now)
    assert approved.status == Status.PENDING
    assert approved.payment_due_at == now + timedelta(hours=72)
    payments.confirm_payment(staff=staff, payment=approved.payments.get())
    approved.refresh_from_db()
    assert approved.status == Status.CONFIRMED


def test_rejected_proof_cancels_and_frees_the_seat(conference, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    student = CategoryFactory(
        conference=conference, requirement=Requirement.STUDENT, price=Decimal("0"), capacity=1
    )
    first = register_participant(
        conference=conference,
        category=student,
        applicant=applicant(1),
        proof=SimpleUploadedFile("a.pdf", b"%PDF-1", "application/pdf"),
    )
    waiting = register_participant(
        conference=conference,
        category=student,
        applicant=applicant(2),
        proof=SimpleUploadedFile("b.pdf", b"%PDF-1", "application/pdf"),
    )
    payments.reject_proof(staff=staff, registration=first)
    first.refresh_from_db()
    waiting.refresh_from_db()
    assert (first.status, first.proof_status) == (Status.CANCELLED, "rejected")
    assert waiting.status == Status.OFFERED


def test_clash_check_finds_rooms_and_speakers_booked_twice(client, conference, staff):
    room = RoomFactory(conference=conference, name="Forum Hall")
    ada = SpeakerFactory(name="Ada Lovelace")
    start = datetime(2022, 8, 22, 8, tzinfo=UTC)
    first = SessionFactory(conference=conference, title="A", room=room, starts_at=start)
    second = SessionFactory(
        conference=conference, title="B", room=room, starts_at=start + timedelta(minutes=30)
    )
    third = SessionFactory(conference=conference, title="C", starts_at=start)
    later = SessionFactory(
        conference=conference, title="D", room=room, starts_at=start + timedelta(hours=2)
    )
    SessionPersonFactory(session=first, speaker=ada)
    SessionPersonFactory(session=third, speaker=ada, role="chair")
    SessionPersonFactory(session=later, speaker=ada)
    messages = [c.message for c in find_clashes(conference)]
    assert messages == [
        "Ada Lovelace is booked twice: “A” and “C”.",
        "Room “Forum Hall” is booked twice: “A” and “B”.",
    ]
    assert [c.message for c in clashes_for(second)] == [
        "Room “Forum Hall” is booked twice: “B” and “A”."
    ]
    client.force_login(staff)
    html = client.get(reverse("conference:clashes", args=[conference.slug])).content.decode()
    assert "Ada Lovelace is booked twice" in html


def test_admin_warns_about_clashes_when_saving_a_session(client, conference, staff):
    room = RoomFactory(conference=conference, name="Forum Hall")
    SessionFactory(conference=conference, title="Existing", room=room)
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    data = {
        "conference": conference.pk,
        "title": "New",
        "type": "lecture",
        "room": room.pk,
        "attendance_mode": "mixed",
        "languages": '["en"]',
        "interpretation": "[]",
        "starts_at_0": "2022-08-22",
        "starts_at_1": "10:30:00",  # Prague summer time: 08:30 UTC, during “Existing”
        "ends_at_0": "2022-08-22",
        "ends_at_1": "11:30:00",
        "is_published": "on",
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
        "access-TOTAL_FORMS": "0",
        "access-INITIAL_FORMS": "0",
    }
    response = client.post(reverse("admin:conference_session_add"), data, follow=True)
    assert "Room “Forum Hall” is booked twice: “New” and “Existing”." in response.content.decode()
    new = Session.objects.get(title="New")
    assert new.starts_at == datetime(2022, 8, 22, 8, 30, tzinfo=UTC)


def test_admin_shows_session_times_in_the_conference_timezone(client, conference, staff):
    session = SessionFactory(conference=conference, starts_at=datetime(2022, 8, 22, 7, tzinfo=UTC))
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    html = client.get(
        reverse("admin:conference_session_change", args=[session.pk])
    ).content.decode()
    assert 'name="starts_at_1" value="09:00:00"' in html
    assert "In the conference's timezone, Europe/Prague." in html
    add = client.get(reverse("admin:conference_session_add")).content.decode()
    assert "In the timezone of the conference you choose." in add


def test_admin_capacity_raise_offers_seats(client, conference, staff):
    category = CategoryFactory(conference=conference, capacity=1)
    register_participant(conference=conference, category=category, applicant=applicant(1))
    waiting = register_participant(conference=conference, category=category, applicant=applicant(2))
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    url = reverse("admin:conference_ticketcategory_change", args=[category.pk])
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        conference=conference.pk,
        capacity=2,
        sale_starts_at_0=category.sale_starts_at.strftime("%Y-%m-%d"),
        sale_starts_at_1=category.sale_starts_at.strftime("%H:%M:%S"),
        sale_ends_at_0=category.sale_ends_at.strftime("%Y-%m-%d"),
        sale_ends_at_1=category.sale_ends_at.strftime("%H:%M:%S"),
    )
    data.pop("early_until", None)
    data.pop("sale_starts_at", None)
    data.pop("sale_ends_at", None)
    response = client.post(url, data, follow=True)
    assert "1 seat(s) offered to the waiting list." in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == Status.OFFERED


@pytest.mark.parametrize(
    "name",
    [
        "conference",
        "session",
        "registration",
        "waitinglist",
        "payment",
        "ticketcategory",
        "discountcode",
        "speaker",
        "network:membership",
    ],
)
def test_admin_lists_load(client, staff, conference, name):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    confirmed(conference, 1)
    app, _colon, model = name.rpartition(":")
    url = reverse(f"admin:{app or 'conference'}_{model}_changelist")
    assert client.get(url).status_code == 200


def session_admin_data(conference, **overrides):
    data = {
        "conference": conference.pk,
        "title": "Emergency inventories",
        "type": "workshop",
        "attendance_mode": "offline",
        "languages": '["en"]',
        "interpretation": "[]",
        "starts_at_0": "2022-08-22",
        "starts_at_1": "08:30:00",
        "ends_at_0": "2022-08-22",
        "ends_at_1": "09:30:00",
        "is_published": "on",
        "people-TOTAL_FORMS": "0",
        "people-INITIAL_FORMS": "0",
        "access-TOTAL_FORMS": "0",
        "access-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("capacity", ["1", ""])
def test_admin_refuses_fewer_workshop_seats_than_signed_up(client, conference, staff, capacity):
    workshop = SessionFactory(conference=conference, type="workshop", signup_capacity=3)
    for n in range(2):
        participation.sign_up(registration=confirmed(conference, n), session=workshop)
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    url = reverse("admin:conference_session_change", args=[workshop.pk])
    response = client.post(url, session_admin_data(conference, signup_capacity=capacity))
    assert response.status_code == 200
    assert (
        "2 people have signed up already: keep at least 2 seats, or cancel sign-ups first."
        in response.content.decode()
    )
    assert Session.objects.get(pk=workshop.pk).signup_capacity == 3
    ok = client.post(url, session_admin_data(conference, signup_capacity="2"))
    assert ok.status_code == 302
    assert Session.objects.get(pk=workshop.pk).signup_taken == 2


def test_admin_edit_never_writes_back_a_stale_seat_count(rf, conference):
    """A registration committed while staff edit the category stays counted."""
    from django.contrib.admin.sites import site

    from museion.conference.models import TicketCategory

    category = CategoryFactory(conference=conference, capacity=10)
    model_admin = site._registry[TicketCategory]
    request = rf.post("/")
    request.user = UserFactory(username="boss", is_staff=True, is_superuser=True)
    stale = TicketCategory.objects.get(pk=category.pk)
    register_participant(conference=conference, category=category, applicant=applicant(1))
    form_class = model_admin.get_form(request, stale, change=True)
    data = {
        **{k: v for k, v in form_class(instance=stale).initial.items() if v is not None},
        "conference": conference.pk,
        "description": "Now with lunch",
    }
    for name in ["sale_starts_at", "sale_ends_at"]:
        moment = data.pop(name)
        data.update({f"{name}_0": f"{moment:%Y-%m-%d}", f"{name}_1": f"{moment:%H:%M:%S}"})
    form = form_class(data, instance=stale)
    assert form.is_valid(), form.errors
    model_admin.save_model(request, form.save(commit=False), form, change=True)
    saved = TicketCategory.objects.get(pk=category.pk)
    assert (saved.description, saved.taken) == ("Now with lunch", 1)


@pytest.fixture
def day_pass_holder(conference):
    from .factories import DayFactory

    monday = DayFactory(conference=conference, date=datetime(2022, 8, 22).date())
    day_pass = CategoryFactory(
        conference=conference, access=Access.ONSITE, day=monday, price=Decimal("0")
    )
    return register_participant(conference=conference, category=day_pass, applicant=applicant(7))


def test_day_pass_gives_access_on_its_day_only(conference, day_pass_holder):
    monday = SessionFactory(conference=conference, starts_at=datetime(2022, 8, 22, 8, tzinfo=UTC))
    late_monday = SessionFactory(  # 23:30 in Prague is still Monday there
        conference=conference, starts_at=datetime(2022, 8, 22, 21, 30, tzinfo=UTC)
    )
    tuesday = SessionFactory(conference=conference, starts_at=datetime(2022, 8, 23, 8, tzinfo=UTC))
    assert participation.can_join_online(day_pass_holder, monday)
    assert participation.can_join_online(day_pass_holder, late_monday)
    assert not participation.can_join_online(day_pass_holder, tuesday)


def test_day_pass_signs_up_for_workshops_of_its_day_only(conference, day_pass_holder):
    tuesday = SessionFactory(
        conference=conference,
        type="workshop",
        signup_capacity=5,
        starts_at=datetime(2022, 8, 23, 8, tzinfo=UTC),
    )
    with pytest.raises(ValidationError) as error:
        participation.sign_up(registration=day_pass_holder, session=tuesday)
    assert error.value.messages == ["Your day pass is for another day."]
    assert Session.objects.get(pk=tuesday.pk).signup_taken == 0


def test_day_pass_checks_in_on_its_day_only(conference, staff, day_pass_holder):
    code = day_pass_holder.checkin_code
    sunday_evening = datetime(2022, 8, 21, 21, 59, tzinfo=UTC)  # 23:59 in Prague
    with pytest.raises(ValidationError) as error:
        participation.check_in(staff=staff, conference=conference, code=code, now=sunday_evening)
    assert error.value.messages == ["This day pass is valid on 22 August 2022 only."]
    monday_morning = datetime(2022, 8, 21, 22, 0, tzinfo=UTC)  # 00:00 in Prague
    outcome, _registration = participation.check_in(
        staff=staff, conference=conference, code=code, now=monday_morning
    )
    assert outcome == participation.CheckIn.ARRIVED


def test_sessions_follow_their_conference_timezone(conference):
    session = SessionFactory(
        conference=conference, timezone="UTC", starts_at=datetime(2022, 8, 22, 22, 30, tzinfo=UTC)
    )
    assert (session.timezone, str(session.local_date)) == ("Europe/Prague", "2022-08-23")
    conference.timezone = "America/New_York"
    conference.save()
    session.refresh_from_db()
    assert (session.timezone, str(session.local_date)) == ("America/New_York", "2022-08-22")


@pytest.mark.parametrize(
    "languages,error",
    [
        ('"en"', "Give a list of language codes, such as [&quot;en&quot;, &quot;fr&quot;]."),
        ('["English"]', "“English” is not a known language code, such as fr or pt-BR."),
    ],
)
def test_admin_refuses_session_languages_that_are_not_codes(
    client, conference, staff, languages, error
):
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    data = session_admin_data(conference, languages=languages, attendance_mode="mixed")
    response = client.post(reverse("admin:conference_session_add"), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Session.objects.exists()


def test_staff_revoke_a_link_then_send_the_new_one(
    client, conference, staff, django_capture_on_commit_callbacks
):
    from django.core import mail

    registration = confirmed(conference, 1)
    old = registration.token
    staff.is_superuser = True
    staff.save()
    client.force_login(staff)
    changelist = reverse("admin:conference_registration_changelist")
    ids = {"_selected_action": [registration.pk]}
    client.post(changelist, {"action": "reset_links", **ids})
    registration.refresh_from_db()
    assert registration.token != old
    assert client.get(reverse("conference:participant", args=[old])).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(changelist, {"action": "send_links", **ids}, follow=True)
    assert "1 link(s) sent." in response.content.decode()
    (message,) = mail.outbox
    assert message.to == ["person1@example.org"]
    assert f"/conference/me/{registration.token}/" in message.body and old not in message.body
