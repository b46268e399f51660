"""Status words shared between models agree with each model's noun in French and Spanish."""

import pytest
from django.utils import translation

from museion.conference.models import PaymentStatus, ProofStatus, Status
from museion.museumday.models import Status as ActivityStatus
from museion.museumday.models import TranslationStatus
from museion.newsletter.models import CampaignStatus, DeliveryStatus, SubscriptionStatus


@pytest.mark.parametrize(
    ("language", "choice", "label"),
    [
        ("fr", Status.CANCELLED, "Annulée"),  # une inscription
        ("fr", PaymentStatus.CANCELLED, "Annulé"),  # un paiement
        ("es", Status.CANCELLED, "Cancelada"),
        ("es", PaymentStatus.CANCELLED, "Cancelado"),
        ("fr", ProofStatus.APPROVED, "Validé"),  # un justificatif
        ("fr", TranslationStatus.APPROVED, "Approuvée"),  # une traduction
        ("es", ProofStatus.REJECTED, "Rechazado"),  # un justificante
        ("es", ActivityStatus.REJECTED, "Rechazada"),  # una actividad
        ("fr", CampaignStatus.SENT, "Envoyée"),  # une campagne
        ("fr", DeliveryStatus.SENT, "Envoyé"),  # un envoi
        ("es", CampaignStatus.SENT, "Enviada"),
        ("es", DeliveryStatus.SENT, "Enviado"),
        ("fr", SubscriptionStatus.CONFIRMED, "Confirmée"),
        ("en", PaymentStatus.CANCELLED, "Cancelled"),
    ],
)
def test_status_label_agrees_with_its_noun(language, choice, label):
    with translation.override(language):
        assert str(choice.label) == label
