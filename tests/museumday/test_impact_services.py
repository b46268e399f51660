"""Reporting rules: who reports for whom, until when, what numbers are accepted, and that the
database itself refuses a figure counted twice."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from museion.museumday.impact_services import (
    NETWORK_REPORTER,
    FigureInput,
    committee_reporter,
    museum_reporter,
    save_impact_report,
    send_report_reminders,
)
from museion.museumday.models import ChannelFigure, Edition, ImpactReport, ReporterKind, Status
from tests.factories import ActivityFactory, CommitteeFactory, UserFactory

from .impact_data import OPEN

DEADLINE_DAY_END = datetime(2022, 6, 30, 11, 59, 59, tzinfo=UTC)  # 29 June, 23:59:59 UTC-12
AFTER_DEADLINE = datetime(2022, 6, 30, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def reports_open():
    with time_machine.travel(OPEN, tick=False):
        yield


def save(user, edition, reporter, *, onsite=0, online=0, figures=()):
    return save_impact_report(
        user=user,
        edition=edition,
        reporter=reporter,
        onsite_visitors=onsite,
        online_viewers=online,
        figures=list(figures),
    )


def test_edition_reports_are_due_six_weeks_after_the_day(edition):
    assert edition.reports_due.isoformat() == "2022-06-29"
    custom = Edition.objects.create(year=2030, date=datetime(2030, 5, 18).date(), theme="x")
    custom.reports_due = datetime(2030, 7, 31).date()
    custom.save()
    assert Edition.objects.get(pk=custom.pk).reporting_deadline.isoformat() == "2030-07-31"


def test_editor_saves_and_replaces_their_museums_figures(edition, museum, editor):
    save(
        editor,
        edition,
        museum_reporter(museum),
        onsite=120,
        figures=[FigureInput("news", "", 2, 9)],
    )
    report = save(
        editor,
        edition,
        museum_reporter(museum),
        onsite=150,
        online=30,
        figures=[FigureInput("social", "  Instagram ", 4, 800, ["https://example.org/post"])],
    )

    report.refresh_from_db()
    assert (report.onsite_visitors, report.online_viewers, report.country) == (150, 30, "FR")
    assert [
        (f.channel, f.network, f.items, f.audience, f.evidence) for f in report.figures.all()
    ] == [("social", "Instagram", 4, 800, ["https://example.org/post"])]
    assert ImpactReport.objects.count() == 1


def test_editor_cannot_report_for_another_museum(edition, other_museum, editor):
    with pytest.raises(PermissionDenied, match="not an editor of Museo del Prado"):
        save(editor, edition, museum_reporter(other_museum), onsite=10)
    assert not ImpactReport.objects.exists()


def test_activity_report_must_be_one_of_the_museums_published_activities(
    edition, museum, other_museum, editor
):
    elsewhere = ActivityFactory(edition=edition, museum=other_museum)
    draft = ActivityFactory(edition=edition, museum=museum, status=Status.DRAFT)
    with pytest.raises(ValidationError, match="not one of the museum's"):
        save(editor, edition, museum_reporter(museum, elsewhere))
    with pytest.raises(ValidationError, match="Only published activities"):
        save(editor, edition, museum_reporter(museum, draft))


def test_only_coordinators_report_for_their_committee_and_only_staff_for_the_network(
    edition, coordinator, staff, editor
):
    committee = coordinator.coordinated_committees.get()
    other = CommitteeFactory(country="ES", slug="es")
    save(
        coordinator, edition, committee_reporter(committee), figures=[FigureInput("blog", "", 1, 5)]
    )
    with pytest.raises(PermissionDenied):
        save(coordinator, edition, committee_reporter(other))
    with pytest.raises(PermissionDenied, match="Only staff"):
        save(coordinator, edition, NETWORK_REPORTER)
    with pytest.raises(PermissionDenied):
        save(editor, edition, committee_reporter(committee))
    save(staff, edition, NETWORK_REPORTER, figures=[FigureInput("social", "TikTok", 1, 5)])

    kinds = sorted(ImpactReport.objects.values_list("reporter_kind", "country"))
    assert kinds == [(ReporterKind.COMMITTEE, "FR"), (ReporterKind.NETWORK, "")]


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        (FigureInput("telegraph", "", 1, 1), "Unknown channel “telegraph”"),
        (FigureInput("social", "", 1, 1), "Name the social network"),
        (FigureInput("news", "", -1, 1), "items cannot be negative"),
        (FigureInput("news", "", 1, 8_300_000_001), "audience cannot be more than 8,300,000,000"),
        (FigureInput("news", "", 1, 1, ["javascript:alert(1)"]), "is not a web address"),
        (FigureInput("news", "", 1, 1, [f"https://e.org/{n}" for n in range(6)]), "at most 5"),
    ],
)
def test_bad_figures_are_refused_with_a_clear_message_and_nothing_lost(
    edition, museum, editor, figure, message
):
    save(
        editor, edition, museum_reporter(museum), onsite=10, figures=[FigureInput("blog", "", 1, 2)]
    )

    with pytest.raises(ValidationError) as raised:
        save(editor, edition, museum_reporter(museum), onsite=99, figures=[figure])

    assert message in " ".join(raised.value.messages)
    report = ImpactReport.objects.get()
    assert report.onsite_visitors == 10
    assert list(report.figures.values_list("channel", "audience")) == [("blog", 2)]


def test_more_online_viewers_than_people_on_earth_is_refused(edition, museum, editor):
    with pytest.raises(ValidationError, match="Online viewers cannot be more than"):
        save(editor, edition, museum_reporter(museum), online=9_000_000_000)


def test_the_same_channel_twice_in_one_report_is_refused(edition, museum, editor):
    figures = [FigureInput("social", "Instagram", 1, 10), FigureInput("social", "instagram", 2, 20)]
    with pytest.raises(ValidationError, match="Instagram is given twice"):
        save(editor, edition, museum_reporter(museum), figures=figures)


def test_database_refuses_a_figure_counted_twice_or_on_an_unknown_channel(edition, museum):
    report = ImpactReport.objects.create(
        edition=edition, reporter_kind=ReporterKind.MUSEUM, museum=museum, country="FR"
    )
    ChannelFigure.objects.create(report=report, channel="social", network="Instagram", audience=1)
    for bad in (
        {"channel": "social", "network": "INSTAGRAM"},
        {"channel": "pigeon"},
        {"channel": "news", "network": "Instagram"},
        {"channel": "news", "audience": 8_300_000_001},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            ChannelFigure.objects.create(report=report, **bad)
    with pytest.raises(IntegrityError), transaction.atomic():
        ImpactReport.objects.create(
            edition=edition, reporter_kind=ReporterKind.MUSEUM, museum=museum, country="FR"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        ImpactReport.objects.create(
            edition=edition, reporter_kind=ReporterKind.NETWORK, museum=museum
        )


@pytest.mark.parametrize("instant", [DEADLINE_DAY_END, datetime(2022, 5, 17, 10, 0, tzinfo=UTC)])
def test_reports_are_open_from_the_day_anywhere_until_the_deadline_anywhere(
    edition, museum, editor, instant
):
    with time_machine.travel(instant, tick=False):
        save(editor, edition, museum_reporter(museum), onsite=5)
    assert ImpactReport.objects.get().onsite_visitors == 5


def test_after_the_deadline_editors_are_refused_and_their_report_kept(
    edition, museum, editor, staff
):
    save(editor, edition, museum_reporter(museum), onsite=5)
    with time_machine.travel(AFTER_DEADLINE, tick=False):
        with pytest.raises(ValidationError, match="deadline for 2022 .29 June 2022. has passed"):
            save(editor, edition, museum_reporter(museum), onsite=500)
        assert ImpactReport.objects.get().onsite_visitors == 5
        save(staff, edition, museum_reporter(museum), onsite=6)  # staff may still correct
    assert ImpactReport.objects.get().onsite_visitors == 6


def test_before_the_day_reports_are_not_open(edition, museum, editor):
    too_early = time_machine.travel(datetime(2022, 5, 17, 9, 59, tzinfo=UTC), tick=False)
    with too_early, pytest.raises(ValidationError, match="open on the day itself"):
        save(editor, edition, museum_reporter(museum), onsite=5)


@pytest.fixture
def taking_part(edition, museum, other_museum):
    museum.editors.add(UserFactory(username="louvre-editor", email="louvre@example.org"))
    museum.languages = ["fr"]
    museum.save()
    ActivityFactory(edition=edition, museum=museum)
    ActivityFactory(edition=edition, museum=other_museum)
    return museum


def test_reminder_goes_to_the_editors_in_the_museums_language_once_every_three_days(
    edition, taking_part, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = send_report_reminders(
            user=coordinator, edition=edition, museum_ids=[taking_part.pk]
        )
    assert outcome.sent == [taking_part]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["louvre@example.org"]
    assert "Journée internationale des musées 2022" in mail.outbox[0].subject
    assert f"/museum-day/my/{taking_part.slug}/impact/2022/" in mail.outbox[0].body

    with django_capture_on_commit_callbacks(execute=True):
        again = send_report_reminders(
            user=coordinator, edition=edition, museum_ids=[taking_part.pk]
        )
    assert again.sent == [] and again.recently_reminded == [taking_part]
    assert len(mail.outbox) == 1
    three_days_later = time_machine.travel(datetime(2022, 6, 4, 12, 1, tzinfo=UTC), tick=False)
    with three_days_later, django_capture_on_commit_callbacks(execute=True):
        later = send_report_reminders(
            user=coordinator, edition=edition, museum_ids=[taking_part.pk]
        )
    assert later.sent == [taking_part] and len(mail.outbox) == 2


def test_reminders_only_for_museums_of_the_coordinators_scope(
    edition, taking_part, other_museum, coordinator, editor
):
    with pytest.raises(PermissionDenied):
        send_report_reminders(user=coordinator, edition=edition, museum_ids=[other_museum.pk])
    with pytest.raises(PermissionDenied):
        send_report_reminders(user=editor, edition=edition, museum_ids=[taking_part.pk])
    assert mail.outbox == []


def test_museums_that_reported_are_not_reminded(edition, taking_part, coordinator, staff):
    save(staff, edition, museum_reporter(taking_part), onsite=1)
    outcome = send_report_reminders(user=coordinator, edition=edition, museum_ids=[taking_part.pk])
    assert outcome.already_reported == [taking_part] and outcome.sent == []
