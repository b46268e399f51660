"""The sending loop, run by the task worker one batch at a time.

Exactly-once rests on one rule: a delivery row is claimed (queued → sending) in a committed
transaction before its message leaves, and marked sent in the transaction that claims the next.
After a crash only the row in flight on each connection is in doubt; `resume_campaign` records
it as failed and never sends it again, so nobody receives a campaign twice.
"""

import smtplib
import time
from concurrent.futures import ThreadPoolExecutor

from django import db
from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

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

STATUS_CHECK_EVERY = 50
PERMANENT_ERRORS = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError)


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


def _still_sending(campaign_id: int) -> bool:
    return Campaign.objects.filter(pk=campaign_id, status=CampaignStatus.SENDING).exists()


def send_batch(*, campaign_id: int) -> dict:
    """Send up to one batch, then queue the next batch or finish."""
    from .tasks import send_campaign_batch

    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None or campaign.status != CampaignStatus.SENDING:
        return {"sent": 0, "stopped": "not sending"}
    if not campaign.recipients_ready:
        create_deliveries(campaign)
    batch = list(
        Delivery.objects.filter(campaign=campaign, status=DeliveryStatus.QUEUED)
        .select_related("subscriber")
        .order_by("id")[: max(1, campaign.batch_size)]
    )
    if not batch:
        Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SENDING).update(
            status=CampaignStatus.SENT, finished_at=timezone.now()
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
    composed = compose_frozen(campaign)
    links = Links(list_ids)
    threads = max(1, min(sender_threads(), len(batch)))
    if threads == 1:
        sent, stopped = _send_slice(campaign, batch, allowed, composed, links, 1)
    else:
        with ThreadPoolExecutor(threads, thread_name_prefix="campaign") as pool:
            futures = [
                pool.submit(
                    _in_thread, campaign, batch[i::threads], allowed, composed, links, threads
                )
                for i in range(threads)
            ]
            outcomes = [future.result() for future in futures]
        sent = sum(count for count, _stop in outcomes)
        stops = [stop for _count, stop in outcomes if stop]
        stopped = next((s for s in stops if s != "paused"), stops[0] if stops else "")
    if stopped and stopped != "paused":
        Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SENDING).update(
            status=CampaignStatus.PAUSED,
            note=_("Paused: the mail server refused the connection (%(error)s).")
            % {"error": stopped},
        )
    elif not stopped:
        send_campaign_batch.enqueue(campaign.pk)
    return {"sent": sent, "stopped": stopped}


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


def _send_slice(campaign, deliveries, allowed, composed, links, share: int) -> tuple[int, str]:
    """Send these deliveries over one connection; returns (sent, why it stopped early)."""
    ledger = _Ledger()
    sent = 0
    stopped = ""
    rate = campaign.rate_per_second / share if campaign.rate_per_second else 0
    started = time.monotonic()
    mail = get_connection(fail_silently=False)
    mail.open()
    sender = CampaignSender(composed, mail)
    try:
        for index, delivery in enumerate(deliveries):
            if index and index % STATUS_CHECK_EVERY == 0 and not _still_sending(campaign.pk):
                stopped = "paused"
                break
            if not _claim(delivery.pk, ledger):
                continue
            subscriber = delivery.subscriber
            if subscriber is None or subscriber.pk not in allowed:
                ledger.other.append(
                    (delivery.pk, DeliveryStatus.SKIPPED, "unsubscribed or undeliverable")
                )
                continue
            try:
                sender.send(
                    to=subscriber.email,
                    unsubscribe=links.unsubscribe(subscriber),
                    preferences=links.preferences(subscriber),
                    message_id=message_id(campaign.pk, delivery.pk),
                )
            except PERMANENT_ERRORS as error:
                ledger.other.append((delivery.pk, DeliveryStatus.FAILED, _describe(error)))
                continue
            except (smtplib.SMTPException, OSError) as error:
                # The server did not take the message: hand the row back and wait for staff.
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
