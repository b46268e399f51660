"""Campaigns against a real SMTP server and the real task worker: the server down when the
campaign starts, gone in the middle of a batch, and a worker killed with SIGKILL. Each
recipient ends with exactly one message, or a delivery staff see as "unknown" (in flight when
the worker died: perhaps delivered, never sent twice)."""

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import time_machine
from django.db import connection

from museion.newsletter import sending
from museion.newsletter.models import Campaign, CampaignStatus, Delivery, DeliveryStatus

from .conftest import confirmed

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clock(settings):
    settings.NEWSLETTER_RETRY_SECONDS = 60
    with time_machine.travel(datetime(2026, 12, 3, 23, 30, tzinfo=UTC), tick=False) as traveller:
        yield traveller


def people(mailing_list, count):
    emails = [f"p{n:03}@example.org" for n in range(count)]
    confirmed(mailing_list, *emails)
    return emails


def test_campaign_started_while_the_mail_server_is_down_finishes_once_when_it_is_back(
    campaign, english_list, mail_server, task_worker, clock
):
    emails = people(english_list, 7)
    mail_server.down()
    sending.start_campaign(campaign=campaign)
    task_worker("campaigns")
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENDING
    assert campaign.note.startswith("Waiting for the mail server (ConnectionRefusedError")
    assert sending.progress(campaign)["queued"] == 7
    clock.shift(61)
    task_worker("campaigns")  # still down: still waiting, nobody lost
    assert sending.progress(campaign)["queued"] == 7
    mail_server.up()
    clock.shift(61)
    task_worker("campaigns")
    campaign.refresh_from_db()
    assert (campaign.status, campaign.note) == (CampaignStatus.SENT, "")
    assert mail_server.sink.count() == dict.fromkeys(emails, 1)


def test_mail_server_failing_mid_batch_resumes_where_it_stopped(
    campaign, english_list, mail_server, task_worker, clock
):
    emails = people(english_list, 8)
    campaign.batch_size = 100
    campaign.save()
    sink = mail_server.sink
    original = sink.handle_DATA

    async def failing_after_three(server, session, envelope):
        if len(sink.messages) >= 3:
            return "421 4.3.2 Service shutting down"
        return await original(server, session, envelope)

    sink.handle_DATA = failing_after_three
    sending.start_campaign(campaign=campaign)
    task_worker("campaigns")
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENDING
    assert "421" in campaign.note
    assert (sending.progress(campaign)["sent"], sending.progress(campaign)["queued"]) == (3, 5)
    sink.handle_DATA = original
    clock.shift(61)
    task_worker("campaigns")
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENT
    assert mail_server.sink.count() == dict.fromkeys(emails, 1)


def worker_process(port: int, lease: float) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "museion.settings",
        "DEBUG": "0",
        "MUSEION_ALLOW_INSECURE_KEY": "1",
        "DATABASE_URL": "postgres://{USER}@{HOST}:{PORT}/{NAME}".format(**connection.settings_dict),
        "TASKS_BACKEND": "database",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "NEWSLETTER_LEASE_SECONDS": str(lease),
        "PYTHONPATH": str(ROOT / "src"),
    }
    command = [sys.executable, "manage.py", "db_worker", "--queue-name", "campaigns"]
    command += ["--interval", "0.1", "--no-startup-delay", "--no-reload"]
    return subprocess.Popen(  # noqa: S603
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the worker is another process on the same database",
)
def test_worker_killed_mid_campaign_another_takes_over_and_nobody_gets_it_twice(
    campaign, english_list, mail_server, settings
):
    lease = 1.0
    settings.NEWSLETTER_LEASE_SECONDS = lease
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": settings.TASKS["default"]["QUEUES"],
        }
    }
    emails = people(english_list, 60)
    campaign.batch_size = 20
    campaign.save()
    mail_server.sink.delay = 0.02
    first = worker_process(mail_server.port, lease)
    second = None
    try:
        sending.start_campaign(campaign=campaign)
        assert wait_for(lambda: len(mail_server.sink.messages) >= 15, 30)
        first.send_signal(signal.SIGKILL)
        first.wait(5)
        killed = time.monotonic()
        second = worker_process(mail_server.port, lease)
        assert wait_for(
            lambda: Campaign.objects.get(pk=campaign.pk).status == CampaignStatus.SENT, 30
        )
        recovered = time.monotonic() - killed
    finally:
        for process in (first, second):
            if process and process.poll() is None:
                process.send_signal(signal.SIGKILL)
                process.wait(5)
    received = mail_server.sink.count()
    assert max(received.values()) == 1  # nobody twice
    unknown = set(
        Delivery.objects.filter(status=DeliveryStatus.UNKNOWN).values_list(
            "subscriber__email", flat=True
        )
    )
    missing = set(emails) - set(received)
    assert missing <= unknown  # anyone without the message is shown to staff as unknown
    assert len(unknown) <= 1  # one sending connection: one message in flight at most
    assert recovered < 30  # a new worker starts (a few seconds) and takes over within a lease
    twice = sum(count > 1 for count in received.values())
    print(
        f"killed mid-campaign: recovered in {recovered:.1f} s (lease {lease} s); "
        f"unknown {len(unknown)}, of them delivered {len(unknown - missing)}; "
        f"received {sum(received.values())} of {len(emails)}, twice {twice}"
    )


def test_a_confirmation_never_waits_behind_a_campaign(
    client, campaign, english_list, mail_server, task_worker, clock
):
    people(english_list, 30)
    sending.start_campaign(campaign=campaign)
    data = {"email": "new@example.org", "lists": [english_list.pk], "language": "en"}
    assert client.post("/newsletter/", {**data, "consent": "on"}).status_code == 302
    task_worker("default")  # the e-mail worker alone; the campaign waits for its own
    assert mail_server.sink.count() == {"new@example.org": 1}
    assert sending.progress(campaign)["sent"] == 0
    task_worker("campaigns")
    assert sum(mail_server.sink.count().values()) == 31
