"""Periodic work: reminders before payment is due, then expiry of unpaid seats and stale offers."""

from django.db import transaction
from django.utils import timezone

from ..models import Registration, Status
from .notify import notify
from .payments import expire_unpaid
from .registration import REMINDER_BEFORE
from .waitlist import expire_offers, fill_free_seats


def send_reminders(*, now=None) -> int:
    now = now or timezone.now()
    due_soon = Registration.objects.filter(
        status=Status.PENDING,
        reminded_at__isnull=True,
        payment_due_at__gt=now,
        payment_due_at__lte=now + REMINDER_BEFORE,
    )
    count = 0
    for registration in due_soon:
        with transaction.atomic():
            updated = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if updated:
                notify(registration, "reminder")
                count += 1
    return count


def run_housekeeping(*, now=None) -> dict[str, int]:
    now = now or timezone.now()
    return {
        "reminded": send_reminders(now=now),
        "expired_registrations": expire_unpaid(now=now),
        "expired_offers": expire_offers(now=now),
        "seats_offered": fill_free_seats(now=now),
    }
