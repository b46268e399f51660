"""Payment providers: how a participant is told to pay. `CONFERENCE_PAYMENT_PROVIDER` names
the one new payments use; an online provider adds its own webhook view that calls `mark_paid`."""

from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.utils.translation import gettext as _

from ..models import Payment, Registration


@dataclass(frozen=True)
class Instructions:
    title: str
    lines: list[str]


class PaymentProvider(Protocol):
    name: str

    def instructions(self, payment: Payment) -> Instructions:
        """What the participant is told to do to pay (shown on their page)."""


class ManualProvider:
    """Bank transfer: the participant pays with the reference, staff confirm the payment."""

    name = "manual"

    def instructions(self, payment: Payment) -> Instructions:
        conference = payment.registration.conference
        return Instructions(
            title=_("Pay by bank transfer"),
            lines=[
                _("Amount: %(amount)s EUR") % {"amount": payment.amount},
                _("Reference: %(reference)s") % {"reference": payment.reference},
                conference.bank_details,
            ],
        )


PROVIDERS: dict[str, PaymentProvider] = {ManualProvider.name: ManualProvider()}


def provider_for(registration: Registration) -> PaymentProvider:
    return provider_named(getattr(settings, "CONFERENCE_PAYMENT_PROVIDER", ManualProvider.name))


def provider_named(name: str) -> PaymentProvider:
    return PROVIDERS.get(name) or PROVIDERS[ManualProvider.name]
