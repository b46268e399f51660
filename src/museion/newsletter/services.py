"""Subscribing, confirming, unsubscribing, preferences and erasure: the rules of consent."""

from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from museion.core.validators import validate_language
from museion.outbox.models import EmailStatus, OutgoingEmail
from museion.outbox.services import queue_email

from .models import (
    EMAIL_MAX_LENGTH,
    Consent,
    ConsentMethod,
    MailingList,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)
from .tokens import CONFIRM_SALT, confirm_max_age, read_token

CONFIRMATION_RESEND_AFTER = timedelta(minutes=10)
CONFIRMATION_PURPOSE = "newsletter:confirmation"
_validate_email = EmailValidator()


def consent_text(language: str) -> str:
    """The consent sentence as shown on the form, in the reader's language."""
    with override(language):
        return _(
            "I agree to receive the Museion newsletter on the lists I chose, in the language I "
            "chose. My address is used for nothing else, and every e-mail has a link to "
            "unsubscribe at once."
        )


def normalise_email(raw: str) -> str:
    email = (raw or "").strip()
    if not email:
        raise ValidationError({"email": _("Enter your e-mail address.")})
    if len(email) > EMAIL_MAX_LENGTH:
        raise ValidationError({"email": _("This address is too long: 254 characters at most.")})
    try:
        _validate_email(email)
    except ValidationError:
        raise ValidationError({"email": _("Enter a valid e-mail address.")}) from None
    return email.lower()


def _check_language(language: str) -> None:
    try:
        validate_language(language)
    except ValidationError as error:
        raise ValidationError({"language": error.messages}) from None


@dataclass
class SubscribeResult:
    subscriber: Subscriber
    pending: list[Subscription]
    email_queued: bool


def subscribe(
    *,
    email: str,
    lists: list[MailingList],
    language: str,
    shown_consent: str = "",
    source: str = "",
) -> SubscribeResult:
    """Record the wish and the consent; queue the confirmation e-mail. Nothing is sent to the
    lists until the person clicks the link. The answer never tells whether the address was
    known, so the form cannot be used to probe who subscribes."""
    email = normalise_email(email)
    _check_language(language)
    if not lists:
        raise ValidationError({"lists": _("Choose at least one list.")})
    try:
        return _subscribe(email, lists, language, shown_consent or consent_text(language), source)
    except IntegrityError:
        # Two submissions of the same address at once: the other one created the rows.
        return _subscribe(email, lists, language, shown_consent or consent_text(language), source)


@transaction.atomic
def _subscribe(email, lists, language, text, source) -> SubscribeResult:
    now = timezone.now()
    subscriber, created = Subscriber.objects.get_or_create(
        email=email, defaults={"language": language}
    )
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    pending = []
    new_wish = False  # a list this address did not already wait for
    for mailing_list in lists:
        subscription, created = Subscription.objects.get_or_create(
            subscriber=subscriber, mailing_list=mailing_list
        )
        if subscription.status == SubscriptionStatus.CONFIRMED:
            continue
        new_wish = new_wish or created
        if subscription.status == SubscriptionStatus.UNSUBSCRIBED:
            new_wish = True
            subscription.status = SubscriptionStatus.PENDING
            subscription.save(update_fields=["status"])
        Consent.objects.create(
            subscription=subscription,
            text=text,
            method=ConsentMethod.DOUBLE_OPT_IN,
            given_at=now,
            source=source or "subscribe form",
        )
        pending.append(subscription)
    recently = (
        subscriber.confirmation_sent_at
        and now - subscriber.confirmation_sent_at < CONFIRMATION_RESEND_AFTER
        and not _last_confirmation_failed(subscriber)
    )
    # Repeating the same sign-up within the pause sends nothing (no mail-bombing through the
    # form); adding a list does, and so does asking again after the last e-mail failed. The
    # new e-mail's link covers every list still waiting (it replaces one not sent yet).
    email_queued = bool(pending) and (not recently or new_wish)
    if email_queued:
        if not subscriber.subscriptions.filter(status=SubscriptionStatus.CONFIRMED).exists():
            subscriber.language = language
        subscriber.confirmation_sent_at = now
        subscriber.save(update_fields=["language", "confirmation_sent_at"])
        ids = subscriber.subscriptions.filter(status=SubscriptionStatus.PENDING)
        queue_confirmation(
            subscriber=subscriber, subscription_ids=list(ids.values_list("pk", flat=True))
        )
    return SubscribeResult(subscriber=subscriber, pending=pending, email_queued=email_queued)


def queue_confirmation(*, subscriber: Subscriber, subscription_ids: list[int]) -> None:
    """The double opt-in e-mail, recorded in the current transaction (sent once it commits,
    retried until the mail server takes it)."""
    queue_email(
        purpose=CONFIRMATION_PURPOSE,
        object_id=subscriber.pk,
        to=subscriber.email,
        params={"subscriptions": subscription_ids},
    )


def _last_confirmation_failed(subscriber: Subscriber) -> bool:
    last = (
        OutgoingEmail.objects.filter(purpose=CONFIRMATION_PURPOSE, object_id=subscriber.pk)
        .order_by("-created_at", "-id")
        .first()
    )
    if last is None:
        return True
    return last.status == EmailStatus.FAILED or (
        last.status == EmailStatus.QUEUED and bool(last.last_error)
    )


@dataclass
class ConfirmResult:
    subscriber: Subscriber
    confirmed: list[MailingList]
    already: bool


def check_confirm_token(*, token: str) -> Subscriber:
    subscriber, _ids = read_token(token, CONFIRM_SALT, max_age=confirm_max_age())
    return subscriber


@transaction.atomic
def confirm_subscription(*, token: str, shown_consent: str = "") -> ConfirmResult:
    """Confirm the subscriptions a link names. Clicking twice is harmless.

    `shown_consent` is the consent text on the confirmation page; it becomes the record of a
    subscription that has none yet (an imported address that never saw the form)."""
    subscriber, ids = read_token(token, CONFIRM_SALT, max_age=confirm_max_age())
    now = timezone.now()
    subscriptions = list(
        Subscription.objects.select_for_update()
        .select_related("mailing_list")
        .filter(subscriber=subscriber, pk__in=ids)
    )
    newly = [s for s in subscriptions if s.status == SubscriptionStatus.PENDING]
    for subscription in newly:
        subscription.status = SubscriptionStatus.CONFIRMED
        subscription.confirmed_at = now
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
    waiting = Consent.objects.filter(
        subscription__in=newly, method=ConsentMethod.DOUBLE_OPT_IN, confirmed_at__isnull=True
    )
    recorded = set(waiting.values_list("subscription_id", flat=True))
    waiting.update(confirmed_at=now)
    Consent.objects.bulk_create(
        Consent(
            subscription=subscription,
            text=shown_consent or consent_text(subscriber.language),
            method=ConsentMethod.DOUBLE_OPT_IN,
            given_at=now,
            confirmed_at=now,
            source="confirmation page",
        )
        for subscription in newly
        if subscription.pk not in recorded
    )
    if newly and subscriber.undeliverable:
        # They just opened a link sent to that mailbox: it works again.
        Subscriber.objects.filter(pk=subscriber.pk).update(
            undeliverable=False, bounced_at=None, bounce_reason=""
        )
    return ConfirmResult(
        subscriber=subscriber,
        confirmed=[s.mailing_list for s in newly],
        already=not newly,
    )


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber, list_ids: list[int] | None = None) -> int:
    """Leave the given lists (all when None) at once. Returns how many subscriptions ended."""
    subscriptions = Subscription.objects.filter(subscriber=subscriber).exclude(
        status=SubscriptionStatus.UNSUBSCRIBED
    )
    if list_ids is not None:
        subscriptions = subscriptions.filter(mailing_list_id__in=list_ids)
    return subscriptions.update(
        status=SubscriptionStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )


@transaction.atomic
def update_preferences(
    *, subscriber: Subscriber, lists: list[MailingList], language: str
) -> Subscriber:
    """From the preferences page, reached by a signed link sent to the address: the person has
    shown they read that mailbox, so lists added here are confirmed at once, with a record."""
    _check_language(language)
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    now = timezone.now()
    wanted = {mailing_list.pk for mailing_list in lists}
    current = {s.mailing_list_id: s for s in subscriber.subscriptions.all()}
    text = consent_text(language)
    for mailing_list in lists:
        subscription = current.get(mailing_list.pk) or Subscription(
            subscriber=subscriber, mailing_list=mailing_list
        )
        if subscription.status == SubscriptionStatus.CONFIRMED:
            continue
        subscription.status = SubscriptionStatus.CONFIRMED
        subscription.confirmed_at = now
        subscription.unsubscribed_at = None
        subscription.save()
        Consent.objects.create(
            subscription=subscription,
            text=text,
            method=ConsentMethod.PREFERENCES,
            given_at=now,
            confirmed_at=now,
            source="preferences page",
        )
    leaving = [pk for pk in current if pk not in wanted]
    if leaving:
        unsubscribe(subscriber=subscriber, list_ids=leaving)
    subscriber.language = language
    subscriber.save(update_fields=["language"])
    return subscriber


@transaction.atomic
def erase_subscriber(*, subscriber: Subscriber) -> None:
    """Delete the person's data: address, subscriptions, consent records. Past deliveries keep
    only an anonymous count."""
    Subscriber.objects.filter(pk=subscriber.pk).delete()


@transaction.atomic
def mark_undeliverable(*, email: str, reason: str) -> bool:
    """A hard bounce: never mail this address again. False when the address is unknown."""
    updated = Subscriber.objects.filter(email=(email or "").strip().lower()).update(
        undeliverable=True, bounced_at=timezone.now(), bounce_reason=reason[:500]
    )
    return bool(updated)
