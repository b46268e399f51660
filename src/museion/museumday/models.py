"""International Museum Day: editions, the activities museums register, and their moderation."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from museion.core.models import AttendanceMode, Place, TimeSpan
from museion.core.validators import validate_language
from museion.network.models import Museum

DESCRIPTION_MAX_LENGTH = 10_000
TITLE_MAX_LENGTH = 200
# Reports of an edition are due this long after its day, unless the edition says otherwise.
REPORTING_WEEKS = 6
# A day's deadline runs until it ends everywhere on Earth (UTC-12); a report may start as soon
# as the day has begun somewhere (UTC+14).
LAST_ZONE = timedelta(hours=-12)
FIRST_ZONE = timedelta(hours=14)
ACCESSIBILITY_MAX_LENGTH = 2000
MAP_COLUMNS = ["latitude", "longitude", "id"]  # the map's cells read from an index (mapcells)


def primary_subtag(language: str) -> str:
    return (language or "").split("-")[0].lower()


def language_name(code: str) -> str:
    """The language's own name ("español"), for links readers of that language recognise."""
    for candidate in (code.lower(), primary_subtag(code)):
        try:
            return get_language_info(candidate)["name_local"]
        except KeyError:
            continue
    return code


def local_start_date(starts_at, timezone: str):
    try:
        return starts_at.astimezone(ZoneInfo(timezone)).date()
    except (ValueError, KeyError, ZoneInfoNotFoundError):
        return starts_at.date()


class Edition(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    date = models.DateField(_("date"), help_text=_("The day itself, e.g. 18 May."))
    first_day = models.DateField(
        _("first day"),
        null=True,
        blank=True,
        help_text=_("When activities may start before the day itself (a Museum Week)."),
    )
    last_day = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("When activities may go on after the day itself."),
    )
    theme = models.CharField(_("theme"), max_length=200)
    theme_translations = models.JSONField(
        _("theme translations"),
        default=dict,
        blank=True,
        help_text=_('The theme in other languages, e.g. {"fr": "Le pouvoir des musées"}.'),
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    reports_due = models.DateField(
        _("reports due"),
        null=True,
        blank=True,
        help_text=_(
            "Last day (anywhere on Earth) on which museums can report their participation and "
            "reach. Empty: six weeks after the day."
        ),
    )

    class Meta:
        ordering = ["-year"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return f"{self.year} — {self.theme}"

    def save(self, *args, **kwargs):
        if self.reports_due is None and self.date:
            self.reports_due = self.closes_on + timedelta(weeks=REPORTING_WEEKS)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("museumday:edition", kwargs={"year": self.year})

    @property
    def opens_on(self):
        """The first day an activity of this edition may take place (local date)."""
        return min(self.first_day or self.date, self.date)

    @property
    def closes_on(self):
        """The last day an activity of this edition may take place (local date)."""
        return max(self.last_day or self.date, self.date)

    @property
    def reporting_deadline(self):
        """The last day of reporting (a date)."""
        return self.reports_due or self.closes_on + timedelta(weeks=REPORTING_WEEKS)

    @property
    def reporting_opens_at(self) -> datetime:
        return datetime.combine(self.opens_on, time(0), tzinfo=UTC) - FIRST_ZONE

    @property
    def reporting_closes_at(self) -> datetime:
        """The instant the deadline passes: the end of its day in the last timezone."""
        next_day = self.reporting_deadline + timedelta(days=1)
        return datetime.combine(next_day, time(0), tzinfo=UTC) - LAST_ZONE

    def reporting_open(self, now: datetime) -> bool:
        return self.reporting_opens_at <= now < self.reporting_closes_at

    @property
    def localized_theme(self) -> str:
        lang = (get_language() or "en").split("-")[0]
        return self.theme_translations.get(lang) or self.theme


class Category(models.TextChoices):
    EXHIBITION = "exhibition", _("Exhibition")
    GUIDED_TOUR = "guided_tour", _("Guided tour")
    WORKSHOP = "workshop", _("Workshop")
    TALK = "talk", pgettext_lazy("activity category", "Talk")
    PERFORMANCE = "performance", _("Performance")
    FAMILY = "family", _("Family activity")
    ONLINE_EVENT = "online_event", _("Online event")
    OPEN_DAY = "open_day", _("Free entry / open day")
    OTHER = "other", pgettext_lazy("activity category", "Other")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("activity status", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("activity status", "Submitted")
    PUBLISHED = "published", pgettext_lazy("activity status", "Published")
    REJECTED = "rejected", pgettext_lazy("activity status", "Rejected")


class Activity(TimeSpan, Place):
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="activities", verbose_name=_("edition")
    )
    museum = models.ForeignKey(
        Museum, on_delete=models.CASCADE, related_name="activities", verbose_name=_("museum")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(
        _("description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    language = models.CharField(_("language"), max_length=16, validators=[validate_language])
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    attendance_mode = models.CharField(
        _("attendance mode"),
        max_length=8,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
    )
    online_url = models.URLField(_("online URL"), max_length=500, blank=True)
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        max_length=ACCESSIBILITY_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(ACCESSIBILITY_MAX_LENGTH)],
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    booking_url = models.URLField(_("booking URL"), max_length=500, blank=True)
    local_date = models.DateField(
        _("date"),
        editable=False,
        db_index=True,
        help_text=_("The start date in the activity's own timezone."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Kept by museumday.translations, so full-text search finds an activity in any language.
    translations_text = models.TextField(
        _("approved translations (for search)"), blank=True, default="", editable=False
    )

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["status", "starts_at", "id"], name="activity_public_order"),
            models.Index(fields=["status", "edition", "starts_at"], name="activity_edition"),
            models.Index(fields=["status", "country", "starts_at"], name="activity_country"),
            models.Index(fields=["status", *MAP_COLUMNS], name="activity_geo"),
            models.Index(fields=["status", "edition", *MAP_COLUMNS], name="activity_edition_geo"),
            models.Index(fields=["museum", "status"], name="activity_museum"),
            # Who takes part, by country and edition, read from the index alone (impact page).
            models.Index(
                fields=["status", "edition", "country", "museum"], name="activity_participation"
            ),
            models.Index(fields=["updated_at"], name="activity_updated"),  # moderation queue
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="activity_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("museumday:activity", kwargs={"pk": self.pk})

    def save(self, *args, **kwargs):
        self.local_date = local_start_date(self.starts_at, self.timezone)
        super().save(*args, **kwargs)

    @property
    def local_starts_at(self):
        return self.starts_at.astimezone(ZoneInfo(self.timezone))

    @property
    def local_ends_at(self):
        return self.ends_at.astimezone(ZoneInfo(self.timezone))

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def for_reader(self):
        """The translation into the reader's language that a list prefetched, else the activity
        (both have title, description, accessibility_notes and language)."""
        found = getattr(self, "reader_translations", None)
        if found and primary_subtag(found[0].language) != primary_subtag(self.language):
            return found[0]
        return self


class RevisionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", pgettext_lazy("activity revision status", "Approved")
    REJECTED = "rejected", pgettext_lazy("activity revision status", "Rejected")


class ActivityRevision(models.Model):
    """An edit of a published activity, waiting for moderation; the live row stays as it was."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="revisions")
    data = models.JSONField()
    status = models.CharField(
        max_length=10, choices=RevisionStatus.choices, default=RevisionStatus.PENDING
    )
    reason = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity"],
                condition=models.Q(status="pending"),
                name="one_pending_revision_per_activity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.status}"


class TranslationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", pgettext_lazy("activity translation status", "Approved")
    REJECTED = "rejected", pgettext_lazy("activity translation status", "Rejected")


class ActivityTranslation(models.Model):
    """An activity in another language. Only approved ones are public.

    An edit of an approved translation of a published activity waits in `proposal`; the approved
    text stays public until a moderator decides.
    """

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="translations", verbose_name=_("activity")
    )
    language = models.CharField(_("language"), max_length=16, validators=[validate_language])
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(
        _("description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        max_length=ACCESSIBILITY_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(ACCESSIBILITY_MAX_LENGTH)],
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TranslationStatus.choices,
        default=TranslationStatus.PENDING,
    )
    proposal = models.JSONField(_("proposed edit"), null=True, blank=True)
    reason = models.TextField(_("reason for rejection"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language"]
        verbose_name = _("activity translation")
        verbose_name_plural = _("activity translations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "language"], name="one_translation_per_language"
            ),
        ]
        indexes = [models.Index(fields=["status", "activity"], name="translation_status")]

    def __str__(self) -> str:
        return f"{self.activity_id} [{self.language}]: {self.title}"

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def awaits_moderation(self) -> bool:
        return self.status == TranslationStatus.PENDING or self.proposal is not None

    @property
    def moderated_text(self) -> dict[str, str]:
        """The text a moderator decides on: the proposed edit, else the translation itself."""
        if self.proposal is not None:
            return self.proposal
        return {
            "title": self.title,
            "description": self.description,
            "accessibility_notes": self.accessibility_notes,
        }


class Transition(models.Model):
    """Every workflow step: who moved which activity from what to what, when and why."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    action = models.CharField(max_length=32)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True)
    # The translation a step concerns (translate, approve_translation, …), else empty.
    language = models.CharField(max_length=16, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.activity_id}: {self.action}"


from .ical_models import CalendarEvent  # noqa: E402, F401
from .impact_models import (  # noqa: E402, F401 - reports refer to Edition and Activity above
    Channel,
    ChannelFigure,
    ImpactReport,
    ReporterKind,
    ReportReminder,
)
