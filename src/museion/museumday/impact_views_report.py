"""Reporting participation and reach: museums (as a whole or per activity), committees and
the network's own figures, through one form of numbers and channel rows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from museion.network.models import Committee, Museum

from .impact_forms import FigureFormSet, ReportForm, figure_initial
from .impact_services import (
    NETWORK_REPORTER,
    Reporter,
    can_report,
    committee_reporter,
    museum_reporter,
    require_reporter,
    save_impact_report,
)
from .impact_views import denied
from .models import Activity, ChannelFigure, Edition, ImpactReport, Status


def _existing(edition: Edition, reporter: Reporter) -> ImpactReport | None:
    return (
        ImpactReport.objects.filter(edition=edition, **reporter.lookup())
        .prefetch_related(Prefetch("figures", queryset=ChannelFigure.objects.order_by("id")))
        .first()
    )


def _report_page(request, *, edition: Edition, reporter: Reporter, heading: str, extra=None):
    try:
        require_reporter(request.user, reporter)
    except PermissionDenied as error:
        return denied(request, str(error))
    report = _existing(edition, reporter)
    now = timezone.now()
    is_open = edition.reporting_open(now) or (
        request.user.is_staff and now >= edition.reporting_opens_at
    )
    status = 200
    if request.method == "POST":
        form = ReportForm(request.POST)
        formset = FigureFormSet(request.POST, prefix="figures")
        if form.is_valid() and formset.is_valid():
            figures = [f for f in (row.figure() for row in formset.forms) if f is not None]
            try:
                save_impact_report(
                    user=request.user,
                    edition=edition,
                    reporter=reporter,
                    onsite_visitors=form.cleaned_data["onsite_visitors"],
                    online_viewers=form.cleaned_data["online_viewers"],
                    figures=figures,
                )
            except PermissionDenied as error:
                return denied(request, str(error))
            except ValidationError as error:
                for message in error.messages:
                    form.add_error(None, message)
            else:
                messages.success(request, _("Your figures are saved. Thank you!"))
                return redirect(request.path)
        status = 400
    else:
        initial = {}
        if report is not None:
            initial = {
                "onsite_visitors": report.onsite_visitors,
                "online_viewers": report.online_viewers,
            }
        form = ReportForm(initial=initial)
        formset = FigureFormSet(initial=figure_initial(report), prefix="figures")
    context = {
        "edition": edition,
        "reporter": reporter,
        "heading": heading,
        "report": report,
        "form": form,
        "formset": formset,
        "is_open": is_open,
        "too_early": now < edition.reporting_opens_at,
        **(extra or {}),
    }
    return render(request, "museumday/impact_report_form.html", context, status=status)


def _museum_and_edition(museum_slug: str, year: int) -> tuple[Museum, Edition]:
    return get_object_or_404(Museum, slug=museum_slug), get_object_or_404(Edition, year=year)


@login_required
def museum_report(request, museum_slug: str, year: int):
    museum, edition = _museum_and_edition(museum_slug, year)
    if not can_report(request.user, museum_reporter(museum)):
        return denied(
            request,
            _("You are not an editor of %(museum)s: only its editors report for it.")
            % {"museum": museum.name},
        )
    activities = list(
        Activity.objects.filter(edition=edition, museum=museum, status=Status.PUBLISHED)
        .order_by("starts_at", "id")
        .only("title", "starts_at", "timezone")
    )
    reported = set(
        ImpactReport.objects.filter(activity__in=activities).values_list("activity_id", flat=True)
    )
    return _report_page(
        request,
        edition=edition,
        reporter=museum_reporter(museum),
        heading=_("%(museum)s: participation and reach, %(year)s")
        % {"museum": museum.name, "year": edition.year},
        extra={"museum": museum, "activities": activities, "reported": reported},
    )


@login_required
def activity_report(request, museum_slug: str, year: int, pk: int):
    museum, edition = _museum_and_edition(museum_slug, year)
    if not can_report(request.user, museum_reporter(museum)):
        return denied(
            request,
            _("You are not an editor of %(museum)s: only its editors report for it.")
            % {"museum": museum.name},
        )
    activity = get_object_or_404(
        Activity, pk=pk, museum=museum, edition=edition, status=Status.PUBLISHED
    )
    return _report_page(
        request,
        edition=edition,
        reporter=museum_reporter(museum, activity),
        heading=_("“%(title)s”: participation and reach") % {"title": activity.title},
        extra={"museum": museum, "activity": activity},
    )


@login_required
def committee_report(request, year: int, slug: str):
    edition = get_object_or_404(Edition, year=year)
    committee = get_object_or_404(Committee, slug=slug)
    return _report_page(
        request,
        edition=edition,
        reporter=committee_reporter(committee),
        heading=_("%(committee)s: own channels, %(year)s")
        % {"committee": committee.name, "year": edition.year},
    )


@login_required
def network_report(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    return _report_page(
        request,
        edition=edition,
        reporter=NETWORK_REPORTER,
        heading=_("The network's central channels, %(year)s") % {"year": edition.year},
    )
