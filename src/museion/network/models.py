"""The network: museums and the committees they belong to, and who edits what."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from museion.core.validators import (
    validate_latitude,
    validate_longitude,
    validate_timezone,
)


class MuseumKind(models.TextChoices):
    ART = "art", _("Art")
    HISTORY = "history", _("History")
    SCIENCE = "science", _("Science and technology")
    NATURAL_HISTORY = "natural_history", _("Natural history")
    ETHNOGRAPHY = "ethnography", _("Ethnography and anthropology")
    ARCHAEOLOGY = "archaeology", _("Archaeology")
    CHILDREN = "children", _("Children's museum")
    GARDEN = "garden", _("Botanical garden, zoo or nature centre")
    HISTORIC_SITE = "historic_site", _("Historic house or site")
    GENERAL = "general", _("General")
    OTHER = "other", _("Other")


class CommitteeKind(models.TextChoices):
    NATIONAL = "national", _("National committee")
    INTERNATIONAL = "international", _("International committee")
    REGIONAL = "regional", _("Regional alliance")


class Committee(models.Model):
    kind = models.CharField(_("kind"), max_length=16, choices=CommitteeKind.choices)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country = CountryField(_("country"), blank=True, help_text=_("National committees only."))
    field = models.CharField(
        _("field"),
        max_length=200,
        blank=True,
        help_text=_("International committees: their field, e.g. education."),
    )
    website = models.URLField(_("website"), blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_committees",
        verbose_name=_("coordinators"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        constraints = [
            models.UniqueConstraint(
                fields=["country"],
                condition=models.Q(kind="national"),
                name="one_national_committee_per_country",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="national") | ~models.Q(country=""),
                name="national_committee_has_country",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Museum(models.Model):
    name = models.CharField(_("name"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    external_id = models.CharField(
        _("external id"),
        max_length=120,
        unique=True,
        help_text=_("Stable id from the source registry, e.g. us-imls:… or fr-museofile:M0965."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=MuseumKind.choices, default=MuseumKind.GENERAL
    )
    country = CountryField(_("country"), db_index=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[validate_latitude]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[validate_longitude]
    )
    timezone = models.CharField(_("timezone"), max_length=64, validators=[validate_timezone])
    website = models.URLField(_("website"), max_length=500, blank=True)
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("BCP 47 codes of the languages the museum works in."),
    )
    committees = models.ManyToManyField(
        Committee, blank=True, related_name="museums", verbose_name=_("committees")
    )
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_museums",
        verbose_name=_("editors"),
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Off when the source registry no longer lists the museum (never deleted)."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("museum")
        verbose_name_plural = _("museums")
        indexes = [models.Index(fields=["country", "name"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("network:museum", kwargs={"slug": self.slug})


class Membership(models.Model):
    """A person's membership of a museum or a committee of the network, valid for a period.

    Other apps ask `services.active_membership` whether someone is a member on a given day
    (the General Conference's member rate does).
    """

    number = models.CharField(_("membership number"), max_length=40, unique=True)
    email = models.EmailField(_("e-mail"), db_index=True)
    museum = models.ForeignKey(
        Museum,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("museum"),
    )
    committee = models.ForeignKey(
        Committee,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("committee"),
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(museum__isnull=True, committee__isnull=False)
                | models.Q(museum__isnull=False, committee__isnull=True),
                name="membership_of_museum_or_committee",
                violation_error_message=_("A membership is of a museum or of a committee."),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="membership_valid_period",
                violation_error_message=_("The membership must end after it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.number
