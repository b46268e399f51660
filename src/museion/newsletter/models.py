"""Newsletter: lists, subscribers and their consent, campaigns and one delivery per recipient."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from museion.core.validators import validate_language

EMAIL_MAX_LENGTH = 254


def new_key() -> str:
    return secrets.token_urlsafe(16)


class MailingList(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    language = models.CharField(_("language"), max_length=16, validators=[validate_language])
    topic = models.CharField(_("topic"), max_length=100, help_text=_("e.g. Museum Day, Red Lists"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown on the subscribe form.")
    )

    class Meta:
        ordering = ["language", "name"]
        verbose_name = _("mailing list")
        verbose_name_plural = _("mailing lists")

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail address"), max_length=EMAIL_MAX_LENGTH, unique=True)
    language = models.CharField(_("language"), max_length=16, validators=[validate_language])
    key = models.CharField(max_length=32, default=new_key, editable=False)
    undeliverable = models.BooleanField(_("undeliverable"), default=False)
    bounced_at = models.DateTimeField(_("bounced at"), null=True, blank=True)
    bounce_reason = models.CharField(_("bounce reason"), max_length=500, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email


class SubscriptionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", pgettext_lazy("subscription status", "Confirmed")
    UNSUBSCRIBED = "unsubscribed", pgettext_lazy("subscription status", "Unsubscribed")


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    mailing_list = models.ForeignKey(
        MailingList, on_delete=models.CASCADE, related_name="subscriptions"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubscriptionStatus.choices,
        default=SubscriptionStatus.PENDING,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "mailing_list"], name="subscription_once_per_list"
            )
        ]
        indexes = [models.Index(fields=["mailing_list", "status"], name="subscription_list")]

    def __str__(self) -> str:
        return f"{self.subscriber_id} → {self.mailing_list_id}: {self.status}"


class ConsentMethod(models.TextChoices):
    DOUBLE_OPT_IN = "double_opt_in", _("Subscribe form, confirmed by e-mail link")
    PREFERENCES = "preferences", _("Preferences page reached from an e-mail link")
    IMPORT = "import", _("Imported; consent given elsewhere")


class Consent(models.Model):
    """What the person agreed to, when, and how we know it was them."""

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="consents"
    )
    text = models.TextField(_("consent text shown"))
    method = models.CharField(_("method"), max_length=16, choices=ConsentMethod.choices)
    given_at = models.DateTimeField(_("given at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["given_at", "id"]
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")

    def __str__(self) -> str:
        return f"{self.subscription_id}: {self.method} {self.given_at:%Y-%m-%d}"


class CampaignTemplate(models.Model):
    """The frame of a campaign e-mail. Placeholders: {{ content }}, {{ posts }},
    {{ unsubscribe_url }}, {{ preferences_url }}; plain Django template syntax, staff only."""

    name = models.CharField(_("name"), max_length=200)
    html = models.TextField(_("HTML template"))
    text = models.TextField(_("plain-text template"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("campaign template")
        verbose_name_plural = _("campaign templates")

    def __str__(self) -> str:
        return self.name


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("campaign status", "Draft")
    SENDING = "sending", pgettext_lazy("campaign status", "Sending")
    PAUSED = "paused", pgettext_lazy("campaign status", "Paused")
    SENT = "sent", pgettext_lazy("campaign status", "Sent")


class Campaign(models.Model):
    subject = models.CharField(_("subject"), max_length=200)
    language = models.CharField(_("language"), max_length=16, validators=[validate_language])
    lists = models.ManyToManyField(MailingList, related_name="campaigns", verbose_name=_("lists"))
    template = models.ForeignKey(
        CampaignTemplate, on_delete=models.PROTECT, verbose_name=_("template")
    )
    body = models.TextField(_("body"), max_length=50_000, help_text=_("Markdown."))
    latest_posts = models.PositiveSmallIntegerField(
        _("latest posts"),
        default=0,
        validators=[MaxValueValidator(20)],
        help_text=_("Add this many of the latest news posts in the campaign's language."),
    )
    rate_per_second = models.PositiveIntegerField(
        _("messages per second"), default=100, help_text=_("0 sends as fast as possible.")
    )
    batch_size = models.PositiveIntegerField(_("batch size"), default=500)
    status = models.CharField(
        _("status"), max_length=8, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    html = models.TextField(editable=False, blank=True)
    text = models.TextField(editable=False, blank=True)
    recipients_ready = models.BooleanField(default=False, editable=False)
    note = models.CharField(_("note"), max_length=500, blank=True, editable=False)
    # The sending lease: one chain of batches holds it and beats while it sends; a chain whose
    # heartbeat is older than NEWSLETTER_LEASE_SECONDS is dead and another takes over.
    lease = models.CharField(max_length=32, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(_("last heartbeat"), null=True, blank=True, editable=False)
    watch = models.CharField(max_length=32, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.subject


class DeliveryStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("delivery status", "Queued")
    SENDING = "sending", pgettext_lazy("delivery status", "Being sent")
    SENT = "sent", pgettext_lazy("delivery status", "Sent")
    FAILED = "failed", pgettext_lazy("delivery status", "Failed")
    SKIPPED = "skipped", pgettext_lazy("delivery status", "Skipped")
    UNKNOWN = "unknown", pgettext_lazy("delivery status", "Unknown (in flight when a worker died)")


class Delivery(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(
        max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "subscriber"], name="delivery_once_per_campaign"
            )
        ]
        indexes = [models.Index(fields=["campaign", "status", "id"], name="delivery_queue")]

    def __str__(self) -> str:
        return f"{self.campaign_id} → {self.subscriber_id}: {self.status}"
