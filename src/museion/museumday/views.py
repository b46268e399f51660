"""Public discovery: edition page, list, detail, map, GeoJSON, iCal and embeds."""

from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from museion.core.api import form_errors_message
from museion.core.page_cache import public_page
from museion.core.pagination import PageError, page_of
from museion.network.permissions import can_edit_museum, can_moderate_museum

from . import cards, queries
from .filters import ActivitySearchForm
from .ical import activities_calendar, feed_calendar
from .jsonld import event_jsonld
from .models import Activity, Edition, language_name, primary_subtag
from .queries import public_activities
from .views_map import map_config

ICAL_LIMIT = 1000
EMBED_VIEWS = ("list", "map", "both")


def search(request, *, default_edition: bool = False) -> tuple[ActivitySearchForm, object]:
    return queries.search(request.GET, default_edition=default_edition)


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def home(request):
    edition = queries.current_edition()
    context = {
        "edition": edition,
        "numbers": queries.participation(edition) if edition else None,
        "editions": Edition.objects.order_by("-year").only("year", "theme", "theme_translations"),
    }
    return render(request, "museumday/home.html", context)


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def edition_detail(request, year: int):
    edition = get_object_or_404(Edition, year=year)
    return render(
        request,
        "museumday/edition.html",
        {"edition": edition, "numbers": queries.participation(edition)},
    )


def _list_context(request, *, embed: bool = False):
    form, queryset = search(request, default_edition=True)
    context = {"form": form, "embed": embed, "page": None, "errors": None}
    if queryset is None:
        context["errors"] = form.errors
        return context, 400
    paginator = queries.public_paginator(
        form, queryset, queries.PAGE_SIZE, prepare=queries.with_reader_translation
    )
    try:
        page = page_of(paginator, request.GET.get("page"))
    except PageError as error:
        context["page_error"] = str(error)
        return context, error.status
    page.object_list = list(page.object_list)  # the queries here, not halfway through the page
    filters = form.active_filters()
    context.update(page=page, filters=filters, query=urlencode(filters))
    return context, 200


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def activity_list(request):
    context, status = _list_context(request)
    return render(request, "museumday/activity_list.html", context, status=status)


@public_page(*queries.PUBLIC_KINDS)
@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
def embed(request):
    context, status = _list_context(request, embed=True)
    view = request.GET.get("view", "list")
    view = view if view in EMBED_VIEWS else "list"
    filters = context.get("filters", {})
    # Page links keep the chosen view; the link to the full list carries the filters only.
    context.update(
        show_map=view in ("map", "both"),
        map_config=map_config(context.get("form"), filters),
        list_query=urlencode(filters),
        query=urlencode({**filters, "view": view}),
    )
    return render(request, "museumday/embed.html", context, status=status)


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def activity_detail(request, pk: int):
    activity = get_object_or_404(Activity.objects.select_related("museum", "edition"), pk=pk)
    if not activity.is_published and not (
        can_edit_museum(request.user, activity.museum)
        or can_moderate_museum(request.user, activity.museum)
    ):
        raise Http404(_("No such activity."))
    translations = list(queries.approved_translations().filter(activity=activity))
    shown = shown_version(activity, translations, request.GET.get("lang"))
    versions = [
        {"language": v.language, "name": language_name(v.language), "current": v is shown}
        for v in [activity, *translations]
    ]
    versions = versions if translations else []
    return render(
        request,
        "museumday/activity_detail.html",
        {
            "activity": activity,
            "shown": shown,
            "versions": versions,
            "jsonld": event_jsonld(activity, request),
            "article_parts": cards.detail_parts(activity, shown, versions),
        },
    )


def shown_version(activity, translations, requested: str | None):
    """The translation asked for with ?lang=, else the one in the reader's language, else the
    activity itself (also for an unknown ?lang=)."""
    if requested:
        wanted = requested.strip().lower()
        return next((t for t in translations if t.language.lower() == wanted), activity)
    reader = queries.reader_language()
    if primary_subtag(activity.language) == reader:
        return activity
    matching = [t for t in translations if primary_subtag(t.language) == reader]
    exact = [t for t in matching if t.language.lower() == reader]
    return (exact or matching or [activity])[0]


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def activity_ical(request, pk: int):
    activity = get_object_or_404(
        queries.with_reader_translation(public_activities().select_related("museum")), pk=pk
    )
    body = activities_calendar([activity], name=activity.for_reader.title)
    return _calendar_response(body, f"activity-{activity.pk}.ics")


@public_page(*queries.PUBLIC_KINDS)
@require_safe
def activities_ical(request):
    form, queryset = search(request)
    if queryset is None:
        return HttpResponse(
            form_errors_message(form), status=400, content_type="text/plain; charset=utf-8"
        )

    def calendar() -> bytes:
        return feed_calendar(queryset, name=_("International Museum Day"), limit=ICAL_LIMIT)

    # Calendar apps poll the same feeds again and again: the body is kept until the next change.
    # After one, it is put together again from the stored events (ical.py), which costs little
    # more than fingerprinting the rows would, and shows a renamed museum at once.
    key = f"ical:{get_language()}:{form.cache_key()}"
    body = queries.public_read(key, calendar, queries.FEED_CACHE_SECONDS)
    return _calendar_response(body, "museum-day.ics")


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
