"""Background work of the newsletter, run by the campaign worker
(`manage.py db_worker --queue-name campaigns`); confirmations go through the outbox."""

from django_tasks import task

from museion.core.dispatch import registered

from . import dispatch
from .worker import send_batch, watch


@registered(dispatch.SEND_BATCH)
@task(queue_name=dispatch.CAMPAIGN_QUEUE)
def send_campaign_batch(campaign_id: int, lease: str = "") -> dict:
    return send_batch(campaign_id=campaign_id, lease=lease)


@registered(dispatch.WATCH)
@task(queue_name=dispatch.CAMPAIGN_QUEUE)
def watch_campaign(campaign_id: int, token: str) -> str:
    return watch(campaign_id=campaign_id, token=token)
