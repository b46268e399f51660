"""Shared building blocks: when (TimeSpan) and where (Place), after schema.org Event."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .validators import validate_latitude, validate_longitude, validate_timezone


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("On site")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("Hybrid")

    @property
    def schema_org(self) -> str:
        return {
            "offline": "https://schema.org/OfflineEventAttendanceMode",
            "online": "https://schema.org/OnlineEventAttendanceMode",
            "mixed": "https://schema.org/MixedEventAttendanceMode",
        }[self.value]


class TimeSpan(models.Model):
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    timezone = models.CharField(_("timezone"), max_length=64, validators=[validate_timezone])

    class Meta:
        abstract = True


class Place(models.Model):
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), db_index=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[validate_latitude]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[validate_longitude]
    )

    class Meta:
        abstract = True
