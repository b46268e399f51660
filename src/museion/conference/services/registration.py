"""Registering for the conference: prices, codes, memberships and the seat, in one transaction.

The seat is taken with a conditional UPDATE (`taken < capacity`) inside the transaction that
creates the registration: PostgreSQL re-checks the condition after waiting for the row lock, and
SQLite runs write transactions one at a time (IMMEDIATE), so no count is ever read and then
trusted.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from museion.network.models import Membership
from museion.network.services import active_membership

from ..dispatch import wake_housekeeping_at
from ..models import (
    ACTIVE,
    Conference,
    DiscountCode,
    Payment,
    ProofStatus,
    Registration,
    Requirement,
    Status,
    TicketCategory,
)
from .notify import notify
from .providers import provider_for

REMINDER_BEFORE = timedelta(hours=24)  # a payment reminder goes out a day before it is due


@dataclass
class Applicant:
    name: str
    email: str
    country: str
    affiliation: str = ""
    accessibility_needs: str = ""
    dietary_needs: str = ""
    language: str = "en"
    extra: dict = field(default_factory=dict)


def take_seat(category: TicketCategory) -> bool:
    """Take one seat of `category` inside the current transaction; False when it is full.

    When it is full, the category's row stays locked until the transaction ends, so the
    registration is put on the waiting list under the same lock a cancellation takes: a seat
    freed at that moment is either taken here or offered to this registration, never lost."""
    if _take(category):
        return True
    TicketCategory.objects.select_for_update().filter(pk=category.pk).first()
    return _take(category)


def _take(category: TicketCategory) -> bool:
    return bool(
        TicketCategory.objects.filter(pk=category.pk, taken__lt=F("capacity")).update(
            taken=F("taken") + 1
        )
    )


def _check_sale(conference: Conference, category: TicketCategory, now) -> None:
    if not (conference.is_published and conference.registration_open):
        raise ValidationError(_("Registration for this conference is closed."))
    if category.conference_id != conference.pk:
        raise ValidationError({"category": _("This ticket category does not exist.")})
    if now < category.sale_starts_at:
        raise ValidationError(
            {
                "category": _("Sales for “%(name)s” open on %(date)s.")
                % {
                    "name": category.name,
                    "date": date_format(category.sale_starts_at, "DATE_FORMAT"),
                }
            }
        )
    if now >= category.sale_ends_at:
        raise ValidationError(
            {"category": _("Sales for “%(name)s” have closed.") % {"name": category.name}}
        )


def find_membership(*, number: str, email: str, today) -> Membership | None:
    """The member rate needs the membership number too: an e-mail address alone is guessable."""
    if not (number or "").strip():
        return None
    return active_membership(email=email, number=number, on=today)


def find_discount(*, conference: Conference, code: str, category: TicketCategory, now):
    code = (code or "").strip()
    if not code:
        return None
    discount = DiscountCode.objects.filter(conference=conference, code__iexact=code).first()
    if discount is None:
        raise ValidationError({"discount_code": _("This discount code does not exist.")})
    if not discount.valid_from <= now < discount.valid_until:
        raise ValidationError({"discount_code": _("This discount code is not valid now.")})
    bound = list(discount.categories.values_list("pk", flat=True))
    if bound and category.pk not in bound:
        raise ValidationError(
            {
                "discount_code": _("This discount code is not valid for “%(name)s”.")
                % {"name": category.name}
            }
        )
    if discount.used >= discount.max_uses:
        raise ValidationError({"discount_code": _("This discount code has been used up.")})
    return discount


def _use_discount(discount: DiscountCode) -> None:
    used = DiscountCode.objects.filter(pk=discount.pk, used__lt=F("max_uses")).update(
        used=F("used") + 1
    )
    if not used:
        raise ValidationError({"discount_code": _("This discount code has been used up.")})


def release_discount(registration: Registration) -> None:
    if registration.discount_id:
        DiscountCode.objects.filter(pk=registration.discount_id, used__gt=0).update(
            used=F("used") - 1
        )


def validate_registration(
    *,
    conference: Conference,
    category: TicketCategory,
    applicant: Applicant,
    proof,
    membership_number: str,
    discount_code: str,
    now,
) -> tuple[Membership | None, DiscountCode | None, Decimal]:
    """Everything that can be refused before the seat is taken; returns the price to pay."""
    _check_sale(conference, category, now)
    errors: dict[str, list[str]] = {}
    membership = None
    if category.requirement == Requirement.MEMBER:
        today = now.astimezone(conference.zone).date()
        membership = find_membership(number=membership_number, email=applicant.email, today=today)
        if membership is None:
            errors["membership_number"] = [
                _(
                    "The member rate needs a valid membership of a museum or committee of the "
                    "network, registered under this e-mail address."
                )
            ]
    if category.requirement == Requirement.STUDENT and not proof:
        errors["proof"] = [_("The student rate needs a proof of student status.")]
    if errors:
        raise ValidationError(errors)
    discount = find_discount(conference=conference, code=discount_code, category=category, now=now)
    price = category.price_at(now)
    if discount:
        price = discount.apply(price)
    return membership, discount, price


def register_participant(
    *,
    conference: Conference,
    category: TicketCategory,
    applicant: Applicant,
    proof=None,
    membership_number: str = "",
    discount_code: str = "",
    submission_id: uuid.UUID | None = None,
    now=None,
) -> Registration:
    """Register, or put on the waiting list when the category is full.

    A repeated submission (same `submission_id`, e.g. a double click) returns the first
    registration instead of a second one.
    """
    now = now or timezone.now()
    if submission_id:
        earlier = Registration.objects.filter(submission_id=submission_id).first()
        if earlier is not None:
            if earlier.email.lower() == applicant.email.strip().lower():
                return earlier
            submission_id = None  # the form was sent again for someone else: a new registration
    if category.requirement != Requirement.STUDENT:
        proof = None  # only the student rate keeps a proof: nothing else is stored
    membership, discount, price = validate_registration(
        conference=conference,
        category=category,
        applicant=applicant,
        proof=proof,
        membership_number=membership_number,
        discount_code=discount_code,
        now=now,
    )
    if _email_taken(conference, applicant.email):
        raise ValidationError({"email": [already_registered_message()]})
    try:
        with transaction.atomic():
            if discount:
                _use_discount(discount)
            seat = take_seat(category)
            registration = _create(
                conference=conference,
                category=category,
                applicant=applicant,
                proof=proof,
                membership=membership,
                discount=discount,
                price=price,
                seat=seat,
                submission_id=submission_id,
                now=now,
            )
    except IntegrityError:
        # Lost a race with an identical submission (double click) or the same e-mail address.
        if submission_id:
            earlier = Registration.objects.filter(submission_id=submission_id).first()
            if earlier is not None and earlier.email.lower() == applicant.email.strip().lower():
                return earlier
        if _email_taken(conference, applicant.email):
            raise ValidationError({"email": [already_registered_message()]}) from None
        if submission_id:  # someone else sent the very same form at the same moment
            raise ValidationError(
                _("Nothing was registered. Please send the form again.")
            ) from None
        raise
    return registration


def already_registered_message() -> str:
    return _(
        "This e-mail address is already registered for the conference. Use the link in the "
        "e-mail we sent you to see or change your registration."
    )


def _email_taken(conference: Conference, email: str) -> bool:
    return Registration.objects.filter(
        conference=conference, email__iexact=email.strip(), status__in=ACTIVE
    ).exists()


def _create(
    *,
    conference,
    category,
    applicant,
    proof,
    membership,
    discount,
    price,
    seat,
    submission_id,
    now,
) -> Registration:
    needs_proof = category.requirement == Requirement.STUDENT
    registration = Registration(
        conference=conference,
        category=category,
        name=applicant.name.strip(),
        email=applicant.email.strip().lower(),
        affiliation=applicant.affiliation.strip(),
        country=applicant.country,
        accessibility_needs=applicant.accessibility_needs.strip(),
        dietary_needs=applicant.dietary_needs.strip() if category.gives_onsite else "",
        language=applicant.language,
        consent_at=now,
        price=price,
        discount=discount,
        membership=membership,
        proof_status=ProofStatus.PENDING if needs_proof else ProofStatus.NOT_NEEDED,
        submission_id=submission_id,
        created_at=now,
        status=Status.WAITLISTED,
    )
    if proof:
        suffix = proof.name.rsplit(".", 1)[-1].lower() if "." in proof.name else "bin"
        proof.name = f"{uuid.uuid4().hex}.{suffix}"
        registration.proof = proof
    if seat:
        start_holding(registration, now=now)
    registration.save()
    if registration.status == Status.PENDING and price > 0:
        create_payment(registration)
    notify(registration, "received" if registration.status != Status.CONFIRMED else "confirmed")
    return registration


def start_holding(registration: Registration, *, now) -> None:
    """A registration that just got its seat: confirmed at once, or pending payment/proof."""
    waiting_for_proof = registration.proof_status == ProofStatus.PENDING
    if registration.price == 0 and not waiting_for_proof:
        registration.status = Status.CONFIRMED
        return
    registration.status = Status.PENDING
    if registration.price > 0 and not waiting_for_proof:
        start_payment_clock(registration, now=now)


def start_payment_clock(registration: Registration, *, now) -> None:
    """Unpaid after the conference's payment window, the seat goes: remind a day before."""
    hours = registration.conference.payment_window_hours
    registration.payment_due_at = now + timedelta(hours=hours)
    reminder = registration.payment_due_at - REMINDER_BEFORE
    wake_housekeeping_at(*([reminder] if reminder > now else []), registration.payment_due_at)


def create_payment(registration: Registration) -> Payment:
    payment = Payment.objects.create(
        registration=registration,
        amount=registration.price,
        provider=provider_for(registration).name,
        reference=f"GC{registration.conference_id}-{uuid.uuid4().hex[:10].upper()}",
    )
    return payment


def waitlist_position(registration: Registration) -> int | None:
    if registration.status != Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        category_id=registration.category_id, status=Status.WAITLISTED
    ).filter(
        Q(priority__lt=registration.priority)
        | Q(priority=registration.priority, created_at__lt=registration.created_at)
        | Q(
            priority=registration.priority,
            created_at=registration.created_at,
            pk__lt=registration.pk,
        )
    )
    return ahead.count() + 1
