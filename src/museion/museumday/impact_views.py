"""The public impact page of an edition, the coordinators' view of their scope, the downloads
of every table and chart, and reminders to museums that have not reported."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from django_countries import countries as all_countries
from django_ratelimit.decorators import ratelimit

from museion.core.page_cache import public_page
from museion.network.permissions import moderated_museums_q

from . import impact_page
from .downloads import Table, csv_response, png_response, svg_response, xlsx_response
from .impact_cache import PUBLIC_IMPACT_KINDS
from .impact_forms import ReminderForm
from .impact_queries import CACHE_SECONDS, Scope, impact, museum_table
from .impact_services import send_report_reminders
from .models import Edition

REMINDER_RATE = "10/h"


def denied(request, message: str, status: int = 403):
    return render(request, "museumday/impact_denied.html", {"message": message}, status=status)


def _edition(year: int) -> Edition:
    return get_object_or_404(Edition, year=year)


def _public_sections(edition: Edition) -> str:
    """The page's figures, charts and tables as HTML, cached with the figures per language (the
    same for every visitor: no token, no user in it)."""
    data = impact(edition)
    closed = timezone.now() >= edition.reporting_closes_at
    key = f"{data['key']}:html:{get_language()}:{closed}"

    def render_sections() -> str:
        return render_to_string(
            "museumday/impact_sections.html",
            {
                "edition": edition,
                "data": data,
                "tables": impact_page.tables(data),
                "charts": impact_page.cached_charts(edition, data),
                "reporting_closed": closed,
                "base": reverse("museumday:impact", kwargs={"year": edition.year}),
                "query": "",
            },
        )

    return cache.get_or_set(key, render_sections, CACHE_SECONDS)


@public_page(*PUBLIC_IMPACT_KINDS)
@require_safe
def impact_view(request, year: int):
    edition = _edition(year)
    response = render(
        request,
        "museumday/impact.html",
        {"edition": edition, "sections": mark_safe(_public_sections(edition))},  # noqa: S308
    )
    return response


def _table_response(table: Table, edition: Edition, fmt: str, prefix: str = ""):
    filename = f"museum-day-{edition.year}-{prefix}{table.slug}.{fmt}"
    if fmt == "csv":
        return csv_response(table, filename)
    return xlsx_response(table, filename)


def _chart_response(svg: str, edition: Edition, name: str, fmt: str, prefix: str = ""):
    filename = f"museum-day-{edition.year}-{prefix}{name}.{fmt}"
    return svg_response(svg, filename) if fmt == "svg" else png_response(svg, filename)


@public_page(*PUBLIC_IMPACT_KINDS)
@require_safe
def impact_table(request, year: int, name: str, fmt: str):
    edition = _edition(year)
    if fmt not in ("csv", "xlsx") or name not in impact_page.TABLES:
        raise Http404(_("No such table."))
    return _table_response(impact_page.tables(impact(edition))[name], edition, fmt)


@public_page(*PUBLIC_IMPACT_KINDS)
@require_safe
def impact_chart(request, year: int, name: str, fmt: str):
    edition = _edition(year)
    if fmt not in ("svg", "png") or name not in impact_page.CHARTS:
        raise Http404(_("No such chart."))
    charts = impact_page.cached_charts(edition, impact(edition))
    return _chart_response(charts[name], edition, name, fmt)


def user_scope(request) -> tuple[Scope | None, str, str | None]:
    """The coordinator's scope, the country chosen (staff choose one), and a refusal message."""
    query = moderated_museums_q(request.user)
    if query is None:
        return None, "", _("Only coordinators and staff see the figures of their museums.")
    country = (request.GET.get("country") or "").upper()
    if country and country not in all_countries:
        country = ""
    committee_ids = tuple(request.user.coordinated_committees.values_list("pk", flat=True))
    if request.user.is_staff and not country:
        return None, "", None
    if country:
        query &= Q(country=country)
    key = f"user{request.user.pk}:{country or 'scope'}"
    return Scope(museums=query, committee_ids=committee_ids, key=key), country, None


def museum_rows_table(rows) -> Table:
    return Table(
        slug="museums",
        caption=_("Museums taking part"),
        headers=[
            _("Museum"),
            _("City"),
            _("Country"),
            _("Activities"),
            _("Reported"),
            _("On-site visitors"),
            _("Online reach"),
        ],
        rows=[
            [
                row.name,
                row.city,
                row.country,
                row.activities,
                _("yes") if row.reported else _("no"),
                row.onsite,
                row.online,
            ]
            for row in rows
        ],
    )


def _scope_context(request, edition: Edition):
    scope, country, refusal = user_scope(request)
    if refusal:
        raise PermissionDenied(refusal)
    if scope is None:
        return None
    data = impact(edition, scope)
    rows = museum_table(edition, scope)
    tables = impact_page.tables(data)
    tables["museums"] = museum_rows_table(rows)
    return {
        "edition": edition,
        "data": data,
        "tables": tables,
        "charts": impact_page.cached_charts(edition, data),
        "rows": rows,
        "missing": [row for row in rows if not row.reported and row.activities],
        "country": country,
        "country_name": impact_page.country_name(country) if country else "",
        "base": reverse("museumday:impact_scope", kwargs={"year": edition.year}),
        "query": f"?{urlencode({'country': country})}" if country else "",
        "scoped": True,
    }


@login_required
@require_safe
def impact_scope(request, year: int):
    edition = _edition(year)
    try:
        context = _scope_context(request, edition)
    except PermissionDenied as error:
        return denied(request, str(error))
    if context is None:  # staff: choose a country first
        return render(
            request,
            "museumday/impact_choose_country.html",
            {"edition": edition, "countries": list(all_countries)},
        )
    context["reminders_open"] = timezone.now() < edition.reporting_closes_at
    context["reporting_closed"] = not context["reminders_open"]
    context["form"] = ReminderForm(museums=[])
    return render(request, "museumday/impact_scope.html", context)


@login_required
@require_safe
def impact_scope_download(request, year: int, kind: str, name: str, fmt: str):
    edition = _edition(year)
    try:
        context = _scope_context(request, edition)
    except PermissionDenied as error:
        return denied(request, str(error))
    if context is None:
        raise Http404(_("Choose a country first."))
    prefix = f"{context['country'].lower()}-" if context["country"] else "scope-"
    if kind == "tables" and fmt in ("csv", "xlsx") and name in context["tables"]:
        return _table_response(context["tables"][name], edition, fmt, prefix)
    if kind == "charts" and fmt in ("svg", "png") and name in context["charts"]:
        return _chart_response(context["charts"][name], edition, name, fmt, prefix)
    raise Http404(_("No such download."))


def _reminder_key(group, request) -> str:
    return f"user:{request.user.pk}"


@login_required
@require_POST
@ratelimit(key=_reminder_key, rate=REMINDER_RATE, method="POST", block=True)
def impact_reminders(request, year: int):
    edition = _edition(year)
    try:
        context = _scope_context(request, edition)
    except PermissionDenied as error:
        return denied(request, str(error))
    if context is None:
        return redirect("museumday:impact_scope", year=edition.year)
    back = redirect(context["base"] + context["query"])
    form = ReminderForm(request.POST, museums=context["missing"])
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return back
    try:
        outcome = send_report_reminders(
            user=request.user, edition=edition, museum_ids=form.cleaned_data["museums"]
        )
    except PermissionDenied as error:
        return denied(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return back
    if outcome.sent:
        messages.success(
            request,
            ngettext(
                "Reminder sent to %(count)d museum.",
                "Reminders sent to %(count)d museums.",
                len(outcome.sent),
            )
            % {"count": len(outcome.sent)},
        )
    if outcome.recently_reminded:
        messages.warning(
            request,
            _("Not reminded again so soon (at most one reminder every three days): %(names)s.")
            % {"names": ", ".join(m.name for m in outcome.recently_reminded)},
        )
    if outcome.already_reported:
        messages.info(
            request,
            _("These museums have reported meanwhile: %(names)s.")
            % {"names": ", ".join(m.name for m in outcome.already_reported)},
        )
    return back
