"""Red Lists of cultural objects at risk: list → category → object type, images, reports.

A translation of a list, a category or a type is another row whose `original` points to the row
it translates; images belong to the original type and are shown with every translation of it.
Years are astronomical-style integers where BC years are negative (-450 is 450 BC); there is no
year 0.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from museion.core.validators import validate_language
from museion.network.models import Museum

TEXT_MAX_LENGTH = 20_000


class ListStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("red list status", "Draft")
    PUBLISHED = "published", pgettext_lazy("red list status", "Published")
    WITHDRAWN = "withdrawn", pgettext_lazy("red list status", "Withdrawn")


class RedList(models.Model):
    original = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    language = models.CharField(_("language"), max_length=16, validators=[validate_language])
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    region = models.CharField(_("region"), max_length=200, help_text=_("e.g. West Africa"))
    countries = CountryField(_("countries covered"), multiple=True, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    partners = models.TextField(_("partners"), blank=True, help_text=_("One partner a line."))
    introduction = models.TextField(_("introduction"), blank=True, max_length=TEXT_MAX_LENGTH)
    legal_notes = models.TextField(_("legal notes"), blank=True, max_length=TEXT_MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=ListStatus.choices, default=ListStatus.DRAFT
    )
    version = models.PositiveIntegerField(
        _("published version"), default=0, help_text=_("Goes up each time the list is published.")
    )
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="redlists/pdf/", blank=True)
    pdf_version = models.PositiveIntegerField(_("version of the PDF"), default=0)
    editors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="edited_red_lists",
        verbose_name=_("editors"),
        help_text=_("People who may edit this list and its translations."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("Red List")
        verbose_name_plural = _("Red Lists")
        constraints = [
            models.UniqueConstraint(
                fields=["original", "language"], name="one_red_list_translation_per_language"
            )
        ]
        indexes = [models.Index(fields=["status", "language"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("redlists:list", kwargs={"slug": self.slug})

    @property
    def root(self) -> "RedList":
        return self.original if self.original_id else self


class LegalKind(models.TextChoices):
    CONVENTION = "convention", _("International convention")
    LAW = "law", _("National law")


class LegalInstrument(models.Model):
    red_list = models.ForeignKey(
        RedList, on_delete=models.CASCADE, related_name="legal_instruments"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=LegalKind.choices)
    title = models.CharField(_("title"), max_length=300)
    year = models.SmallIntegerField(_("year"), null=True, blank=True)
    country = CountryField(_("country"), blank=True, help_text=_("National laws only."))
    url = models.URLField(_("link"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("convention or law")
        verbose_name_plural = _("conventions and laws")

    def __str__(self) -> str:
        return self.title


class Authority(models.Model):
    """The national authority to alert about an object of a list, per country covered."""

    red_list = models.ForeignKey(RedList, on_delete=models.CASCADE, related_name="authorities")
    country = CountryField(_("country"))
    name = models.CharField(_("name"), max_length=300)
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("authority to alert")
        verbose_name_plural = _("authorities to alert")

    def __str__(self) -> str:
        return self.name


class Category(models.Model):
    red_list = models.ForeignKey(
        RedList, on_delete=models.CASCADE, related_name="categories", verbose_name=_("Red List")
    )
    original = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    position = models.PositiveIntegerField(_("number"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)

    class Meta:
        ordering = ["red_list", "position", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return f"{self.position}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("redlists:category", kwargs={"slug": self.red_list.slug, "pk": self.pk})


class ObjectType(models.Model):
    """A type of object at risk, described after the Object ID standard."""

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="object_types", verbose_name=_("category")
    )
    original = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
        verbose_name=_("translation of"),
    )
    position = models.PositiveIntegerField(_("number"), default=0)
    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. Terracotta figurine"))
    object_name = models.CharField(
        _("type of object"), max_length=200, blank=True, help_text=_("Broad term, e.g. pottery")
    )
    object_subtype = models.CharField(
        _("specific type"), max_length=200, blank=True, help_text=_("e.g. portrait head jar")
    )
    materials = models.CharField(_("materials"), max_length=300, blank=True)
    techniques = models.CharField(_("techniques"), max_length=300, blank=True)
    inscriptions = models.TextField(_("inscriptions and markings"), blank=True, max_length=5000)
    distinguishing_features = models.TextField(
        _("distinguishing features"), blank=True, max_length=5000
    )
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    period_start = models.IntegerField(
        _("from year"), null=True, blank=True, help_text=_("BC years are negative: -450.")
    )
    period_end = models.IntegerField(_("to year"), null=True, blank=True)
    period_name = models.CharField(
        _("named period"), max_length=200, blank=True, help_text=_("e.g. Late Antiquity")
    )
    place_of_origin = models.CharField(_("place of origin"), max_length=300, blank=True)
    culture = models.CharField(_("culture"), max_length=200, blank=True)
    maker = models.CharField(_("maker or workshop"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX_LENGTH)
    cross_references = models.ManyToManyField(
        "self", blank=True, verbose_name=_("similar types in other lists")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category", "position", "id"]
        verbose_name = _("object type")
        verbose_name_plural = _("object types")
        indexes = [models.Index(fields=["period_start", "period_end"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__isnull=True)
                | models.Q(period_end__isnull=True)
                | models.Q(period_end__gte=models.F("period_start")),
                name="object_type_period_in_order",
                violation_error_message=_("The period must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("redlists:type", kwargs={"slug": self.category.red_list.slug, "pk": self.pk})

    @property
    def image_owner_id(self) -> int:
        """The type whose images this one shows: its original, or itself."""
        return self.original_id or self.pk

    def clean(self):
        super().clean()
        for name in ("period_start", "period_end"):
            if getattr(self, name) == 0:
                raise ValidationError(
                    {name: _("There is no year 0: 1 BC is -1, AD 1 is 1.")}, code="year_zero"
                )
        if (
            self.period_start is not None
            and self.period_end is not None
            and self.period_end < self.period_start
        ):
            raise ValidationError(
                {"period_end": _("The period must end after it starts.")}, code="period_order"
            )


class Dimension(models.TextChoices):
    HEIGHT = "height", _("Height")
    WIDTH = "width", _("Width")
    DEPTH = "depth", _("Depth")
    LENGTH = "length", _("Length")
    DIAMETER = "diameter", _("Diameter")
    WEIGHT = "weight", _("Weight")


class Unit(models.TextChoices):
    MM = "mm", "mm"
    CM = "cm", "cm"
    M = "m", "m"
    G = "g", "g"
    KG = "kg", "kg"


class Measurement(models.Model):
    object_type = models.ForeignKey(
        ObjectType, on_delete=models.CASCADE, related_name="measurements"
    )
    dimension = models.CharField(_("dimension"), max_length=10, choices=Dimension.choices)
    minimum = models.DecimalField(_("from"), max_digits=9, decimal_places=2)
    maximum = models.DecimalField(_("to"), max_digits=9, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=3, choices=Unit.choices, default=Unit.CM)

    class Meta:
        ordering = ["object_type", "id"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(maximum__gte=models.F("minimum")) & models.Q(minimum__gte=0),
                name="measurement_range_in_order",
                violation_error_message=_("A measurement range must not end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_dimension_display()} {self.minimum}–{self.maximum} {self.unit}"

    def clean(self):
        super().clean()
        weight = self.dimension == Dimension.WEIGHT
        if self.unit and weight != (self.unit in (Unit.G, Unit.KG)):
            raise ValidationError({"unit": _("This unit does not fit the dimension.")})


class ObjectImage(models.Model):
    """A picture of a reference object for a type; renditions are generated once, on upload."""

    object_type = models.ForeignKey(
        ObjectType, on_delete=models.CASCADE, related_name="images", verbose_name=_("object type")
    )
    image = models.ImageField(_("image"), upload_to="redlists/images/")
    thumbnail = models.ImageField(_("thumbnail"), upload_to="redlists/thumbs/", blank=True)
    large = models.ImageField(_("large image"), upload_to="redlists/large/", blank=True)
    caption_object = models.CharField(
        _("object and material"), max_length=300, help_text=_("e.g. Figurine, terracotta")
    )
    caption_place = models.CharField(_("find-place"), max_length=200, blank=True)
    caption_date = models.CharField(_("date or period"), max_length=200, blank=True)
    caption_size = models.CharField(_("size"), max_length=100, blank=True)
    credit = models.CharField(_("credit"), max_length=300, help_text=_("© the lending museum"))
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    alt_text = models.CharField(
        _("text alternative"),
        max_length=500,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    reference_number = models.CharField(_("catalogue number"), max_length=100, blank=True)
    reference_museum = models.ForeignKey(
        Museum,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="red_list_images",
        verbose_name=_("museum holding the reference object"),
    )
    position = models.PositiveIntegerField(_("order"), default=0)
    phash = models.BigIntegerField(_("perceptual hash"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["object_type", "position", "id"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.caption_object

    @property
    def caption(self) -> str:
        parts = [self.caption_object, self.caption_place, self.caption_date, self.caption_size]
        text = ", ".join(p for p in parts if p)
        return f"{text}. {self.credit}" if self.credit else text


class ChangeRecord(models.Model):
    """Who changed what in a published list, and when."""

    red_list = models.ForeignKey(RedList, on_delete=models.CASCADE, related_name="changes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(_("when"), auto_now_add=True)
    action = models.CharField(_("action"), max_length=40)
    target = models.CharField(_("what"), max_length=300)
    fields = models.JSONField(_("fields"), default=list, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("change")
        verbose_name_plural = _("changes")

    def __str__(self) -> str:
        return f"{self.action} {self.target}"


# Models kept in modules of their own, imported here so that the app registers them; the two
# helpers stay importable from here for the migrations that name them.
from .lookup_models import PictureEmbedding, PictureHash  # noqa: E402, F401  (photo look-up)
from .private_files import new_report_token, private_storage  # noqa: E402, F401
from .report_models import Report, ReporterKind, ReportPhoto, ReportStatus  # noqa: E402, F401
