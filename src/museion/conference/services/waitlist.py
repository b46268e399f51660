"""The waiting list: a freed seat goes straight to the next person as a time-limited offer.

A freed seat is never handed back to the public while someone waits: releasing it and offering
it happen in one transaction, under the category's row lock, so the offered person holds it.
"""

import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..dispatch import wake_housekeeping_at
from ..models import Payment, PaymentStatus, Registration, Status, TicketCategory
from .notify import notify
from .participation import cancel_signup
from .registration import create_payment, release_discount, start_holding


def _queue(category_id: int):
    return Registration.objects.filter(category_id=category_id, status=Status.WAITLISTED).order_by(
        "priority", "created_at", "id"
    )


def _offer(registration: Registration, *, now) -> None:
    conference = registration.conference
    registration.status = Status.OFFERED
    registration.offer_token = secrets.token_urlsafe(24)
    registration.offer_expires_at = now + timedelta(hours=conference.offer_hours)
    registration.save(update_fields=["status", "offer_token", "offer_expires_at", "updated_at"])
    notify(registration, "offer")
    wake_housekeeping_at(registration.offer_expires_at)


def release_seat(category_id: int, *, now=None) -> Registration | None:
    """Free one seat of the category (call inside a transaction); returns whom it was offered to."""
    now = now or timezone.now()
    category = TicketCategory.objects.select_for_update().get(pk=category_id)
    if category.taken <= category.capacity:
        nxt = (
            _queue(category_id).select_related("conference").select_for_update(of=("self",)).first()
        )
        if nxt is not None:
            _offer(nxt, now=now)
            return nxt
    TicketCategory.objects.filter(pk=category_id, taken__gt=0).update(taken=F("taken") - 1)
    return None


@transaction.atomic
def fill_from_waitlist(*, category: TicketCategory, now=None) -> list[Registration]:
    """Offer every free seat (e.g. after staff raised the capacity) to the next people waiting."""
    now = now or timezone.now()
    offered = []
    category = TicketCategory.objects.select_for_update().get(pk=category.pk)
    free = category.capacity - category.taken
    queue = _queue(category.pk).select_related("conference").select_for_update(of=("self",))
    for registration in queue[: max(free, 0)]:
        _offer(registration, now=now)
        offered.append(registration)
    if offered:
        TicketCategory.objects.filter(pk=category.pk).update(taken=F("taken") + len(offered))
    return offered


def fill_free_seats(*, now=None) -> int:
    """Housekeeping's safety net: offer any seat that is free while people wait."""
    now = now or timezone.now()
    waiting = Registration.objects.filter(status=Status.WAITLISTED).values("category_id")
    free = TicketCategory.objects.filter(pk__in=waiting, taken__lt=F("capacity"))
    return sum(len(fill_from_waitlist(category=category, now=now)) for category in free)


@transaction.atomic
def set_capacity(*, category: TicketCategory, capacity: int) -> list[Registration]:
    TicketCategory.objects.filter(pk=category.pk).update(capacity=capacity)
    category.capacity = capacity
    return fill_from_waitlist(category=category)


def _locked(registration: Registration) -> Registration:
    return (
        Registration.objects.select_for_update(of=("self",))
        .select_related("conference", "category__day")
        .get(pk=registration.pk)
    )


def offer_by_token(token: str) -> Registration | None:
    if not token:
        return None
    return (
        Registration.objects.select_related("conference", "category")
        .filter(offer_token=token)
        .first()
    )


def _check_offer(registration: Registration, now) -> None:
    if registration.status != Status.OFFERED:
        raise ValidationError(
            _("This offer has already been answered. Your registration page shows where you stand.")
        )
    if registration.offer_expires_at <= now:
        raise ValidationError(_("This offer expired. The seat has gone to the next person."))


def accept_offer(*, registration: Registration, now=None) -> Registration:
    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(registration)
        try:
            _check_offer(registration, now)
        except ValidationError:
            expired = registration.status == Status.OFFERED
            if not expired:
                raise
            error = _("This offer expired. The seat has gone to the next person.")
        else:
            error = None
            start_holding(registration, now=now)
            registration.offer_token = ""
            registration.save()
            if registration.status == Status.PENDING and registration.price > 0:
                create_payment(registration)
            notify(registration, "confirmed" if registration.is_paid else "received")
            return registration
    expire_offer(registration=registration, now=now)
    raise ValidationError(error)


def decline_offer(*, registration: Registration, now=None) -> Registration:
    now = now or timezone.now()
    with transaction.atomic():
        registration = _locked(registration)
        try:
            _check_offer(registration, now)
        except ValidationError:
            if registration.status != Status.OFFERED:
                raise
        else:
            return _withdraw_offer(registration, now=now)
    expire_offer(registration=registration, now=now)  # too late: the seat moves on all the same
    raise ValidationError(_("This offer expired. The seat has gone to the next person."))


def _withdraw_offer(registration: Registration, *, now) -> Registration:
    registration.status = Status.WITHDRAWN
    registration.offer_token = ""
    registration.save(update_fields=["status", "offer_token", "updated_at"])
    release_discount(registration)
    release_seat(registration.category_id, now=now)
    return registration


@transaction.atomic
def expire_offer(*, registration: Registration, now=None) -> bool:
    now = now or timezone.now()
    registration = _locked(registration)
    if registration.status != Status.OFFERED or registration.offer_expires_at > now:
        return False
    registration.status = Status.EXPIRED
    registration.offer_token = ""
    registration.save(update_fields=["status", "offer_token", "updated_at"])
    release_discount(registration)
    release_seat(registration.category_id, now=now)
    return True


@transaction.atomic
def leave_waitlist(*, registration: Registration) -> Registration:
    registration = _locked(registration)
    if registration.status != Status.WAITLISTED:
        raise ValidationError(_("You are not on the waiting list."))
    registration.status = Status.WITHDRAWN
    registration.save(update_fields=["status", "updated_at"])
    release_discount(registration)
    return registration


@transaction.atomic
def cancel_registration(*, registration: Registration, now=None) -> Registration:
    """The participant (or staff) cancels: the seat goes to the next person at once."""
    now = now or timezone.now()
    registration = _locked(registration)
    if registration.status == Status.WAITLISTED:
        return leave_waitlist(registration=registration)
    if registration.status not in (Status.PENDING, Status.CONFIRMED, Status.OFFERED):
        raise ValidationError(_("This registration is not active."))
    registration.status = Status.CANCELLED
    registration.offer_token = ""
    registration.save(update_fields=["status", "offer_token", "updated_at"])
    Payment.objects.filter(registration=registration, status=PaymentStatus.PENDING).update(
        status=PaymentStatus.CANCELLED
    )
    release_discount(registration)
    release_seat(registration.category_id, now=now)
    for signup in registration.signups.select_related("session"):
        cancel_signup(registration=registration, session=signup.session)
    return registration


def expire_offers(*, now=None) -> int:
    now = now or timezone.now()
    count = 0
    stale = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    for registration in stale.order_by("offer_expires_at"):
        count += expire_offer(registration=registration, now=now)
    return count
