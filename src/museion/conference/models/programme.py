"""The programme: a conference, its days, rooms, tracks, sessions and the people on stage."""

from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from museion.core.models import AttendanceMode, Place, TimeSpan
from museion.core.validators import validate_language, validate_timezone
from museion.network.models import Committee

ABSTRACT_MAX_LENGTH = 10_000


def validate_language_list(value) -> None:
    """A JSON list of BCP 47 codes, such as ["en", "fr"]."""
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        raise ValidationError(
            _('Give a list of language codes, such as ["en", "fr"].'), code="languages"
        )
    for code in value:
        validate_language(code)


class Conference(Place):
    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. Prague 2022"))
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    theme = models.CharField(_("theme"), max_length=300, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    timezone = models.CharField(_("timezone"), max_length=64, validators=[validate_timezone])
    is_published = models.BooleanField(_("published"), default=False)
    registration_open = models.BooleanField(_("registration open"), default=True)
    payment_window_hours = models.PositiveIntegerField(
        _("hours to pay"),
        default=72,
        help_text=_("Unpaid registrations expire after this time and free their seat."),
    )
    offer_hours = models.PositiveIntegerField(
        _("hours to answer an offer"),
        default=48,
        help_text=_("A seat offered from the waiting list goes to the next person after this."),
    )
    privacy_notice_url = models.URLField(_("privacy notice URL"), blank=True)
    bank_details = models.TextField(
        _("bank details"), blank=True, help_text=_("Shown to people who pay by bank transfer.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="conference_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("conference:programme", kwargs={"slug": self.slug})

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Day(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("day")
        verbose_name_plural = _("days")
        constraints = [
            models.UniqueConstraint(fields=["conference", "date"], name="one_day_per_date")
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}".strip()


class Room(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("name"), max_length=120)
    capacity = models.PositiveIntegerField(_("on-site capacity"))
    accessibility_notes = models.CharField(_("accessibility"), max_length=300, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")

    def __str__(self) -> str:
        return self.name


class Track(models.Model):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="tracks")
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        constraints = [
            models.UniqueConstraint(fields=["conference", "slug"], name="track_slug_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Speaker(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    affiliation = models.CharField(_("affiliation"), max_length=300, blank=True)
    bio = models.TextField(
        _("short bio"), max_length=2000, blank=True, validators=[MaxLengthValidator(2000)]
    )
    photo = models.FileField(
        _("photo"),
        upload_to="conference/speakers/",
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"])],
    )
    photo_alt = models.CharField(
        _("photo description (alt text)"),
        max_length=300,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(photo="") | ~models.Q(photo_alt=""),
                name="speaker_photo_has_alt_text",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("conference:speaker", kwargs={"slug": self.slug})


class SessionType(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote")
    LECTURE = "lecture", _("Lecture")
    PANEL = "panel", _("Panel")
    ROUNDTABLE = "roundtable", _("Round table")
    WORKSHOP = "workshop", pgettext_lazy("conference session type", "Workshop")
    NETWORKING = "networking", _("Networking")
    MEMORIAL = "memorial_lecture", _("Memorial lecture")
    CEREMONY = "ceremony", _("Ceremony")
    ASSEMBLY = "assembly", _("General assembly")
    OTHER = "other", pgettext_lazy("conference session type", "Other")


class Session(TimeSpan):
    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=300)
    type = models.CharField(_("type"), max_length=20, choices=SessionType.choices)
    track = models.ForeignKey(
        Track, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    room = models.ForeignKey(
        Room, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    organisers = models.ManyToManyField(
        Committee, blank=True, related_name="conference_sessions", verbose_name=_("organisers")
    )
    attendance_mode = models.CharField(
        _("attendance mode"),
        max_length=8,
        choices=AttendanceMode.choices,
        default=AttendanceMode.MIXED,
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        validators=[validate_language_list],
        help_text=_('BCP 47 codes spoken, e.g. ["en", "fr"].'),
    )
    interpretation = models.JSONField(
        _("interpretation into"),
        default=list,
        blank=True,
        validators=[validate_language_list],
        help_text=_('BCP 47 codes of simultaneous interpretation, e.g. ["es"].'),
    )
    abstract = models.TextField(
        _("abstract"),
        max_length=ABSTRACT_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(ABSTRACT_MAX_LENGTH)],
    )
    signup_capacity = models.PositiveIntegerField(
        _("sign-up seats"),
        null=True,
        blank=True,
        help_text=_("On-site workshops only: seats taken by per-session sign-up. Empty: none."),
    )
    signup_taken = models.PositiveIntegerField(_("seats signed up"), default=0, editable=False)
    local_date = models.DateField(_("day"), editable=False, db_index=True)
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "title", "id"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        indexes = [
            models.Index(fields=["conference", "is_published", "starts_at"], name="session_order")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(signup_capacity__isnull=True)
                | models.Q(signup_taken__lte=models.F("signup_capacity")),
                name="session_signup_within_capacity",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("conference:session", kwargs={"slug": self.conference.slug, "pk": self.pk})

    def save(self, *args, **kwargs):
        # A session is shown, grouped by day and filtered in its conference's timezone.
        self.timezone = self.conference.timezone
        self.local_date = self.starts_at.astimezone(ZoneInfo(self.timezone)).date()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "timezone", "local_date"}
        super().save(*args, **kwargs)

    @property
    def has_remote_access(self) -> bool:
        return self.attendance_mode != AttendanceMode.OFFLINE

    @property
    def seats_left(self) -> int | None:
        if self.signup_capacity is None:
            return None
        return max(self.signup_capacity - self.signup_taken, 0)


class PersonRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    CHAIR = "chair", _("Chair")


class SessionPerson(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="people")
    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="appearances")
    role = models.CharField(
        _("role"), max_length=10, choices=PersonRole.choices, default=PersonRole.SPEAKER
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["role", "order", "id"]
        verbose_name = _("speaker or chair")
        verbose_name_plural = _("speakers and chairs")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker", "role"], name="one_role_per_person_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker} ({self.get_role_display()})"


class SessionAccess(models.Model):
    """How remote participants join. Kept apart so that public reads never load it."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="access")
    url = models.URLField(_("stream or meeting URL"), max_length=500)
    platform = models.CharField(_("platform"), max_length=80, blank=True)
    passcode = models.CharField(_("passcode"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("remote access")
        verbose_name_plural = _("remote access")

    def __str__(self) -> str:
        return self.platform or self.url
