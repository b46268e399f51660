"""Warnings about likely duplicates: two rows of a registry, or a row and a museum that another
registry brought, with the same name and city, or the same name at the same place."""

from collections import defaultdict
from collections.abc import Sequence

from django.utils.translation import gettext as _

from .importer_save import chunks
from .models import Museum

PLACE_DIGITS = 3  # about 100 m: one building, whatever the registry's rounding
MAX_WARNINGS = 200


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _where(unit: str, line: int) -> str:
    if unit == "record":
        return _("record %(line)d") % {"line": line}
    return _("line %(line)d") % {"line": line}


def _museum(name: str, city: str) -> str:
    if city:
        return _("“%(name)s” in %(city)s") % {"name": name, "city": city}
    return f"“{name}”"


def _place(values: dict) -> tuple | None:
    if values["latitude"] is None:
        return None
    return round(values["latitude"], PLACE_DIGITS), round(values["longitude"], PLACE_DIGITS)


def likely_duplicates(rows: Sequence, id_prefix: str, unit: str = "line") -> list[str]:
    warnings: list[str] = []
    groups: dict[tuple, list] = defaultdict(list)
    for row in rows:
        name = _name_key(row.values["name"])
        groups[("city", name, row.values["city"].casefold())].append(row)
        if place := _place(row.values):
            groups[("place", name, place)].append(row)
    reported: set[tuple[int, ...]] = set()
    for (why, *_key), group in groups.items():
        lines = tuple(row.line for row in group)
        if len(group) < 2 or lines in reported:
            continue
        reported.add(lines)
        first = group[0].values
        message = (
            _("%(where)s: %(museum)s looks listed twice (same name and city).")
            if why == "city"
            else _("%(where)s: %(museum)s looks listed twice (same name and place).")
        )
        where = ", ".join(_where(unit, line) for line in lines)
        warnings.append(message % {"where": where, "museum": _museum(first["name"], first["city"])})
    warnings += _already_in_directory(rows, id_prefix, unit)
    return warnings[:MAX_WARNINGS]


def _already_in_directory(rows: Sequence, id_prefix: str, unit: str) -> list[str]:
    """Rows whose name and city match a museum that another registry (or an editor) added."""
    by_name: dict[str, list] = defaultdict(list)
    for row in rows:
        by_name[row.values["name"]].append(row)
    warnings = []
    for names in chunks(list(by_name)):
        others = (
            Museum.objects.filter(name__in=names)
            .exclude(external_id__startswith=f"{id_prefix}:")
            .values_list("name", "city", "external_id")
        )
        for name, city, external_id in others:
            for row in by_name[name]:
                if row.values["city"].casefold() == city.casefold():
                    warnings.append(
                        _(
                            "%(where)s: %(museum)s may be the museum already in the directory "
                            "as %(id)s."
                        )
                        % {
                            "where": _where(unit, row.line),
                            "museum": _museum(name, city),
                            "id": external_id,
                        }
                    )
    return warnings
