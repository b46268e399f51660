"""Reports of objects that may be trafficked, and their photos: the reporter's data is for staff
only; a private token lets the reporter follow the status."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from .private_files import new_report_token, private_storage


class ReportStatus(models.TextChoices):
    NEW = "new", pgettext_lazy("report status", "New")
    IN_PROGRESS = "in_progress", pgettext_lazy("report status", "In progress")
    PASSED = "passed_to_authorities", pgettext_lazy("report status", "Passed to the authorities")
    CLOSED = "closed", pgettext_lazy("report status", "Closed")


class ReporterKind(models.TextChoices):
    PUBLIC = "public", _("Member of the public")
    OFFICER = "officer", _("Customs or police officer")
    TRADE = "trade", _("Art dealer or auction house")
    MUSEUM = "museum", _("Museum professional")


class Report(models.Model):
    """A report of an object that may be trafficked; the reporter's data is for staff only."""

    description = models.TextField(_("description of the object"), max_length=5000)
    where_seen = models.CharField(_("where it was seen"), max_length=300)
    country_seen = CountryField(_("country where it was seen"), blank=True)
    seen_on = models.DateField(_("when it was seen"), null=True, blank=True)
    object_type = models.ForeignKey(
        "redlists.ObjectType",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        verbose_name=_("possibly this type"),
    )
    reporter_kind = models.CharField(
        _("you are"), max_length=10, choices=ReporterKind.choices, default=ReporterKind.PUBLIC
    )
    reporter_name = models.CharField(_("your name"), max_length=200)
    reporter_email = models.EmailField(_("your e-mail"))
    reporter_phone = models.CharField(_("your telephone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=16, default="en")
    status = models.CharField(
        _("status"), max_length=24, choices=ReportStatus.choices, default=ReportStatus.NEW
    )
    staff_notes = models.TextField(_("staff notes"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_report_token, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.where_seen}"

    def get_status_url(self) -> str:
        return reverse("redlists:report_status", kwargs={"token": self.token})


class ReportPhoto(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="redlists/reports/", storage=private_storage)
    phash = models.BigIntegerField(_("perceptual hash"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["report", "id"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.image.name
