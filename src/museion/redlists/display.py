"""How lists, types and periods read: shared by the pages, the PDF and the API."""

from django.db.models import Prefetch
from django.utils.formats import number_format
from django.utils.translation import get_language_info, pgettext
from django.utils.translation import gettext as _

from .models import Category, ObjectImage, ObjectType, RedList


def language_name(code: str) -> str:
    """The language's own name ("español"), as its readers recognise it."""
    for candidate in (code.lower(), code.split("-")[0].lower()):
        try:
            return get_language_info(candidate)["name_local"]
        except KeyError:
            continue
    return code


def year_label(year: int, *, show_era: bool = False) -> str:
    if year < 0:
        return _("%(year)s BC") % {"year": -year}
    if show_era:
        return _("AD %(year)s") % {"year": year}
    return str(year)


def period_label(start: int | None, end: int | None, name: str = "") -> str:
    """ "Late Antiquity, AD 300–600", "450–300 BC", "500 BC – AD 100"."""
    years = ""
    if start is not None and end is not None:
        if start == end:
            years = year_label(start, show_era=start < 100)
        elif start < 0 and end < 0:
            years = _("%(start)s–%(end)s BC") % {"start": -start, "end": -end}
        elif start < 0:
            years = f"{year_label(start)} – {year_label(end, show_era=True)}"
        else:
            years = f"{year_label(start, show_era=start < 100)}–{end}"
    elif start is not None or end is not None:
        single = start if start is not None else end
        years = year_label(single, show_era=single < 100)
    return ", ".join(part for part in (name, years) if part)


def measurements_label(object_type: ObjectType) -> str:
    parts = []
    for m in object_type.measurements.all():
        low = number_format(m.minimum.normalize())
        high = number_format(m.maximum.normalize())
        value = low if m.minimum == m.maximum else f"{low}–{high}"
        parts.append(f"{m.get_dimension_display()} {value} {m.unit}")
    return "; ".join(parts)


def type_facts(object_type: ObjectType) -> list[tuple[str, str]]:
    """The Object ID description of a type as (label, text) pairs, empty ones left out."""
    kind = " → ".join(p for p in (object_type.object_name, object_type.object_subtype) if p)
    facts = [
        (_("Type of object"), kind),
        (_("Materials"), object_type.materials),
        (_("Techniques"), object_type.techniques),
        (_("Measurements"), measurements_label(object_type)),
        (_("Inscriptions and markings"), object_type.inscriptions),
        (_("Distinguishing features"), object_type.distinguishing_features),
        (pgettext("object id", "Subject"), object_type.subject),
        (
            _("Date or period"),
            period_label(object_type.period_start, object_type.period_end, object_type.period_name),
        ),
        (_("Place of origin"), object_type.place_of_origin),
        (_("Culture"), object_type.culture),
        (_("Maker or workshop"), object_type.maker),
    ]
    return [(label, value) for label, value in facts if value]


def attach_pictures(object_types: list[ObjectType]) -> list[ObjectType]:
    """Give each type `pictures`: the images of the type it translates, or its own (1 query)."""
    owners = {t.original_id or t.pk for t in object_types}
    by_owner: dict[int, list[ObjectImage]] = {owner: [] for owner in owners}
    if owners:
        images = ObjectImage.objects.filter(object_type_id__in=owners).select_related(
            "reference_museum", "object_type__category__red_list"
        )
        for image in images:
            by_owner[image.object_type_id].append(image)
    for object_type in object_types:
        object_type.pictures = by_owner.get(object_type.original_id or object_type.pk, [])
    return object_types


def categories_with_types(red_list: RedList) -> list[Category]:
    """The list's categories in order, each with its types, measurements and pictures."""
    categories = list(
        red_list.categories.prefetch_related(
            Prefetch(
                "object_types",
                queryset=ObjectType.objects.prefetch_related("measurements").order_by(
                    "position", "id"
                ),
            )
        ).order_by("position", "id")
    )
    attach_pictures([t for c in categories for t in c.object_types.all()])
    return categories
