"""Background work of the newsletter, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from .emails import confirmation_message
from .models import Subscriber, Subscription, SubscriptionStatus


@task()
def send_confirmation(subscriber_id: int, subscription_ids: list[int]) -> int:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return 0
    subscriptions = list(
        Subscription.objects.select_related("mailing_list").filter(
            subscriber=subscriber, pk__in=subscription_ids, status=SubscriptionStatus.PENDING
        )
    )
    if not subscriptions:
        return 0
    confirmation_message(subscriber, subscriptions).send()
    return 1


@task()
def send_campaign_batch(campaign_id: int) -> dict:
    from .worker import send_batch

    return send_batch(campaign_id=campaign_id)
