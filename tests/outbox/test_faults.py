"""Transactional e-mail against a real SMTP server and the real task worker: the server down
when a person signs up or registers, back later; a definitive refusal. Each person ends with
exactly one e-mail, or an explicit failure staff can see."""

from datetime import UTC, datetime

import pytest
import time_machine

from museion.conference.services.registration import register_participant
from museion.newsletter.models import MailingList, Subscription, SubscriptionStatus
from museion.outbox.models import EmailStatus, OutgoingEmail

from ..conference.conftest import applicant
from ..conference.factories import CategoryFactory, ConferenceFactory

pytestmark = pytest.mark.django_db(transaction=True)

RETRY = 30  # seconds before the first retry (doubling); the clock is moved, not waited for


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 12, 3, 23, 30, tzinfo=UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def quick_retries(settings, clock):
    settings.EMAIL_RETRY_SECONDS = RETRY
    return clock


def sign_up(client, email="ada@example.org"):
    mailing_list = MailingList.objects.get_or_create(
        slug="imd-en", defaults={"name": "Museum Day news", "language": "en", "topic": "IMD"}
    )[0]
    data = {"email": email, "lists": [str(mailing_list.pk)], "language": "en", "consent": "on"}
    response = client.post("/newsletter/", data)
    assert response.status_code == 302
    return mailing_list


def wait_and_work(task_worker, clock, seconds=RETRY * 1.5):
    clock.shift(seconds)
    task_worker("default")


def test_confirmation_queued_while_the_mail_server_is_down_arrives_once_it_is_back(
    client, mail_server, task_worker, quick_retries
):
    mail_server.down()
    sign_up(client)
    task_worker("default")
    (email,) = OutgoingEmail.objects.all()
    assert (email.status, email.attempts) == (EmailStatus.QUEUED, 1)
    assert email.last_error.startswith("ConnectionRefusedError")
    wait_and_work(task_worker, quick_retries)  # still down: tried again, still waiting
    assert OutgoingEmail.objects.get().attempts == 2
    mail_server.up()
    wait_and_work(task_worker, quick_retries, RETRY * 2.5)
    assert mail_server.sink.count() == {"ada@example.org": 1}
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts, email.last_error) == (EmailStatus.SENT, 3, "")
    assert email.subject == "Please confirm your subscription to the Museion newsletter"


def test_signing_up_again_after_a_failed_confirmation_sends_one_new_link(
    client, mail_server, task_worker, quick_retries
):
    mail_server.down()
    sign_up(client)
    task_worker("default")
    sign_up(client)  # within the 10 minutes, but the first e-mail failed: a new one
    assert OutgoingEmail.objects.filter(status=EmailStatus.QUEUED).count() == 1
    mail_server.up()
    task_worker("default")
    wait_and_work(task_worker, quick_retries)
    assert mail_server.sink.count() == {"ada@example.org": 1}
    assert sorted(OutgoingEmail.objects.values_list("status", flat=True)) == [
        EmailStatus.CANCELLED,
        EmailStatus.SENT,
    ]
    sign_up(client)  # delivered a moment ago: a plain repeat sends nothing
    task_worker("default")
    assert mail_server.sink.count() == {"ada@example.org": 1}
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING


def test_address_refused_for_good_is_marked_failed_with_the_reason(
    client, mail_server, task_worker, quick_retries
):
    mail_server.sink.refuse["nobody@example.org"] = "550 5.1.1 No such user"
    sign_up(client, email="nobody@example.org")
    task_worker("default")
    wait_and_work(task_worker, quick_retries)
    email = OutgoingEmail.objects.get()
    assert (email.status, email.attempts) == (EmailStatus.FAILED, 1)
    assert "550" in email.last_error and "No such user" in email.last_error
    assert mail_server.sink.count() == {}


def test_temporary_refusal_is_retried(client, mail_server, task_worker, quick_retries):
    mail_server.sink.answer = "451 4.3.0 Try again later"
    sign_up(client)
    task_worker("default")
    assert OutgoingEmail.objects.get().status == EmailStatus.QUEUED
    mail_server.sink.answer = ""
    wait_and_work(task_worker, quick_retries)
    assert OutgoingEmail.objects.get().status == EmailStatus.SENT
    assert mail_server.sink.count() == {"ada@example.org": 1}


def test_registration_emails_wait_for_the_mail_server(mail_server, task_worker, quick_retries):
    conference = ConferenceFactory()
    category = CategoryFactory(conference=conference, capacity=1)
    mail_server.down()
    for n in (1, 2):  # one seat (pending payment), one on the waiting list
        register_participant(conference=conference, category=category, applicant=applicant(n))
    task_worker("default")
    assert set(OutgoingEmail.objects.values_list("status", "attempts")) == {("queued", 1)}
    mail_server.up()
    wait_and_work(task_worker, quick_retries)
    assert mail_server.sink.count() == {"person1@example.org": 1, "person2@example.org": 1}
    assert set(OutgoingEmail.objects.values_list("purpose", "status")) == {
        ("conference:received", "sent")
    }


def test_send_queued_email_covers_a_worker_killed_while_sending(
    client, mail_server, task_worker, quick_retries
):
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    sign_up(client)
    DBTaskResult.objects.all().delete()  # the task was lost with its worker
    OutgoingEmail.objects.update(attempts=1)  # it had been claimed when the worker died
    call_command("send_queued_email", stdout=__import__("io").StringIO())
    task_worker("default")
    assert mail_server.sink.count() == {"ada@example.org": 1}
