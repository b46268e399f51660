"""One row per transactional e-mail: what is to be sent to whom, and how it went."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EmailStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("e-mail status", "Queued")
    SENT = "sent", pgettext_lazy("e-mail status", "Sent")
    FAILED = "failed", pgettext_lazy("e-mail status", "Failed")
    CANCELLED = "cancelled", pgettext_lazy("e-mail status", "Not needed any more")


class OutgoingEmail(models.Model):
    """Written in the transaction that makes the e-mail necessary, so it is never lost; the
    message itself is rendered when it is sent (in the recipient's language, from the state of
    that moment) by the renderer its app registered for `purpose` ("app:kind")."""

    purpose = models.CharField(_("purpose"), max_length=80)
    object_id = models.PositiveBigIntegerField(_("object"))
    params = models.JSONField(default=dict, blank=True)
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=EmailStatus.choices, default=EmailStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["purpose", "object_id"], name="outbox_purpose"),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} → {self.to}: {self.status}"
