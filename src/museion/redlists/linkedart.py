"""Object types as Linked Art JSON-LD, for collection systems (Arches, Omeka S, CollectiveAccess).

A type is described as a HumanMadeObject standing for the objects of that type: its names and
classification, materials, dimensions as ranges (lower and upper value limits), the production's
time-span (BC years as negative ISO 8601 years, astronomical numbering) and place, and pictures.
"""

from django.conf import settings
from django.urls import reverse

from .display import period_label
from .models import ObjectType, RedList

CONTEXT = "https://linked.art/ns/v1/linked-art.json"
AAT = "http://vocab.getty.edu/aat/"
PRIMARY_NAME = AAT + "300404670"
DESCRIPTION = AAT + "300435416"
BRIEF_TEXT = AAT + "300418049"
INSCRIPTION = AAT + "300028702"
DIMENSIONS = {
    "height": AAT + "300055644",
    "width": AAT + "300055647",
    "depth": AAT + "300072633",
    "length": AAT + "300055645",
    "diameter": AAT + "300055624",
    "weight": AAT + "300056240",
}
UNITS = {
    "mm": (AAT + "300379097", "millimetres"),
    "cm": (AAT + "300379098", "centimetres"),
    "m": (AAT + "300379099", "metres"),
    "g": (AAT + "300379225", "grams"),
    "kg": (AAT + "300379226", "kilograms"),
}


def iso_year_start(year: int) -> str:
    """First instant of a historical year; 450 BC is year -449 in ISO 8601."""
    astronomical = year + 1 if year < 0 else year
    sign = "-" if astronomical < 0 else ""
    return f"{sign}{abs(astronomical):04d}-01-01T00:00:00Z"


def iso_year_end(year: int) -> str:
    astronomical = year + 1 if year < 0 else year
    sign = "-" if astronomical < 0 else ""
    return f"{sign}{abs(astronomical):04d}-12-31T23:59:59Z"


def _text(content: str, kind: str, label: str, language: str) -> dict:
    return {
        "type": "LinguisticObject",
        "_label": label,
        "content": content,
        "classified_as": [{"id": kind, "type": "Type", "_label": label}],
        "language": [{"type": "Language", "_label": language}],
    }


def type_linked_art(object_type: ObjectType, *, red_list: RedList) -> dict:
    site = settings.SITE_URL
    language = red_list.language
    data = {
        "@context": CONTEXT,
        "id": site + reverse("api:redlists_type_linked_art", kwargs={"pk": object_type.pk}),
        "type": "HumanMadeObject",
        "_label": object_type.title,
        "identified_by": [
            {
                "type": "Name",
                "content": object_type.title,
                "classified_as": [{"id": PRIMARY_NAME, "type": "Type", "_label": "Primary Name"}],
                "language": [{"type": "Language", "_label": language}],
            }
        ],
        "classified_as": [
            {"type": "Type", "_label": label}
            for label in (object_type.object_name, object_type.object_subtype)
            if label
        ],
        "referred_to_by": [],
        "subject_of": [
            {
                "type": "LinguisticObject",
                "_label": red_list.title,
                "digitally_carried_by": [
                    {
                        "type": "DigitalObject",
                        "access_point": [
                            {"id": site + object_type.get_absolute_url(), "type": "DigitalObject"}
                        ],
                    }
                ],
            }
        ],
    }
    if object_type.description:
        data["referred_to_by"].append(
            _text(object_type.description, DESCRIPTION, "Description", language)
        )
    if object_type.inscriptions:
        data["referred_to_by"].append(
            _text(object_type.inscriptions, INSCRIPTION, "Inscriptions", language)
        )
    if object_type.distinguishing_features:
        data["referred_to_by"].append(
            _text(object_type.distinguishing_features, BRIEF_TEXT, "Features", language)
        )
    materials = [m.strip() for m in object_type.materials.replace(";", ",").split(",")]
    if any(materials):
        data["made_of"] = [{"type": "Material", "_label": m} for m in materials if m]
    dimensions = []
    for m in object_type.measurements.all():
        unit_id, unit_label = UNITS[m.unit]
        dimensions.append(
            {
                "type": "Dimension",
                "_label": str(m),
                "lower_value_limit": float(m.minimum),
                "upper_value_limit": float(m.maximum),
                "unit": {"id": unit_id, "type": "MeasurementUnit", "_label": unit_label},
                "classified_as": [
                    {"id": DIMENSIONS[m.dimension], "type": "Type", "_label": m.dimension}
                ],
            }
        )
    if dimensions:
        data["dimension"] = dimensions
    production = _production(object_type)
    if production:
        data["produced_by"] = production
    pictures = getattr(object_type, "pictures", [])
    if pictures:
        data["representation"] = [
            {
                "type": "VisualItem",
                "_label": picture.alt_text,
                "digitally_shown_by": [
                    {
                        "type": "DigitalObject",
                        "access_point": [
                            {
                                "id": site + (picture.large or picture.image).url,
                                "type": "DigitalObject",
                            }
                        ],
                    }
                ],
            }
            for picture in pictures
        ]
    if not data["referred_to_by"]:
        del data["referred_to_by"]
    if not data["classified_as"]:
        del data["classified_as"]
    return data


def _production(object_type: ObjectType) -> dict:
    production: dict = {}
    start, end = object_type.period_start, object_type.period_end
    if start is not None or end is not None:
        start = start if start is not None else end
        end = end if end is not None else start
        production["timespan"] = {
            "type": "TimeSpan",
            "_label": period_label(start, end),
            "begin_of_the_begin": iso_year_start(start),
            "end_of_the_end": iso_year_end(end),
        }
        if object_type.period_name:
            production["timespan"]["identified_by"] = [
                {"type": "Name", "content": object_type.period_name}
            ]
    if object_type.place_of_origin:
        production["took_place_at"] = [{"type": "Place", "_label": object_type.place_of_origin}]
    if object_type.maker:
        production["carried_out_by"] = [{"type": "Group", "_label": object_type.maker}]
    if object_type.techniques:
        production["technique"] = [{"type": "Type", "_label": object_type.techniques}]
    if production:
        production = {"type": "Production", "_label": "Production", **production}
    return production
