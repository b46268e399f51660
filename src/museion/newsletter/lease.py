"""One sending chain per campaign: the lease.

A chain of batch tasks holds the campaign's lease and beats (refreshes `heartbeat_at`) while it
sends. A batch that finds the lease held by a chain that still beats does nothing, so a resume
or a second resume never starts a second chain. A lease whose heartbeat is older than
NEWSLETTER_LEASE_SECONDS belonged to a worker that died: the next batch takes it over and
records the messages that worker had in flight as "unknown" (perhaps delivered, never resent).
"""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .dispatch import lease_seconds
from .models import Campaign, CampaignStatus, Delivery, DeliveryStatus

IN_DOUBT = "In flight when its worker stopped; not sent again, so nobody receives it twice."


def take(campaign_id: int, lease: str) -> str:
    """The lease for this chain ("" when the campaign is not sending or another chain holds
    it). A chain passes its lease on to its next batch; a new chain comes with ""."""
    now = timezone.now()
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
        if campaign is None or campaign.status != CampaignStatus.SENDING:
            return ""
        alive = campaign.heartbeat_at and campaign.heartbeat_at > now - timedelta(
            seconds=lease_seconds()
        )
        if campaign.lease and campaign.lease == lease:
            pass  # the chain goes on
        elif campaign.lease and alive:
            return ""
        else:
            lease = secrets.token_hex(16)
            Delivery.objects.filter(campaign_id=campaign_id, status=DeliveryStatus.SENDING).update(
                status=DeliveryStatus.UNKNOWN, error=IN_DOUBT, updated_at=now
            )
        Campaign.objects.filter(pk=campaign_id).update(lease=lease, heartbeat_at=now)
    return lease


def beat(campaign_id: int, lease: str) -> bool:
    """Still ours and still sending? (False: paused, or taken over: stop.)"""
    return bool(
        Campaign.objects.filter(pk=campaign_id, lease=lease, status=CampaignStatus.SENDING).update(
            heartbeat_at=timezone.now()
        )
    )


def hand_back(campaign_id: int, lease: str, *, unless_sending: bool = True) -> bool:
    """The chain stops: give the lease back. A chain stopped by a pause goes on instead when
    the campaign was resumed in the meantime (`unless_sending`): True then."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
        if campaign is None or campaign.lease != lease:
            return False
        if unless_sending and campaign.status == CampaignStatus.SENDING:
            Campaign.objects.filter(pk=campaign_id).update(heartbeat_at=timezone.now())
            return True
        Campaign.objects.filter(pk=campaign_id).update(lease="", heartbeat_at=None)
    return False


def stale(campaign: Campaign, *, now=None) -> bool:
    """Nobody is sending this campaign although it says "sending"."""
    now = now or timezone.now()
    limit = now - timedelta(seconds=lease_seconds())
    return campaign.heartbeat_at is None or campaign.heartbeat_at < limit
