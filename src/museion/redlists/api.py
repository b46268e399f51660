"""JSON API under /api/v1/redlists/: lists, categories, types, search, Linked Art.

Only published lists are visible; errors are {"error": …} with a 4xx status.
"""

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, QuerySet
from django.http import JsonResponse
from django.views.decorators.http import require_safe
from django_countries import countries

from museion.core.api import form_errors_message, json_error
from museion.core.page_cache import public_page

from . import display, queries
from .linkedart import type_linked_art
from .models import Category, ObjectType
from .search import published_types, search_results
from .views import parse_page, search_form

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def _absolute(path: str) -> str:
    return settings.SITE_URL + path


def _media(field) -> str | None:
    return _absolute(field.url) if field else None


def _paginate(request, queryset: QuerySet, serialise) -> JsonResponse:
    try:
        number = parse_page(request.GET.get("page"))
    except ValueError as error:
        return json_error(str(error))
    try:
        size = int(request.GET.get("page_size") or DEFAULT_PAGE_SIZE)
    except ValueError:
        return json_error("page_size must be a whole number")
    if not 1 <= size <= MAX_PAGE_SIZE:
        return json_error(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
    paginator = Paginator(queryset, size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return json_error("page out of range", 404, count=paginator.count)
    base = request.build_absolute_uri(request.path)
    query = request.GET.copy()

    def link(n):
        query["page"] = n
        return f"{base}?{query.urlencode()}"

    return JsonResponse(
        {
            "count": paginator.count,
            "page": number,
            "pages": paginator.num_pages,
            "next": link(number + 1) if page.has_next() else None,
            "previous": link(number - 1) if page.has_previous() else None,
            "results": serialise(list(page.object_list)),
        }
    )


def list_json(red_list, *, category_count=None, type_count=None) -> dict:
    return {
        "slug": red_list.slug,
        "url": _absolute(red_list.get_absolute_url()),
        "title": red_list.title,
        "region": red_list.region,
        "language": red_list.language,
        "countries": [c.code for c in red_list.countries],
        "published_on": red_list.published_on.isoformat() if red_list.published_on else None,
        "version": red_list.version,
        "translation_of": red_list.original.slug if red_list.original_id else None,
        "categories": category_count,
        "types": type_count,
    }


def type_json(object_type, red_list) -> dict:
    category = object_type.category
    return {
        "id": object_type.pk,
        "url": _absolute(object_type.get_absolute_url()),
        "linked_art": _absolute(f"/api/v1/redlists/types/{object_type.pk}/linked-art"),
        "list": red_list.slug,
        "category": {"id": category.pk, "number": category.position, "title": category.title},
        "number": f"{category.position}.{object_type.position}",
        "title": object_type.title,
        "object_name": object_type.object_name,
        "object_subtype": object_type.object_subtype,
        "materials": object_type.materials,
        "techniques": object_type.techniques,
        "period": {
            "start": object_type.period_start,
            "end": object_type.period_end,
            "name": object_type.period_name,
            "label": display.period_label(
                object_type.period_start, object_type.period_end, object_type.period_name
            ),
        },
        "place_of_origin": object_type.place_of_origin,
        "culture": object_type.culture,
        "description": object_type.description,
        "translation_of": object_type.original_id,
    }


def _types_json(object_types: list[ObjectType]) -> list[dict]:
    result = []
    for object_type in object_types:
        item = type_json(object_type, object_type.category.red_list)
        thumb = getattr(object_type, "thumb", None) or getattr(object_type, "thumb_image", None)
        item["thumbnail"] = _absolute(settings.MEDIA_URL + thumb) if thumb else None
        result.append(item)
    return result


@public_page("redlists")
@require_safe
def red_lists(request):
    country = (request.GET.get("country") or "").strip().upper()
    if country and country not in countries:
        return json_error("country must be an ISO 3166-1 alpha-2 code, such as ML")
    queryset = queries.public_red_lists().select_related("original")
    if country:
        queryset = queryset.filter(countries__contains=country)
    if request.GET.get("language"):
        queryset = queryset.filter(language=request.GET["language"])
    queryset = queryset.annotate(
        category_count=Count("categories", distinct=True),
        type_count=Count("categories__object_types", distinct=True),
    ).order_by("title", "pk")
    return _paginate(
        request,
        queryset,
        lambda rows: [
            list_json(r, category_count=r.category_count, type_count=r.type_count) for r in rows
        ],
    )


@public_page("redlists")
@require_safe
def red_list(request, slug: str):
    found = queries.public_red_lists().select_related("original").filter(slug=slug).first()
    if found is None:
        return json_error("no published Red List with this slug", 404)
    data = list_json(found)
    categories = list(found.categories.annotate(type_count=Count("object_types")))
    data.update(
        categories=[
            {"id": c.pk, "number": c.position, "title": c.title, "types": c.type_count}
            for c in categories
        ],
        introduction=found.introduction,
        partners=[line for line in found.partners.splitlines() if line.strip()],
        legal_notes=found.legal_notes,
        languages={rl.language: rl.slug for rl in queries.list_languages(found)},
        authorities=[
            {
                "country": a.country.code,
                "name": a.name,
                "email": a.email,
                "phone": a.phone,
                "website": a.website,
                "address": a.address,
            }
            for a in found.authorities.all()
        ],
        conventions_and_laws=[
            {"kind": i.kind, "title": i.title, "year": i.year, "url": i.url or None}
            for i in found.legal_instruments.all()
        ],
        pdf=_absolute(f"{found.get_absolute_url()}pdf/"),
    )
    data["categories_count"] = len(categories)
    return JsonResponse(data)


@public_page("redlists")
@require_safe
def category(request, pk: int):
    found = (
        Category.objects.select_related("red_list")
        .filter(pk=pk, red_list__in=queries.public_red_lists())
        .first()
    )
    if found is None:
        return json_error("no published category with this id", 404)
    object_types = list(found.object_types.select_related("category__red_list"))
    return JsonResponse(
        {
            "id": found.pk,
            "url": _absolute(found.get_absolute_url()),
            "list": found.red_list.slug,
            "number": found.position,
            "title": found.title,
            "description": found.description,
            "types": [type_json(t, found.red_list) for t in object_types],
        }
    )


def _public_type(pk: int):
    return (
        published_types()
        .select_related("category__red_list")
        .prefetch_related("measurements")
        .filter(pk=pk)
        .first()
    )


@public_page("redlists")
@require_safe
def object_type(request, pk: int):
    found = _public_type(pk)
    if found is None:
        return json_error("no published object type with this id", 404)
    display.attach_pictures([found])
    data = type_json(found, found.category.red_list)
    data.update(
        inscriptions=found.inscriptions,
        distinguishing_features=found.distinguishing_features,
        subject=found.subject,
        maker=found.maker,
        measurements=[
            {
                "dimension": m.dimension,
                "minimum": float(m.minimum),
                "maximum": float(m.maximum),
                "unit": m.unit,
            }
            for m in found.measurements.all()
        ],
        images=[
            {
                "thumbnail": _media(p.thumbnail),
                "large": _media(p.large),
                "original": _media(p.image),
                "alt_text": p.alt_text,
                "caption": p.caption,
                "licence": p.licence,
            }
            for p in found.pictures
        ],
    )
    return JsonResponse(data)


@public_page("redlists")
@require_safe
def object_type_linked_art(request, pk: int):
    found = _public_type(pk)
    if found is None:
        return json_error("no published object type with this id", 404)
    display.attach_pictures([found])
    return JsonResponse(
        type_linked_art(found, red_list=found.category.red_list),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False},
    )


@public_page("redlists")
@require_safe
def search(request):
    form = search_form(request.GET)
    if not form.is_valid():
        return json_error(form_errors_message(form))
    return _paginate(request, search_results(form), _types_json)
