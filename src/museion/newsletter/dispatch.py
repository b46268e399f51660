"""The newsletter's background tasks, as its services queue them (see core.dispatch)."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from museion.core import dispatch

SEND_BATCH = "newsletter.send_batch"
WATCH = "newsletter.watch"
CAMPAIGN_QUEUE = "campaigns"


def lease_seconds() -> float:
    return getattr(settings, "NEWSLETTER_LEASE_SECONDS", 30)


def send_next_batch(campaign_id: int, lease: str = "", *, after: float = 0) -> bool:
    run_after = timezone.now() + timedelta(seconds=after) if after else None
    return dispatch.enqueue_on_commit(SEND_BATCH, campaign_id, lease, run_after=run_after)


def watch_campaign(campaign_id: int, token: str) -> bool:
    """Look at the campaign again in one lease period (where the backend can defer work)."""
    moment = timezone.now() + timedelta(seconds=lease_seconds())
    return dispatch.enqueue_on_commit(WATCH, campaign_id, token, run_after=moment)
