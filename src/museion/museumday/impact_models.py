"""Participation and reach reports: what each museum, committee or the network reached.

Each figure belongs to exactly one report (one reporter: a museum, a committee or the network)
and one channel, enforced by the database, so no audience is ever counted twice.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from museion.network.models import Committee, Museum

# No audience can exceed the people on Earth (about 8.2 billion in 2026, rounded up).
WORLD_POPULATION = 8_300_000_000
MAX_ITEMS = 1_000_000
MAX_EVIDENCE_LINKS = 5
NETWORK_NAME_MAX_LENGTH = 60


class Channel(models.TextChoices):
    SOCIAL = "social", _("Social network")
    NEWS = "news", _("News article")
    BLOG = "blog", _("Blog post")
    PODCAST = "podcast", _("Podcast")
    BROADCAST = "broadcast", _("Radio or TV")
    NEWSLETTER = "newsletter", _("Newsletter")


class ReporterKind(models.TextChoices):
    MUSEUM = "museum", _("Museum")
    COMMITTEE = "committee", _("Committee")
    NETWORK = "network", _("The network")


class ImpactReport(models.Model):
    """One reporter's figures for an edition: a museum (as a whole, or for one of its
    activities), a committee, or the network's own central accounts (staff)."""

    edition = models.ForeignKey(
        "museumday.Edition",
        on_delete=models.PROTECT,
        related_name="impact_reports",
        verbose_name=_("edition"),
    )
    reporter_kind = models.CharField(_("reporter"), max_length=10, choices=ReporterKind.choices)
    museum = models.ForeignKey(
        Museum,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="impact_reports",
        verbose_name=_("museum"),
    )
    activity = models.ForeignKey(
        "museumday.Activity",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="impact_reports",
        verbose_name=_("activity"),
    )
    committee = models.ForeignKey(
        Committee,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="impact_reports",
        verbose_name=_("committee"),
    )
    # The museum's country, or a national committee's; empty for figures of no one country.
    country = CountryField(_("country"), blank=True)
    onsite_visitors = models.PositiveBigIntegerField(_("on-site visitors"), default=0)
    online_viewers = models.PositiveBigIntegerField(_("online viewers"), default=0)
    # The sum of its channel figures' audience, kept by the services, so the page's aggregates
    # read the reports alone.
    channel_audience = models.PositiveBigIntegerField(default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("impact report")
        verbose_name_plural = _("impact reports")
        indexes = [
            models.Index(fields=["edition", "country"], name="impact_report_country"),
            models.Index(fields=["edition", "museum"], name="impact_report_museum"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(reporter_kind="museum", museum__isnull=False, committee__isnull=True)
                    | models.Q(
                        reporter_kind="committee",
                        committee__isnull=False,
                        museum__isnull=True,
                        activity__isnull=True,
                    )
                    | models.Q(
                        reporter_kind="network",
                        committee__isnull=True,
                        museum__isnull=True,
                        activity__isnull=True,
                    )
                ),
                name="impact_report_one_reporter",
            ),
            models.UniqueConstraint(
                fields=["edition", "museum"],
                condition=models.Q(activity__isnull=True, museum__isnull=False),
                name="impact_report_one_per_museum",
            ),
            models.UniqueConstraint(
                fields=["activity"],
                condition=models.Q(activity__isnull=False),
                name="impact_report_one_per_activity",
            ),
            models.UniqueConstraint(
                fields=["edition", "committee"],
                condition=models.Q(committee__isnull=False),
                name="impact_report_one_per_committee",
            ),
            models.UniqueConstraint(
                fields=["edition"],
                condition=models.Q(reporter_kind="network"),
                name="impact_report_one_for_network",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    onsite_visitors__lte=WORLD_POPULATION, online_viewers__lte=WORLD_POPULATION
                ),
                name="impact_report_within_world_population",
            ),
        ]

    def __str__(self) -> str:
        reporter = self.activity or self.museum or self.committee or ReporterKind.NETWORK.label
        return f"{self.edition_id}: {reporter}"


class ChannelFigure(models.Model):
    """Items published on one channel and the audience they reached, for one report."""

    report = models.ForeignKey(
        ImpactReport, on_delete=models.CASCADE, related_name="figures", verbose_name=_("report")
    )
    # The report's edition, copied so that an edition's channels group without a join.
    edition = models.ForeignKey(
        "museumday.Edition", null=True, on_delete=models.CASCADE, related_name="+", editable=False
    )
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    network = models.CharField(
        _("social network"),
        max_length=NETWORK_NAME_MAX_LENGTH,
        blank=True,
        help_text=_("For social networks only: its name, e.g. Instagram."),
    )
    items = models.PositiveIntegerField(_("items"), default=0)
    audience = models.PositiveBigIntegerField(_("audience reached"), default=0)
    evidence = models.JSONField(_("evidence links"), default=list, blank=True)

    class Meta:
        ordering = ["channel", "network"]
        indexes = [models.Index(fields=["edition", "channel"], name="channel_figure_edition")]
        verbose_name = _("channel figure")
        verbose_name_plural = _("channel figures")
        constraints = [
            models.UniqueConstraint(
                "report", "channel", Lower("network"), name="channel_figure_once_per_report"
            ),
            models.CheckConstraint(
                condition=models.Q(channel__in=Channel.values), name="channel_figure_known_channel"
            ),
            models.CheckConstraint(
                condition=(models.Q(channel="social") & ~models.Q(network=""))
                | (~models.Q(channel="social") & models.Q(network="")),
                name="channel_figure_network_for_social_only",
            ),
            models.CheckConstraint(
                condition=models.Q(audience__lte=WORLD_POPULATION, items__lte=MAX_ITEMS),
                name="channel_figure_within_bounds",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.network or self.get_channel_display()}: {self.audience}"

    def save(self, *args, **kwargs):
        self.edition_id = self.report.edition_id
        super().save(*args, **kwargs)


class ReportReminder(models.Model):
    """A reminder a coordinator sent a museum that had not reported (kept for rate limits)."""

    edition = models.ForeignKey("museumday.Edition", on_delete=models.CASCADE, related_name="+")
    museum = models.ForeignKey(Museum, on_delete=models.CASCADE, related_name="report_reminders")
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["edition", "museum", "sent_at"], name="reminder_recent")]

    def __str__(self) -> str:
        return f"{self.museum_id} @ {self.sent_at:%Y-%m-%d}"
