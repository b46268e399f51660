"""Rules of participation and reach reports: who reports what, until when, and reminders."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from museion.network.models import Committee, CommitteeKind, Museum
from museion.network.permissions import can_edit_museum, moderated_museums_q

from .impact_cache import bump_impact_version
from .impact_models import (
    MAX_EVIDENCE_LINKS,
    MAX_ITEMS,
    NETWORK_NAME_MAX_LENGTH,
    WORLD_POPULATION,
)
from .models import (
    Activity,
    Channel,
    ChannelFigure,
    Edition,
    ImpactReport,
    ReporterKind,
    ReportReminder,
    Status,
)
from .tasks import remind_to_report

# A museum hears from its coordinators about a missing report at most this often.
REMINDER_INTERVAL = timedelta(days=3)


@dataclass(frozen=True)
class Reporter:
    """Who a report belongs to: a museum (as a whole, or for one activity), a committee, or
    the network itself."""

    kind: str
    museum: Museum | None = None
    activity: Activity | None = None
    committee: Committee | None = None

    @property
    def country(self) -> str:
        if self.museum is not None:
            return str(self.museum.country)
        if self.committee is not None and self.committee.kind == CommitteeKind.NATIONAL:
            return str(self.committee.country)
        return ""

    def lookup(self) -> dict:
        return {
            "reporter_kind": self.kind,
            "museum": self.museum,
            "activity": self.activity,
            "committee": self.committee,
        }


def museum_reporter(museum: Museum, activity: Activity | None = None) -> Reporter:
    return Reporter(ReporterKind.MUSEUM, museum=museum, activity=activity)


def committee_reporter(committee: Committee) -> Reporter:
    return Reporter(ReporterKind.COMMITTEE, committee=committee)


NETWORK_REPORTER = Reporter(ReporterKind.NETWORK)


@dataclass
class FigureInput:
    channel: str
    network: str = ""
    items: int = 0
    audience: int = 0
    evidence: list[str] = field(default_factory=list)


def can_report(user, reporter: Reporter) -> bool:
    if not user.is_authenticated:
        return False
    if reporter.kind == ReporterKind.MUSEUM:
        return can_edit_museum(user, reporter.museum)
    if user.is_staff:
        return True
    if reporter.kind == ReporterKind.COMMITTEE:
        return reporter.committee.coordinators.filter(pk=user.pk).exists()
    return False


def require_reporter(user, reporter: Reporter) -> None:
    if can_report(user, reporter):
        return
    if reporter.kind == ReporterKind.MUSEUM:
        raise PermissionDenied(
            _("You are not an editor of %(museum)s: only its editors report for it.")
            % {"museum": reporter.museum.name}
        )
    if reporter.kind == ReporterKind.COMMITTEE:
        raise PermissionDenied(
            _("Only the coordinators of %(committee)s report its own figures.")
            % {"committee": reporter.committee.name}
        )
    raise PermissionDenied(_("Only staff report the network's own figures."))


def require_open(user, edition: Edition) -> None:
    """Reports are open from the edition's day until its deadline; staff may correct later."""
    now = timezone.now()
    if now < edition.reporting_opens_at:
        raise ValidationError(
            _("Reports for %(year)s open on the day itself, %(date)s.")
            % {"year": edition.year, "date": date_format(edition.date, "DATE_FORMAT")}
        )
    if now >= edition.reporting_closes_at and not user.is_staff:
        raise ValidationError(
            _(
                "The reporting deadline for %(year)s (%(date)s) has passed: nothing was changed. "
                "Ask your national committee if a figure needs correcting."
            )
            % {
                "year": edition.year,
                "date": date_format(edition.reporting_deadline, "DATE_FORMAT"),
            }
        )


def _bounded(value, label: str, limit: int, errors: list) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append(_("%(label)s must be a whole number.") % {"label": label})
        return 0
    if value < 0:
        errors.append(_("%(label)s cannot be negative.") % {"label": label})
    elif value > limit:
        errors.append(
            _("%(label)s cannot be more than %(limit)s.")
            % {"label": label, "limit": number_format(limit, force_grouping=True)}
        )
    return value


def clean_figures(figures: list[FigureInput]) -> list[FigureInput]:
    """Check the channel figures; ValidationError naming every problem, else the clean list."""
    errors: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    cleaned = []
    url = URLValidator(schemes=["http", "https"])
    for figure in figures:
        if figure.channel not in Channel.values:
            errors.append(
                _("Unknown channel “%(channel)s”: choose one from the list.")
                % {"channel": str(figure.channel)[:40]}
            )
            continue
        label = Channel(figure.channel).label
        network = " ".join((figure.network or "").split())
        if figure.channel == Channel.SOCIAL:
            if not network:
                errors.append(_("Name the social network, e.g. Instagram."))
                continue
            if len(network) > NETWORK_NAME_MAX_LENGTH:
                errors.append(_("A social network's name is at most 60 characters."))
                continue
            label = network
        else:
            network = ""
        key = (figure.channel, network.casefold())
        if key in seen:
            errors.append(
                _("%(channel)s is given twice: give each channel once, with its total.")
                % {"channel": seen[key]}
            )
            continue
        seen[key] = label
        items = _bounded(
            figure.items, _("%(channel)s: items") % {"channel": label}, MAX_ITEMS, errors
        )
        audience = _bounded(
            figure.audience,
            _("%(channel)s: audience") % {"channel": label},
            WORLD_POPULATION,
            errors,
        )
        links = [link.strip() for link in figure.evidence if link.strip()]
        if len(links) > MAX_EVIDENCE_LINKS:
            errors.append(
                _("%(channel)s: give at most %(count)s evidence links.")
                % {"channel": label, "count": MAX_EVIDENCE_LINKS}
            )
        for link in links:
            try:
                url(link)
            except ValidationError:
                errors.append(
                    _("%(channel)s: “%(link)s” is not a web address (http:// or https://).")
                    % {"channel": label, "link": link[:80]}
                )
        cleaned.append(FigureInput(figure.channel, network, items, audience, links))
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_reporter(edition: Edition, reporter: Reporter) -> None:
    activity = reporter.activity
    if activity is None:
        return
    if activity.museum_id != reporter.museum.pk or activity.edition_id != edition.pk:
        raise ValidationError(_("This activity is not one of the museum's in this edition."))
    if activity.status != Status.PUBLISHED:
        raise ValidationError(_("Only published activities took part: report for those."))


@transaction.atomic
def save_impact_report(
    *,
    user,
    edition: Edition,
    reporter: Reporter,
    onsite_visitors: int,
    online_viewers: int,
    figures: list[FigureInput],
) -> ImpactReport:
    """Create or replace a reporter's figures for an edition (the figures left out go)."""
    require_reporter(user, reporter)
    require_open(user, edition)
    _check_reporter(edition, reporter)
    errors: list[str] = []
    _bounded(onsite_visitors, _("On-site visitors"), WORLD_POPULATION, errors)
    _bounded(online_viewers, _("Online viewers"), WORLD_POPULATION, errors)
    try:
        figures = clean_figures(figures)
    except ValidationError as error:
        errors.extend(error.messages)
    if errors:
        raise ValidationError(errors)
    report, created = ImpactReport.objects.select_for_update().get_or_create(
        edition=edition,
        **reporter.lookup(),
        defaults={"country": reporter.country, "created_by": user},
    )
    report.onsite_visitors = onsite_visitors
    report.online_viewers = online_viewers
    report.channel_audience = sum(figure.audience for figure in figures)
    report.country = reporter.country
    report.updated_by = user
    report.save()
    report.figures.all().delete()
    try:
        with transaction.atomic():
            ChannelFigure.objects.bulk_create(
                ChannelFigure(
                    report=report,
                    edition=edition,
                    channel=figure.channel,
                    network=figure.network,
                    items=figure.items,
                    audience=figure.audience,
                    evidence=figure.evidence,
                )
                for figure in figures
            )
    except IntegrityError:  # only a rule the checks above missed; the old figures stay
        raise ValidationError(
            _("These figures break a rule of the reports: check each row.")
        ) from None
    bump_impact_version(edition.pk)
    return report


@transaction.atomic
def delete_impact_report(*, user, report: ImpactReport) -> None:
    report = ImpactReport.objects.select_related("edition", "museum", "activity", "committee").get(
        pk=report.pk
    )
    reporter = Reporter(
        report.reporter_kind,
        museum=report.museum,
        activity=report.activity,
        committee=report.committee,
    )
    require_reporter(user, reporter)
    require_open(user, report.edition)
    edition_id = report.edition_id
    report.delete()
    bump_impact_version(edition_id)


@dataclass
class ReminderOutcome:
    sent: list[Museum] = field(default_factory=list)
    recently_reminded: list[Museum] = field(default_factory=list)
    already_reported: list[Museum] = field(default_factory=list)


@transaction.atomic
def send_report_reminders(*, user, edition: Edition, museum_ids: list[int]) -> ReminderOutcome:
    """E-mail the editors of museums that took part and have not reported, within the sender's
    scope; a museum reminded less than REMINDER_INTERVAL ago is skipped (no spam)."""
    scope = moderated_museums_q(user)
    if scope is None:
        raise PermissionDenied(_("Only coordinators and staff send reminders."))
    now = timezone.now()
    if now >= edition.reporting_closes_at:
        raise ValidationError(_("The reporting deadline has passed: reminders are closed."))
    wanted = set(museum_ids)
    museums = list(
        Museum.objects.filter(scope, pk__in=wanted)
        .filter(activities__edition=edition, activities__status=Status.PUBLISHED)
        .distinct()
        .order_by("name")
    )
    if len(museums) != len(wanted):
        raise PermissionDenied(
            _("You can only remind museums of your scope that took part in this edition.")
        )
    reported = set(
        ImpactReport.objects.filter(edition=edition, museum__in=museums).values_list(
            "museum_id", flat=True
        )
    )
    recent = set(
        ReportReminder.objects.filter(
            edition=edition, museum__in=museums, sent_at__gt=now - REMINDER_INTERVAL
        ).values_list("museum_id", flat=True)
    )
    outcome = ReminderOutcome()
    for museum in museums:
        if museum.pk in reported:
            outcome.already_reported.append(museum)
        elif museum.pk in recent:
            outcome.recently_reminded.append(museum)
        else:
            outcome.sent.append(museum)
    ReportReminder.objects.bulk_create(
        ReportReminder(edition=edition, museum=museum, sent_by=user, sent_at=now)
        for museum in outcome.sent
    )
    for museum in outcome.sent:
        transaction.on_commit(
            lambda pk=museum.pk: remind_to_report.enqueue(museum_id=pk, edition_id=edition.pk)
        )
    return outcome
