"""Transactional e-mails of the newsletter, in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override

from museion.outbox.models import OutgoingEmail

from .models import Subscriber, Subscription, SubscriptionStatus
from .tokens import CONFIRM_SALT, MANAGE_SALT, UNSUBSCRIBE_SALT, confirm_max_age, make_token


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def confirm_url(subscriber: Subscriber, subscription_ids: list[int]) -> str:
    token = make_token(subscriber, CONFIRM_SALT, subscription_ids)
    return absolute(reverse("newsletter:confirm", kwargs={"token": token}))


def preferences_url(subscriber: Subscriber) -> str:
    token = make_token(subscriber, MANAGE_SALT)
    return absolute(reverse("newsletter:preferences", kwargs={"token": token}))


def unsubscribe_url(subscriber: Subscriber, list_ids: list[int]) -> str:
    token = make_token(subscriber, UNSUBSCRIBE_SALT, list_ids)
    return absolute(reverse("newsletter:unsubscribe", kwargs={"token": token}))


def confirmation_message(
    subscriber: Subscriber, subscriptions: list[Subscription]
) -> EmailMultiAlternatives:
    with override(subscriber.language):
        context = {
            "confirm_url": confirm_url(subscriber, [s.pk for s in subscriptions]),
            "lists": [s.mailing_list for s in subscriptions],
            "hours": settings_confirm_hours(),
        }
        subject = _("Please confirm your subscription to the Museion newsletter")
        text = render_to_string("newsletter/email/confirm.txt", context)
        html = render_to_string("newsletter/email/confirm.html", context)
    message = EmailMultiAlternatives(subject, text, to=[subscriber.email])
    message.attach_alternative(html, "text/html")
    return message


def settings_confirm_hours() -> int:
    return confirm_max_age() // 3600


def render(email: OutgoingEmail) -> EmailMultiAlternatives | None:
    """The outbox's renderer for "newsletter:confirmation": None once nothing waits any more."""
    subscriber = Subscriber.objects.filter(pk=email.object_id).first()
    if subscriber is None:
        return None
    subscriptions = list(
        Subscription.objects.select_related("mailing_list").filter(
            subscriber=subscriber,
            pk__in=email.params.get("subscriptions", []),
            status=SubscriptionStatus.PENDING,
        )
    )
    if not subscriptions:
        return None
    return confirmation_message(subscriber, subscriptions)
