"""Payments (pending → paid → refunded, or pending → cancelled) and student proof checks.

A provider (`PaymentProvider`) is a small object with a `name` and `instructions(payment)` for
the participant; an online provider adds its own webhook view that calls `mark_paid`. The bank
transfer provider needs a staff member to confirm that the money arrived. Providers are listed
by name in `PROVIDERS`; `CONFERENCE_PAYMENT_PROVIDER` names the one new payments use.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import HOLDS_SEAT, Payment, PaymentStatus, ProofStatus, Registration, Status
from .notify import notify
from .providers import (  # noqa: F401  (the providers are part of this module's interface)
    PROVIDERS,
    Instructions,
    ManualProvider,
    PaymentProvider,
    provider_for,
    provider_named,
)
from .registration import release_discount, start_payment_clock
from .waitlist import cancel_registration, release_seat

TRANSITIONS = {
    PaymentStatus.PENDING: {PaymentStatus.PAID, PaymentStatus.CANCELLED},
    PaymentStatus.PAID: {PaymentStatus.REFUNDED},
    PaymentStatus.REFUNDED: set(),
    PaymentStatus.CANCELLED: set(),
}


def _move(payment: Payment, target: str) -> None:
    if target not in TRANSITIONS[payment.status]:
        raise ValidationError(
            _("A payment that is %(current)s cannot become %(target)s.")
            % {
                "current": payment.get_status_display().lower(),
                "target": PaymentStatus(target).label.lower(),
            }
        )
    payment.status = target
    payment.save(update_fields=["status", "confirmed_by", "updated_at"])


def _require_staff(user) -> None:
    if not (user and user.is_authenticated and user.is_staff):
        raise PermissionDenied(_("Only staff can do this."))


def settle(registration: Registration) -> bool:
    """Confirm a pending registration once it is paid (or free) and its proof approved."""
    if registration.status != Status.PENDING:
        return False
    if registration.proof_status in (ProofStatus.PENDING, ProofStatus.REJECTED):
        return False
    owed = registration.price > 0
    if owed and not registration.payments.filter(status=PaymentStatus.PAID).exists():
        return False
    registration.status = Status.CONFIRMED
    registration.payment_due_at = None
    registration.save(update_fields=["status", "payment_due_at", "updated_at"])
    notify(registration, "confirmed")
    return True


@transaction.atomic
def mark_paid(*, payment: Payment, by=None) -> Payment:
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("conference")
        .get(pk=payment.registration_id)
    )
    if registration.status not in (Status.PENDING, Status.CONFIRMED):
        raise ValidationError(
            _("This registration is %(status)s: refund the money instead.")
            % {"status": registration.get_status_display().lower()}
        )
    payment.confirmed_by = by
    _move(payment, PaymentStatus.PAID)
    settle(registration)
    return payment


def confirm_payment(*, staff, payment: Payment) -> Payment:
    """Staff saw the bank transfer arrive."""
    _require_staff(staff)
    return mark_paid(payment=payment, by=staff)


@transaction.atomic
def refund_payment(*, staff, payment: Payment) -> Payment:
    """Money back: a registration that still holds its seat is cancelled (seat and access go)."""
    _require_staff(staff)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    payment.confirmed_by = staff
    _move(payment, PaymentStatus.REFUNDED)
    registration = Registration.objects.get(pk=payment.registration_id)
    if registration.status in HOLDS_SEAT:
        cancel_registration(registration=registration)
    return payment


@transaction.atomic
def approve_proof(*, staff, registration: Registration, now=None) -> Registration:
    _require_staff(staff)
    now = now or timezone.now()
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("conference")
        .get(pk=registration.pk)
    )
    if registration.proof_status != ProofStatus.PENDING:
        raise ValidationError(_("There is no proof waiting for approval."))
    registration.proof_status = ProofStatus.APPROVED
    if registration.status == Status.PENDING and registration.price > 0:
        start_payment_clock(registration, now=now)
    registration.save(update_fields=["proof_status", "payment_due_at", "updated_at"])
    settle(registration)
    return registration


@transaction.atomic
def reject_proof(*, staff, registration: Registration, now=None) -> Registration:
    """The proof does not show student status: the registration is cancelled, the seat freed."""
    _require_staff(staff)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.proof_status != ProofStatus.PENDING:
        raise ValidationError(_("There is no proof waiting for approval."))
    registration.proof_status = ProofStatus.REJECTED
    was_holding = registration.holds_seat
    registration.status = Status.CANCELLED
    registration.save(update_fields=["proof_status", "status", "updated_at"])
    Payment.objects.filter(registration=registration, status=PaymentStatus.PENDING).update(
        status=PaymentStatus.CANCELLED
    )
    release_discount(registration)
    if was_holding:
        release_seat(registration.category_id, now=now)
    notify(registration, "proof_rejected")
    return registration


@transaction.atomic
def expire_registration(*, registration: Registration, now=None) -> bool:
    now = now or timezone.now()
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    due = registration.payment_due_at
    if registration.status != Status.PENDING or due is None or due > now:
        return False
    if registration.payments.filter(status=PaymentStatus.PAID).exists():
        return False
    registration.status = Status.EXPIRED
    registration.save(update_fields=["status", "updated_at"])
    Payment.objects.filter(registration=registration, status=PaymentStatus.PENDING).update(
        status=PaymentStatus.CANCELLED
    )
    release_discount(registration)
    release_seat(registration.category_id, now=now)
    notify(registration, "expired")
    return True


def expire_unpaid(*, now=None) -> int:
    now = now or timezone.now()
    due = Registration.objects.filter(status=Status.PENDING, payment_due_at__lte=now)
    return sum(expire_registration(registration=r, now=now) for r in due.order_by("pk"))
