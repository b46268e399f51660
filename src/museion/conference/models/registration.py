"""Registration: ticket categories with capacity, registrations, the waiting list, payments."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from museion.network.models import Committee, Membership

from .programme import Conference, Day, Session
from .storage import private_storage


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_checkin_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class Access(models.TextChoices):
    ONSITE = "onsite", _("On site (with online access)")
    ONSITE_ONLY = "onsite_only", _("On site only")
    ONLINE = "online", _("Online only")


class Requirement(models.TextChoices):
    NONE = "", _("None")
    STUDENT = "student", _("Student proof, verified by staff")
    MEMBER = "member", _("Valid membership")


class TicketCategory(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="categories")
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    access = models.CharField(_("access"), max_length=12, choices=Access.choices)
    requirement = models.CharField(
        _("requirement"), max_length=10, choices=Requirement.choices, blank=True, default=""
    )
    day = models.ForeignKey(
        Day,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="day_passes",
        verbose_name=_("day pass for"),
        help_text=_(
            "Day passes only: the one day this ticket is valid on. Make one category per day, "
            "each with its own capacity."
        ),
    )
    price = models.DecimalField(
        _("price (EUR)"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    early_price = models.DecimalField(
        _("early-bird price (EUR)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    early_until = models.DateTimeField(_("early-bird until"), null=True, blank=True)
    sale_starts_at = models.DateTimeField(_("sale starts"))
    sale_ends_at = models.DateTimeField(_("sale ends"))
    capacity = models.PositiveIntegerField(_("capacity"))
    taken = models.PositiveIntegerField(
        _("seats taken"),
        default=0,
        editable=False,
        help_text=_("Offered, pending and confirmed registrations."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("ticket category")
        verbose_name_plural = _("ticket categories")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sale_ends_at__gt=models.F("sale_starts_at")),
                name="category_sale_window",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} — {self.conference}"

    def clean(self) -> None:
        super().clean()
        if self.day_id and self.conference_id and self.day.conference_id != self.conference_id:
            raise ValidationError({"day": _("Choose a day of this conference.")})

    @property
    def is_day_pass(self) -> bool:
        return self.day_id is not None

    def covers(self, local_date) -> bool:
        """Whether the ticket is valid on this day of the conference (its own calendar)."""
        return self.day_id is None or self.day.date == local_date

    @property
    def gives_online(self) -> bool:
        return self.access in (Access.ONSITE, Access.ONLINE)

    @property
    def gives_onsite(self) -> bool:
        return self.access in (Access.ONSITE, Access.ONSITE_ONLY)

    def price_at(self, moment) -> Decimal:
        if self.early_price is not None and self.early_until and moment < self.early_until:
            return self.early_price
        return self.price

    def on_sale(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return self.sale_starts_at <= moment < self.sale_ends_at

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.taken, 0)


class DiscountKind(models.TextChoices):
    PERCENT = "percent", _("Percentage")
    FIXED = "fixed", _("Fixed amount (EUR)")


class DiscountCode(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(_("code"), max_length=40)
    kind = models.CharField(_("kind"), max_length=8, choices=DiscountKind.choices)
    value = models.DecimalField(
        _("value"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)]
    )
    max_uses = models.PositiveIntegerField(_("maximum uses"), default=1)
    used = models.PositiveIntegerField(_("used"), default=0, editable=False)
    valid_from = models.DateTimeField(_("valid from"))
    valid_until = models.DateTimeField(_("valid until"))
    categories = models.ManyToManyField(
        TicketCategory,
        blank=True,
        verbose_name=_("only for"),
        help_text=_("Empty: every category."),
    )
    issued_to = models.ForeignKey(
        Committee,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("issued to"),
        help_text=_("e.g. a national committee, for its delegates."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("discount code")
        verbose_name_plural = _("discount codes")
        constraints = [
            models.UniqueConstraint(fields=["conference", "code"], name="discount_code_unique"),
            models.CheckConstraint(
                condition=~models.Q(kind="percent") | models.Q(value__lte=100),
                name="discount_percent_at_most_100",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def apply(self, price: Decimal) -> Decimal:
        if self.kind == DiscountKind.PERCENT:
            reduced = price * (Decimal(100) - self.value) / Decimal(100)
        else:
            reduced = price - self.value
        return max(reduced, Decimal(0)).quantize(Decimal("0.01"))


class Status(models.TextChoices):
    WAITLISTED = "waitlisted", _("On the waiting list")
    OFFERED = "offered", _("Seat offered")
    PENDING = "pending", pgettext_lazy("registration status", "Pending")
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")
    EXPIRED = "expired", pgettext_lazy("registration status", "Expired")
    WITHDRAWN = "withdrawn", _("Left the waiting list")


HOLDS_SEAT = [Status.OFFERED, Status.PENDING, Status.CONFIRMED]
ACTIVE = [Status.WAITLISTED, *HOLDS_SEAT]


class ProofStatus(models.TextChoices):
    NOT_NEEDED = "", _("Not needed")
    PENDING = "pending", _("Awaiting verification")
    APPROVED = "approved", pgettext_lazy("student proof status", "Approved")
    REJECTED = "rejected", pgettext_lazy("student proof status", "Rejected")


class Registration(models.Model):
    conference = models.ForeignKey(
        Conference, on_delete=models.PROTECT, related_name="registrations"
    )
    category = models.ForeignKey(
        TicketCategory, on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    country = CountryField(_("country"))
    accessibility_needs = models.TextField(
        _("accessibility needs"), max_length=1000, blank=True, validators=[MaxLengthValidator(1000)]
    )
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=16, default="en")
    consent_at = models.DateTimeField(_("privacy notice accepted at"))
    price = models.DecimalField(_("price (EUR)"), max_digits=8, decimal_places=2)
    discount = models.ForeignKey(
        DiscountCode, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    membership = models.ForeignKey(
        Membership,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("membership"),
    )
    proof = models.FileField(
        _("student proof"), upload_to="proofs/%Y/", storage=private_storage, blank=True
    )
    proof_status = models.CharField(
        _("proof"), max_length=10, choices=ProofStatus.choices, blank=True, default=""
    )
    priority = models.IntegerField(
        _("waiting-list priority"), default=100, help_text=_("Lower numbers are served first.")
    )
    offer_token = models.CharField(max_length=64, blank=True, db_index=True)
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)
    payment_due_at = models.DateTimeField(_("payment due"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    feed_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    checkin_code = models.CharField(
        max_length=16, unique=True, default=new_checkin_code, editable=False
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    submission_id = models.UUIDField(unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        indexes = [
            models.Index(
                fields=["category", "status", "priority", "created_at"], name="registration_queue"
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "email"],
                condition=models.Q(status__in=ACTIVE),
                name="one_active_registration_per_email",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def holds_seat(self) -> bool:
        return self.status in HOLDS_SEAT

    @property
    def is_paid(self) -> bool:
        """Paid in full (or nothing to pay) and verified: the right to attend."""
        return self.status == Status.CONFIRMED


class WaitingList(Registration):
    """The queue staff reorder: waitlisted registrations, by (priority, arrival)."""

    class Meta:
        proxy = True
        ordering = ["category", "priority", "created_at", "id"]
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting list")


class PaymentStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("payment status", "Pending")
    PAID = "paid", pgettext_lazy("payment status", "Paid")
    REFUNDED = "refunded", pgettext_lazy("payment status", "Refunded")
    CANCELLED = "cancelled", pgettext_lazy("payment status", "Cancelled")


class Payment(models.Model):
    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, related_name="payments"
    )
    provider = models.CharField(_("provider"), max_length=20, default="manual")
    amount = models.DecimalField(_("amount (EUR)"), max_digits=8, decimal_places=2)
    currency = models.CharField(max_length=3, default="EUR", editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.PENDING
    )
    reference = models.CharField(_("reference"), max_length=40, unique=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self) -> str:
        return f"{self.reference} {self.amount} {self.currency} ({self.status})"


class AgendaItem(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="agenda")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="agenda_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} → {self.session_id}"


class WorkshopSignup(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="signups")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="signups")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("workshop sign-up")
        verbose_name_plural = _("workshop sign-ups")
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="signup_once")
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} → {self.session_id}"
