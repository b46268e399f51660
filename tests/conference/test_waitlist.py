from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from museion.conference.models import Payment, PaymentStatus, Registration, Status, TicketCategory
from museion.conference.services import payments, waitlist
from museion.conference.services.housekeeping import run_housekeeping
from museion.conference.services.registration import register_participant

from ..factories import UserFactory
from .conftest import applicant


def register(conference, category, n, **kwargs):
    return register_participant(
        conference=conference, category=category, applicant=applicant(n), **kwargs
    )


def fresh(registration) -> Registration:
    return Registration.objects.get(pk=registration.pk)


def taken(category) -> int:
    return TicketCategory.objects.get(pk=category.pk).taken


@pytest.fixture
def full(conference, category):
    """Two seats taken, two people waiting."""
    return [register(conference, category, n) for n in range(1, 5)]


def test_cancellation_offers_the_seat_to_the_next_person_by_email(
    full, category, django_capture_on_commit_callbacks
):
    first, _second, third, fourth = full
    with django_capture_on_commit_callbacks(execute=True):
        waitlist.cancel_registration(registration=first)
    third = fresh(third)
    assert third.status == Status.OFFERED
    assert third.offer_expires_at > timezone.now() + timedelta(hours=47)
    assert fresh(fourth).status == Status.WAITLISTED
    assert taken(category) == 2
    assert [m.to for m in mail.outbox] == [["person3@example.org"]]
    assert f"/conference/offers/{third.offer_token}/" in mail.outbox[0].body
    assert Payment.objects.get(registration=first).status == PaymentStatus.CANCELLED


def test_accepting_an_offer_holds_the_seat_pending_payment(full, category):
    first, _second, third, _fourth = full
    waitlist.cancel_registration(registration=first)
    accepted = waitlist.accept_offer(registration=fresh(third))
    assert accepted.status == Status.PENDING
    assert accepted.offer_token == ""
    assert Payment.objects.get(registration=accepted).amount == Decimal("400.00")
    with pytest.raises(ValidationError) as error:
        waitlist.accept_offer(registration=fresh(third))
    assert "already been answered" in error.value.messages[0]
    assert taken(category) == 2


def test_unanswered_offer_moves_on_to_the_next_person(full, category):
    first, _second, third, fourth = full
    waitlist.cancel_registration(registration=first)
    later = timezone.now() + timedelta(hours=49)
    result = run_housekeeping(now=later)
    assert result["expired_offers"] == 1
    assert fresh(third).status == Status.EXPIRED
    assert fresh(fourth).status == Status.OFFERED
    assert taken(category) == 2


def test_accepting_an_expired_offer_says_so_and_passes_the_seat_on(full, category):
    first, _second, third, fourth = full
    waitlist.cancel_registration(registration=first)
    with pytest.raises(ValidationError) as error:
        waitlist.accept_offer(registration=fresh(third), now=timezone.now() + timedelta(hours=49))
    assert error.value.messages == ["This offer expired. The seat has gone to the next person."]
    assert fresh(third).status == Status.EXPIRED
    assert fresh(fourth).status == Status.OFFERED
    assert taken(category) == 2


def test_declining_passes_the_seat_on(full, category):
    first, _second, third, fourth = full
    waitlist.cancel_registration(registration=first)
    waitlist.decline_offer(registration=fresh(third))
    assert fresh(third).status == Status.WITHDRAWN
    assert fresh(fourth).status == Status.OFFERED


def test_last_seat_freed_with_nobody_waiting_goes_back_on_sale(conference, category):
    first = register(conference, category, 1)
    waitlist.cancel_registration(registration=first)
    assert taken(category) == 0


def test_people_leave_the_waiting_list_themselves(full, category):
    _first, _second, third, fourth = full
    waitlist.leave_waitlist(registration=third)
    assert fresh(third).status == Status.WITHDRAWN
    with pytest.raises(ValidationError):
        waitlist.leave_waitlist(registration=fresh(third))
    waitlist.cancel_registration(registration=full[0])
    assert fresh(fourth).status == Status.OFFERED


def test_priority_reorders_the_queue(full):
    first, _second, third, fourth = full
    Registration.objects.filter(pk=fourth.pk).update(priority=1)
    waitlist.cancel_registration(registration=first)
    assert (fresh(fourth).status, fresh(third).status) == (Status.OFFERED, Status.WAITLISTED)


def test_raising_capacity_offers_the_new_seats(full, category):
    offered = waitlist.set_capacity(category=category, capacity=5)
    assert [r.email for r in offered] == ["person3@example.org", "person4@example.org"]
    assert taken(category) == 4
    assert register(category.conference, category, 9).status == Status.PENDING
    assert taken(category) == 5


def test_expired_unpaid_registration_frees_its_seat_for_the_next_person(
    full, category, django_capture_on_commit_callbacks
):
    first, second, third, _fourth = full
    staff = UserFactory(username="cashier", is_staff=True)
    payments.confirm_payment(staff=staff, payment=second.payments.get())
    with django_capture_on_commit_callbacks(execute=True):
        result = run_housekeeping(now=timezone.now() + timedelta(hours=73))
    assert result["expired_registrations"] == 1
    assert fresh(first).status == Status.EXPIRED
    assert fresh(second).status == Status.CONFIRMED
    assert fresh(third).status == Status.OFFERED
    assert sorted(m.to[0] for m in mail.outbox) == ["person1@example.org", "person3@example.org"]


def test_reminder_is_sent_once_before_the_payment_is_due(full, django_capture_on_commit_callbacks):
    soon = timezone.now() + timedelta(hours=50)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_housekeeping(now=soon)["reminded"] == 2
        assert run_housekeeping(now=soon)["reminded"] == 0
    assert len(mail.outbox) == 2
    assert "complete your payment" in mail.outbox[0].subject


def test_waiting_list_promotion_end_to_end(full, category, django_capture_on_commit_callbacks):
    """Cancel → offer e-mail → accept → pay → confirmed with a calendar attachment."""
    first, _second, third, _fourth = full
    staff = UserFactory(username="cashier", is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        waitlist.cancel_registration(registration=first)
        promoted = waitlist.accept_offer(registration=fresh(third))
        payments.confirm_payment(staff=staff, payment=promoted.payments.get())
    promoted = fresh(third)
    assert promoted.status == Status.CONFIRMED and promoted.is_paid
    subjects = [m.subject for m in mail.outbox]
    assert subjects == [
        "Prague 2022: a seat is free for you",
        "Prague 2022: we received your registration",
        "Prague 2022: your registration is confirmed",
    ]
    attachment = mail.outbox[-1].attachments[0]
    assert attachment[0] == "prague-2022.ics" and "TZID=Europe/Prague" in attachment[1]


def test_payment_state_machine_refuses_impossible_moves(full):
    staff = UserFactory(username="cashier", is_staff=True)
    payment = full[0].payments.get()
    with pytest.raises(ValidationError):
        payments.refund_payment(staff=staff, payment=payment)
    payments.confirm_payment(staff=staff, payment=payment)
    with pytest.raises(ValidationError):
        payments.confirm_payment(staff=staff, payment=payment)
    payments.refund_payment(staff=staff, payment=payment)
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.REFUNDED


def test_only_staff_confirm_payments(full):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        payments.confirm_payment(staff=UserFactory(username="x"), payment=full[0].payments.get())
    assert full[0].payments.get().status == PaymentStatus.PENDING


def test_refund_cancels_the_registration_and_offers_its_seat(full, category):
    first, _second, third, _fourth = full
    staff = UserFactory(username="cashier", is_staff=True)
    payment = payments.confirm_payment(staff=staff, payment=first.payments.get())
    assert fresh(first).is_paid
    payments.refund_payment(staff=staff, payment=payment)
    assert (fresh(first).status, fresh(first).is_paid) == (Status.CANCELLED, False)
    assert Payment.objects.get(pk=payment.pk).status == PaymentStatus.REFUNDED
    assert fresh(third).status == Status.OFFERED
    assert taken(category) == 2


def test_refund_after_the_participant_cancelled_changes_nothing_else(full, category):
    first, _second, third, fourth = full
    staff = UserFactory(username="cashier", is_staff=True)
    payment = payments.confirm_payment(staff=staff, payment=first.payments.get())
    waitlist.cancel_registration(registration=fresh(first))
    payments.refund_payment(staff=staff, payment=payment)
    assert (fresh(third).status, fresh(fourth).status) == (Status.OFFERED, Status.WAITLISTED)
    assert taken(category) == 2


def test_declining_an_expired_offer_passes_the_seat_on(full, category):
    first, _second, third, fourth = full
    waitlist.cancel_registration(registration=first)
    with pytest.raises(ValidationError) as error:
        waitlist.decline_offer(registration=fresh(third), now=timezone.now() + timedelta(hours=49))
    assert error.value.messages == ["This offer expired. The seat has gone to the next person."]
    assert (fresh(third).status, fresh(fourth).status) == (Status.EXPIRED, Status.OFFERED)
    assert taken(category) == 2


def test_staff_reorder_the_waiting_list_in_the_admin(client, full, category):
    from django.urls import reverse

    first, _second, third, fourth = full
    client.force_login(UserFactory(username="boss", is_staff=True, is_superuser=True))
    url = reverse("admin:conference_waitinglist_changelist")
    page = client.get(url)
    html = page.content.decode()
    assert html.index("person3@example.org") < html.index("person4@example.org")
    data = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-0-id": str(third.pk),
        "form-0-priority": "100",
        "form-1-id": str(fourth.pk),
        "form-1-priority": "1",
        "_save": "Save",
    }
    assert client.post(url, data).status_code == 302
    html = client.get(url).content.decode()
    assert html.index("person4@example.org") < html.index("person3@example.org")
    waitlist.cancel_registration(registration=first)
    assert (fresh(fourth).status, fresh(third).status) == (Status.OFFERED, Status.WAITLISTED)


def test_priority_saved_by_staff_never_undoes_an_offer_made_meanwhile(rf, full, category):
    """The admin writes only the priority: a seat offered while the form was open stays offered."""
    from django.contrib.admin.sites import site

    from museion.conference.models import WaitingList

    first, _second, third, _fourth = full
    model_admin = site._registry[WaitingList]
    stale = WaitingList.objects.get(pk=third.pk)  # read while still waiting
    waitlist.cancel_registration(registration=first)  # … then the seat is offered to them
    form = model_admin.get_form(rf.get("/"), stale, change=True)({"priority": "5"}, instance=stale)
    assert form.is_valid(), form.errors
    model_admin.save_model(rf.get("/"), form.save(commit=False), form, change=True)
    assert (fresh(third).status, fresh(third).priority) == (Status.OFFERED, 5)


@pytest.fixture
def deferring_tasks(settings):
    """A task backend that can run work later, as the database worker can."""
    from django_tasks import default_task_backend

    queues = settings.TASKS["default"]["QUEUES"]
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend", "QUEUES": queues}
    }
    return default_task_backend


def housekeeping_runs(backend) -> list:
    return sorted(r.task.run_after for r in backend.results if r.task.name == "housekeeping")


def test_due_offers_and_payments_wake_the_housekeeping_without_cron(
    conference, category, deferring_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        holders = [register(conference, category, n) for n in (1, 2)]
        third = register(conference, category, 3)  # waiting: nothing falls due
    dues = [fresh(r).payment_due_at for r in holders]
    reminders = [due - timedelta(hours=24) for due in dues]
    assert housekeeping_runs(deferring_tasks) == sorted(dues + reminders)
    deferring_tasks.results.clear()
    with django_capture_on_commit_callbacks(execute=True):
        waitlist.cancel_registration(registration=holders[0])
    assert housekeeping_runs(deferring_tasks) == [fresh(third).offer_expires_at]
