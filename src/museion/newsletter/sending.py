"""Campaign life: validate, test, start once, pause, resume after a crash, progress.

The sending loop itself is in worker.py.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import dispatch
from .compose import compose
from .mime import build_message
from .models import (
    Campaign,
    CampaignStatus,
    Delivery,
    DeliveryStatus,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)
from .services import normalise_email


def check_lists(campaign: Campaign, lists) -> list[str]:
    """A campaign is written in one language: it goes only to lists in that language."""
    if not lists:
        return [_("Choose at least one list.")]
    others = [mailing_list for mailing_list in lists if mailing_list.language != campaign.language]
    if others:
        return [
            _(
                "This campaign is in %(language)s; these lists are in another language: "
                "%(lists)s. Write one campaign per language."
            )
            % {"language": campaign.language, "lists": ", ".join(str(m) for m in others)}
        ]
    return []


def validate_campaign(campaign: Campaign) -> None:
    errors: dict[str, list] = {}
    lists_errors = check_lists(campaign, list(campaign.lists.all()) if campaign.pk else [])
    if lists_errors:
        errors["lists"] = lists_errors
    if not campaign.body.strip():
        errors["body"] = [_("The campaign has no text.")]
    if campaign.batch_size < 1:
        errors["batch_size"] = [_("A batch holds at least one message.")]
    if errors:
        raise ValidationError(errors)


def send_test(*, campaign: Campaign, to: str) -> None:
    """One copy to a staff address, marked as a test; links lead to the subscribe page."""
    address = normalise_email(to)
    composed = compose(campaign)
    composed.subject = f"[{_('TEST')}] {composed.subject}"
    url = settings.SITE_URL + reverse("newsletter:subscribe")
    build_message(composed, to=address, unsubscribe=url, preferences=url).send()


def start_campaign(*, campaign: Campaign) -> Campaign:
    """Freeze the text and queue the sending. A second click finds it already started."""
    validate_campaign(campaign)
    composed = compose(campaign)
    with transaction.atomic():
        started = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.DRAFT).update(
            status=CampaignStatus.SENDING,
            started_at=timezone.now(),
            html=composed.html,
            text=composed.text,
            note="",
            watch=(watch := secrets.token_hex(16)),
        )
        if not started:
            raise ValidationError(_("This campaign has already been sent or is being sent."))
        dispatch.send_next_batch(campaign.pk)
        dispatch.watch_campaign(campaign.pk, watch)
    campaign.refresh_from_db()
    return campaign


def pause_campaign(*, campaign: Campaign) -> Campaign:
    paused = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SENDING).update(
        status=CampaignStatus.PAUSED
    )
    if not paused:
        raise ValidationError(_("Only a campaign being sent can be paused."))
    campaign.refresh_from_db()
    return campaign


def resume_campaign(*, campaign: Campaign) -> Campaign:
    """Go on after a pause or a crash. A chain of batches still sending keeps its lease, so this
    never starts a second one; rows a dead worker had in flight are not resent (lease.py)."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
        if campaign.status not in (CampaignStatus.SENDING, CampaignStatus.PAUSED):
            raise ValidationError(_("Only a campaign being sent or paused can be resumed."))
        campaign.status = CampaignStatus.SENDING
        campaign.note = ""
        campaign.watch = secrets.token_hex(16)
        campaign.save(update_fields=["status", "note", "watch"])
        dispatch.send_next_batch(campaign.pk)
        dispatch.watch_campaign(campaign.pk, campaign.watch)
    return campaign


def create_deliveries(campaign: Campaign) -> int:
    """One queued row per confirmed, deliverable address of the campaign's lists (idempotent)."""
    delivery = Delivery._meta.db_table
    subscription = Subscription._meta.db_table
    subscriber = Subscriber._meta.db_table
    list_ids = list(campaign.lists.values_list("pk", flat=True))
    marks = ", ".join(["%s"] * len(list_ids))
    # Table names come from our models; every value travels as a parameter.
    sql = (
        f'INSERT INTO "{delivery}" (campaign_id, subscriber_id, status, attempts, error, '  # noqa: S608
        f"updated_at) SELECT DISTINCT %s, s.subscriber_id, %s, 0, '', %s "
        f'FROM "{subscription}" s JOIN "{subscriber}" p ON p.id = s.subscriber_id '
        f"WHERE s.mailing_list_id IN ({marks}) AND s.status = %s AND p.undeliverable = %s "
        f"ON CONFLICT DO NOTHING"
    )
    params = [campaign.pk, DeliveryStatus.QUEUED, timezone.now(), *list_ids]
    params += [SubscriptionStatus.CONFIRMED, False]
    with transaction.atomic(), db_connection.cursor() as cursor:
        cursor.execute(sql, params)
        created = cursor.rowcount
        Campaign.objects.filter(pk=campaign.pk).update(recipients_ready=True)
    return created


def progress(campaign: Campaign) -> dict[str, int]:
    counts = dict(campaign.deliveries.values_list("status").annotate(n=Count("id")).order_by())
    return {status: counts.get(status, 0) for status in DeliveryStatus.values}
