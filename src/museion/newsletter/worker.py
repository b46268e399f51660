"""The sending loop, run by the task worker one batch at a time.

Exactly-once rests on one rule: a delivery row is claimed (queued → sending) in a committed
transaction before its message leaves, and marked sent in the transaction that claims the next.
After a crash only the row in flight on each connection is in doubt; the chain that takes the
campaign's lease over (lease.py) records it as "unknown" and never sends it again, so nobody
receives a campaign twice.
"""

import smtplib
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django import db
from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from museion.outbox.services import is_permanent

from . import dispatch
from . import lease as _lease
from .compose import Composed, compose, list_id
from .mime import CampaignSender, Links, message_id
from .models import (
    Campaign,
    CampaignStatus,
    Delivery,
    DeliveryStatus,
    Subscription,
    SubscriptionStatus,
)
from .sending import create_deliveries

STATUS_CHECK_EVERY = 50  # messages; and at least every third of the lease period


_MARK_SENT = (
    f'UPDATE "{Delivery._meta.db_table}" SET status = %s, sent_at = %s, updated_at = %s, '  # noqa: S608
    "error = '' WHERE id = %s"
)
_CLAIM = (
    f'UPDATE "{Delivery._meta.db_table}" SET status = %s, attempts = attempts + 1, '  # noqa: S608
    "updated_at = %s WHERE id = %s AND status = %s"
)


class _Ledger:
    """Outcomes waiting to be written with the next claim, one commit per message."""

    def __init__(self):
        self.sent: list[int] = []
        self.other: list[tuple[int, str, str]] = []

    def flush(self) -> None:
        now = timezone.now()
        if self.sent:
            with db_connection.cursor() as cursor:
                cursor.executemany(
                    _MARK_SENT, [[DeliveryStatus.SENT, now, now, pk] for pk in self.sent]
                )
        for pk, status, error in self.other:
            Delivery.objects.filter(pk=pk).update(status=status, error=error[:500], updated_at=now)
        self.sent, self.other = [], []


def _claim(pk: int, ledger: _Ledger) -> bool:
    """Write the previous outcome and claim this row in one commit (raw SQL: it runs per
    message, and the ORM's overhead would be most of the cost)."""
    with transaction.atomic(), db_connection.cursor() as cursor:
        ledger.flush()
        cursor.execute(_CLAIM, [DeliveryStatus.SENDING, timezone.now(), pk, DeliveryStatus.QUEUED])
        return cursor.rowcount == 1


def send_batch(*, campaign_id: int, lease: str = "") -> dict:
    """Send up to one batch under the campaign's lease, then queue the next batch or finish."""
    lease_ = _take(campaign_id, lease)
    if not lease_:
        return {"sent": 0, "stopped": "not sending, or another worker is"}
    try:
        outcome = _send_batch(campaign_id, lease_)
    except BaseException:
        _lease.hand_back(campaign_id, lease_, unless_sending=False)
        raise
    return outcome


def _send_batch(campaign_id: int, lease: str) -> dict:
    campaign = Campaign.objects.get(pk=campaign_id)
    if not campaign.recipients_ready:
        create_deliveries(campaign)
    batch = list(
        Delivery.objects.filter(campaign=campaign, status=DeliveryStatus.QUEUED)
        .select_related("subscriber")
        .order_by("id")[: max(1, campaign.batch_size)]
    )
    if not batch:
        Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SENDING, lease=lease).update(
            status=CampaignStatus.SENT, finished_at=timezone.now(), lease="", note=""
        )
        return {"sent": 0, "finished": True}
    list_ids = list(campaign.lists.values_list("pk", flat=True))
    allowed = set(
        Subscription.objects.filter(
            subscriber_id__in=[d.subscriber_id for d in batch if d.subscriber_id],
            mailing_list_id__in=list_ids,
            status=SubscriptionStatus.CONFIRMED,
            subscriber__undeliverable=False,
        ).values_list("subscriber_id", flat=True)
    )
    job = _Job(campaign, lease, allowed, compose_frozen(campaign), Links(list_ids))
    threads = max(1, min(sender_threads(), len(batch)))
    if threads == 1:
        sent, stopped = _send_slice(job, batch, 1)
    else:
        with ThreadPoolExecutor(threads, thread_name_prefix="campaign") as pool:
            futures = [
                pool.submit(_in_thread, job, batch[i::threads], threads) for i in range(threads)
            ]
            outcomes = [future.result() for future in futures]
        sent = sum(count for count, _stop in outcomes)
        stops = [stop for _count, stop in outcomes if stop]
        stopped = next((s for s in stops if s != "paused"), stops[0] if stops else "")
    if stopped == "paused":
        if _lease.hand_back(campaign.pk, lease):  # resumed meanwhile: this chain goes on
            dispatch.send_next_batch(campaign.pk, lease)
    elif stopped:
        _wait_for_mail_server(campaign.pk, lease, stopped)
    else:
        dispatch.send_next_batch(campaign.pk, lease)
    return {"sent": sent, "stopped": stopped}


def _take(campaign_id: int, lease: str) -> str:
    return _lease.take(campaign_id, lease)


def _wait_for_mail_server(campaign_id: int, lease: str, error: str) -> None:
    """Try again by itself a little later where the worker can defer work; else pause for staff.
    Either way the reason is shown to staff, and the messages not sent stay queued."""
    retry = getattr(settings, "NEWSLETTER_RETRY_SECONDS", 60)
    with transaction.atomic():
        _lease.hand_back(campaign_id, lease, unless_sending=False)
        if dispatch.send_next_batch(campaign_id, after=retry):
            note = _(
                "Waiting for the mail server (%(error)s); trying again every %(seconds)d seconds."
            ) % {"error": error, "seconds": retry}
            Campaign.objects.filter(pk=campaign_id, status=CampaignStatus.SENDING).update(
                note=note[:500]
            )
        else:
            Campaign.objects.filter(pk=campaign_id, status=CampaignStatus.SENDING).update(
                status=CampaignStatus.PAUSED,
                note=(
                    _("Paused: the mail server refused the connection (%(error)s).")
                    % {"error": error}
                )[:500],
            )


def watch(*, campaign_id: int, token: str) -> str:
    """The campaign's watchdog: while it is sending, look every lease period whether a chain
    still beats, and start one when none does (its worker was killed)."""
    campaign = Campaign.objects.filter(pk=campaign_id, watch=token).first()
    if campaign is None or campaign.status != CampaignStatus.SENDING:
        return "done"
    started = ""
    if _lease.stale(campaign):
        dispatch.send_next_batch(campaign.pk)
        started = "restarted"
    dispatch.watch_campaign(campaign.pk, token)
    return started or "alive"


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:500]


def compose_frozen(campaign: Campaign):
    """The text frozen when sending started (a later edit of a post or template changes
    nothing for the rest of the recipients)."""
    if campaign.html and campaign.text:
        return Composed(
            subject=campaign.subject,
            html=campaign.html,
            text=campaign.text,
            list_id=list_id(campaign.lists.all()),
        )
    return compose(campaign)


def sender_threads() -> int:
    """Parallel SMTP connections per batch: each overlaps its waits (mail server, disk flush of
    the commit) with the others'. One on SQLite, whose writers queue anyway."""
    if db.connection.vendor == "sqlite":
        return 1
    return getattr(settings, "NEWSLETTER_SENDER_THREADS", 1)


def _in_thread(*args) -> tuple[int, str]:
    try:
        return _send_slice(*args)
    finally:
        db.connections.close_all()


@dataclass
class _Job:
    campaign: Campaign
    lease: str
    allowed: set
    composed: Composed
    links: Links


def _send_slice(job: _Job, deliveries, share: int) -> tuple[int, str]:
    """Send these deliveries over one connection; returns (sent, why it stopped early)."""
    campaign = job.campaign
    ledger = _Ledger()
    sent = 0
    rate = campaign.rate_per_second / share if campaign.rate_per_second else 0
    started = last_beat = time.monotonic()
    beat_every = dispatch.lease_seconds() / 3
    mail = get_connection(fail_silently=False)
    try:
        mail.open()
    except (smtplib.SMTPException, OSError) as error:
        return 0, _describe(error)  # nothing claimed yet: every row stays queued
    sender = CampaignSender(job.composed, mail)
    stopped = ""
    try:
        for index, delivery in enumerate(deliveries):
            due = index % STATUS_CHECK_EVERY == 0 or time.monotonic() - last_beat > beat_every
            if index and due:
                last_beat = time.monotonic()
                if not _lease.beat(campaign.pk, job.lease):
                    stopped = "paused"
                    break
            if not _claim(delivery.pk, ledger):
                continue
            subscriber = delivery.subscriber
            if subscriber is None or subscriber.pk not in job.allowed:
                ledger.other.append(
                    (delivery.pk, DeliveryStatus.SKIPPED, "unsubscribed or undeliverable")
                )
                continue
            try:
                sender.send(
                    to=subscriber.email,
                    unsubscribe=job.links.unsubscribe(subscriber),
                    preferences=job.links.preferences(subscriber),
                    message_id=message_id(campaign.pk, delivery.pk),
                )
            except (smtplib.SMTPException, OSError) as error:
                if is_permanent(error):  # a 5xx about this recipient or message
                    ledger.other.append((delivery.pk, DeliveryStatus.FAILED, _describe(error)))
                    continue
                # The server did not take the message: hand the row back and wait for it.
                ledger.other.append((delivery.pk, DeliveryStatus.QUEUED, _describe(error)))
                stopped = _describe(error)
                break
            ledger.sent.append(delivery.pk)
            sent += 1
            if rate:
                ahead = started + sent / rate - time.monotonic()
                if ahead > 0:
                    time.sleep(ahead)
    finally:
        with transaction.atomic():
            ledger.flush()
        mail.close()
    return sent, stopped
