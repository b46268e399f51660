"""Reads used by the pages, the API and the PDF: what the public and editors may see."""

import hashlib

from django.core.cache import cache
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django_countries import countries as all_countries

from museion.core.basemap import world_map

from .models import Category, ListStatus, ObjectType, RedList
from .services import can_edit_red_list


def public_red_lists() -> QuerySet:
    return RedList.objects.filter(status=ListStatus.PUBLISHED)


def lists_overview(country: str = "") -> list[RedList]:
    """Published lists with their numbers of categories and types, optionally for one country."""
    queryset = public_red_lists()
    if country:
        queryset = queryset.filter(countries__contains=country)
    return list(
        queryset.annotate(
            category_count=Count("categories", distinct=True),
            type_count=Count("categories__object_types", distinct=True),
        ).order_by("title", "language")
    )


def coverage(red_lists: list[RedList]) -> dict[str, list[RedList]]:
    """Country code → the lists covering it."""
    covered: dict[str, list[RedList]] = {}
    for red_list in red_lists:
        for country in red_list.countries:
            covered.setdefault(country.code, []).append(red_list)
    return dict(sorted(covered.items(), key=lambda item: all_countries.name(item[0])))


def _unwrapped(path: str, width: int) -> str:
    """The path with rings that cross the date line cut where they jump across the map.

    Russia and Fiji reach past 180°: joined across the map, their rings draw lines through it.
    """
    pieces = []
    for ring in path.split("M")[1:]:
        points = [p.split(",") for p in ring.rstrip("Z").split("L")]
        current: list[str] = []
        previous_x = None
        for x, y in points:
            if previous_x is not None and abs(float(x) - previous_x) > width / 2:
                pieces.append("M" + "L".join(current) + "Z")
                current = []
            current.append(f"{x},{y}")
            previous_x = float(x)
        pieces.append("M" + "L".join(current) + "Z")
    return "".join(pieces)


def coverage_map(covered_codes: list[str], link: str) -> SafeString:
    """The world as an inline SVG with the covered countries filled and linked to `link?country=`.

    Drawn on the server (no script, no tiles), cached per set of countries and language.
    """
    key_source = f"{get_language()}|{link}|{','.join(sorted(covered_codes))}"
    key = "redlists:map:" + hashlib.sha256(key_source.encode()).hexdigest()[:32]
    found = cache.get(key)
    if found is not None:
        return SafeString(found)
    world = world_map(1000)
    covered = set(covered_codes)
    shapes = []
    for shape in world.shapes:
        path = _unwrapped(shape.path, world.width)
        if shape.iso in covered:
            name = all_countries.name(shape.iso)
            shapes.append(
                format_html(
                    '<a href="{}?country={}"><path class="covered" d="{}"><title>{}</title>'
                    "</path></a>",
                    link,
                    shape.iso,
                    path,
                    name,
                )
            )
        else:
            shapes.append(format_html('<path d="{}"></path>', path))
    markup = format_html(
        '<svg class="coverage-map" viewBox="{}" role="group" aria-labelledby="coverage-map-title">'
        "{}</svg>",
        world.view_box,
        format_html_join("", "{}", ((s,) for s in shapes)),
    )
    cache.set(key, str(markup), 3600)
    return markup


def visible_red_list(user, slug: str) -> RedList:
    """The list if the public may see it, or if `user` edits it (drafts); else 404."""
    red_list = RedList.objects.select_related("original").filter(slug=slug).first()
    if red_list is None:
        raise Http404
    if red_list.status == ListStatus.DRAFT and not can_edit_red_list(user, red_list):
        raise Http404
    return red_list


def list_languages(red_list: RedList, *, include_drafts: bool = False) -> list[RedList]:
    """The list in every language it exists in (published ones, unless an editor looks)."""
    root_id = red_list.original_id or red_list.pk
    family = RedList.objects.filter(Q(pk=root_id) | Q(original_id=root_id))
    if not include_drafts:
        family = family.filter(status=ListStatus.PUBLISHED)
    return list(family.only("pk", "slug", "language", "status", "title").order_by("language"))


def other_languages(item, family: list[RedList], red_list: RedList) -> list[tuple[str, str]]:
    """(language, url) of `item` (a category or type) in the other lists of the family."""
    others = {rl.pk: rl for rl in family if rl.pk != red_list.pk}
    if not others:
        return []
    root = item.original_id or item.pk
    model = type(item)
    rows = model.objects.filter(Q(pk=root) | Q(original_id=root)).exclude(pk=item.pk)
    if model is Category:
        rows = rows.filter(red_list_id__in=others).values_list("pk", "red_list_id")
    else:
        rows = rows.filter(category__red_list_id__in=others).values_list(
            "pk", "category__red_list_id"
        )
    result = []
    for pk, list_id in rows:
        target = others[list_id]
        name = "redlists:category" if model is Category else "redlists:type"
        result.append((target.language, reverse(name, kwargs={"slug": target.slug, "pk": pk})))
    return sorted(result)


def category_of(red_list: RedList, pk: int) -> Category:
    category = red_list.categories.filter(pk=pk).first()
    if category is None:
        raise Http404
    return category


def type_of(red_list: RedList, pk: int) -> ObjectType:
    object_type = (
        ObjectType.objects.select_related("category", "original")
        .prefetch_related("measurements")
        .filter(pk=pk, category__red_list=red_list)
        .first()
    )
    if object_type is None:
        raise Http404
    return object_type


def cross_references(object_type: ObjectType) -> list[ObjectType]:
    """Similar types in other published lists (either side of the link)."""
    return list(
        object_type.cross_references.filter(category__red_list__status=ListStatus.PUBLISHED)
        .select_related("category__red_list")
        .order_by("category__red_list__title", "title")
    )
