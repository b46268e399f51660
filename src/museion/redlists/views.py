"""Public Red List pages: all lists, one list, a category, a type, search and the PDF."""

from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django_countries import countries

from museion.core import versions
from museion.core.page_cache import public_page
from museion.core.validators import canonical_language

from . import display, queries
from .display import language_name
from .linkedart import type_linked_art
from .models import ListStatus
from .pdf import store_red_list_pdf
from .search import (
    PAGE_SIZE,
    RedListSearchForm,
    published_category_titles,
    published_facets,
    search_results,
)
from .services import can_edit_red_list


def parse_page(value) -> int:
    if value in (None, ""):
        return 1
    try:
        page = int(value)
    except (TypeError, ValueError):
        raise ValueError(_("The page must be a whole number.")) from None
    if page < 1:
        raise ValueError(_("The page must be 1 or more."))
    return page


def search_form(data) -> RedListSearchForm:
    """The search form, offering the languages and countries of the published lists."""
    languages, covered = published_facets()
    choices = [(code, language_name(code)) for code in languages]
    return RedListSearchForm(data, languages=choices, covered=covered)


class IndexData:
    """What the page of all lists shows, read only when its cached fragment is missing."""

    def __init__(self, country: str):
        self.country = country

    @cached_property
    def red_lists(self):
        return queries.lists_overview(self.country)

    @cached_property
    def covered(self):
        everything = self.red_lists if not self.country else queries.lists_overview()
        found = queries.coverage(everything)
        return [(code, countries.name(code), lists) for code, lists in found.items()]

    @cached_property
    def map(self):
        return queries.coverage_map([c[0] for c in self.covered], reverse("redlists:index"))


@public_page("redlists")
@require_safe
def index(request):
    country = (request.GET.get("country") or "").strip().upper()
    status = 200
    if country and country not in countries:
        country, status = "", 400
    context = {
        "data": IndexData(country),
        "version": versions.stamp("redlists"),
        "country": country,
        "country_name": countries.name(country) if country else "",
        "bad_country": status == 400,
    }
    return render(request, "redlists/index.html", context, status=status)


def _language_links(request, red_list):
    family = queries.list_languages(
        red_list, include_drafts=can_edit_red_list(request.user, red_list)
    )
    return family


@public_page("redlists")
@require_safe
def red_list_detail(request, slug: str):
    red_list = queries.visible_red_list(request.user, slug)
    family = _language_links(request, red_list)
    context = {
        "red_list": red_list,
        "list_versions": [rl for rl in family if rl.pk != red_list.pk],
        "withdrawn": red_list.status == ListStatus.WITHDRAWN,
        "can_edit": can_edit_red_list(request.user, red_list),
    }
    if red_list.status != ListStatus.WITHDRAWN:
        context.update(
            categories=display.categories_with_types(red_list),
            authorities=list(red_list.authorities.all()),
            instruments=list(red_list.legal_instruments.all()),
        )
    status = 410 if red_list.status == ListStatus.WITHDRAWN else 200
    return render(request, "redlists/red_list.html", context, status=status)


def _public_or_404(red_list):
    if red_list.status == ListStatus.WITHDRAWN:
        raise Http404


@public_page("redlists")
@require_safe
def category_detail(request, slug: str, pk: int):
    red_list = queries.visible_red_list(request.user, slug)
    _public_or_404(red_list)
    category = queries.category_of(red_list, pk)

    def object_types():
        found = list(category.object_types.prefetch_related("measurements"))
        return display.attach_pictures(found)

    family = _language_links(request, red_list)
    context = {
        "red_list": red_list,
        "category": category,
        "object_types": SimpleLazyObject(object_types),
        "version": versions.stamp("redlists"),
        "translations": queries.other_languages(category, family, red_list),
    }
    return render(request, "redlists/category.html", context)


@public_page("redlists", "network")
@require_safe
def type_detail(request, slug: str, pk: int):
    red_list = queries.visible_red_list(request.user, slug)
    _public_or_404(red_list)
    object_type = queries.type_of(red_list, pk)
    display.attach_pictures([object_type])
    family = _language_links(request, red_list)
    context = {
        "red_list": red_list,
        "category": object_type.category,
        "object_type": object_type,
        "facts": display.type_facts(object_type),
        "similar": queries.cross_references(object_type),
        "translations": queries.other_languages(object_type, family, red_list),
        "linked_art": type_linked_art(object_type, red_list=red_list),
    }
    return render(request, "redlists/type.html", context)


@public_page("redlists")
@require_safe
def search(request):
    form = search_form(request.GET or None)
    context = {"form": form, "page": None, "category_titles": published_category_titles}
    if not form.is_bound:
        return render(request, "redlists/search.html", context)
    if not form.is_valid():
        return render(request, "redlists/search.html", context, status=400)
    try:
        number = parse_page(request.GET.get("page"))
        page = Paginator(search_results(form), PAGE_SIZE).page(number)
    except ValueError as error:
        context["page_error"] = str(error)
        return render(request, "redlists/search.html", context, status=400)
    except EmptyPage:
        context["page_error"] = _("There is no such page in these results.")
        return render(request, "redlists/search.html", context, status=404)
    filters = form.active_filters()
    context.update(page=page, query=urlencode(filters))
    return render(request, "redlists/search.html", context)


@require_safe
def pdf_download(request, slug: str):
    """The PDF of the published version; written now only if the queued job has not run yet."""
    red_list = queries.visible_red_list(request.user, slug)
    if red_list.status != ListStatus.PUBLISHED:
        raise Http404
    if red_list.pdf_version != red_list.version or not red_list.pdf:
        store_red_list_pdf(red_list.pk)
        red_list.refresh_from_db(fields=["pdf", "pdf_version"])
    try:
        handle = red_list.pdf.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    language = canonical_language(red_list.language)
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"red-list-{red_list.slug}-v{red_list.version}.pdf",
        content_type="application/pdf",
    )
    response["Content-Language"] = language
    return response
