"""Mapping files: which column or field of a registry feeds which Museum field (TOML, see
data/mappings/ and the README)."""

import codecs
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from museion.core.validators import validate_country, validate_language, validate_timezone

from .models import MuseumKind

TOP_KEYS = {
    "delimiter",
    "encoding",
    "country",
    "columns",
    "external_id",
    "kind",
    "cleaning",
    "timezone_by_postcode_prefix",
    "languages",
    "format",
    "records",
    "aliases",
    "separator",
    "coordinates",
    "extract",
}
FORMATS = ("csv", "json", "geojson")
COLUMN_FIELDS = {
    "name",
    "country",
    "address",
    "city",
    "postcode",
    "latitude",
    "longitude",
    "website",
    "kind",
    "languages",
}
SINGLE_COLUMN_FIELDS = ("latitude", "longitude", "country", "kind", "postcode", "website")
TEXT_FIELDS = ("name", "address", "city")
DELIMITERS = (",", ";", "\t", "|")


class ImportFileError(Exception):
    """The file or its mapping cannot be used at all; the message says why and what to do."""


class MappingError(ImportFileError):
    pass


@dataclass(frozen=True)
class Mapping:
    path: Path
    columns: dict[str, tuple[str, ...]]
    id_prefix: str
    id_column: str | None = None
    id_derive_from: tuple[str, ...] = ()
    delimiter: str | None = None
    encoding: str = "utf-8"
    country: str | None = None
    kind_values: dict[str, str] = field(default_factory=dict)
    kind_default: str | None = None
    kind_from_name: tuple[tuple[str, str], ...] = ()
    title_case: frozenset[str] = frozenset()
    capitalise_first: frozenset[str] = frozenset()
    postcode_digits: int | None = None
    timezone_by_postcode_prefix: dict[str, str] = field(default_factory=dict)
    languages: tuple[str, ...] = ()
    format: str | None = None  # csv, json or geojson; None: from the file
    records: str = ""  # dotted path to the museums in a JSON document
    aliases: str = ""  # dotted path to {retired id: new id} in a JSON document
    list_separator: str = ";"  # several values in one cell
    coordinates_column: str | None = None  # "lat,lon" or WKT POINT(lon lat) in one column
    coordinates_order: str = "latlon"
    extract: dict[str, tuple[str, re.Pattern]] = field(default_factory=dict)

    def source_columns(self) -> list[str]:
        """Every column the mapping reads, in a stable order."""
        named = [column for columns in self.columns.values() for column in columns]
        named += [self.id_column] if self.id_column else list(self.id_derive_from)
        named += [self.coordinates_column] if self.coordinates_column else []
        named += [column for column, _pattern in self.extract.values()]
        return list(dict.fromkeys(named))


def _fail(path: Path, message: str) -> MappingError:
    return MappingError(_("Mapping %(path)s: %(message)s") % {"path": path, "message": message})


def _table(path: Path, data: dict, key: str, required: bool = False) -> dict:
    value = data.get(key, {})
    if key not in data and required:
        raise _fail(path, _("the [%(key)s] table is missing.") % {"key": key})
    if not isinstance(value, dict):
        raise _fail(path, _("“%(key)s” must be a table, e.g. [%(key)s].") % {"key": key})
    return value


def _strings(path: Path, where: str, value) -> tuple[str, ...]:
    values = (value,) if isinstance(value, str) else value
    if (
        not isinstance(values, list | tuple)
        or not values
        or not all(isinstance(item, str) and item.strip() for item in values)
    ):
        raise _fail(
            path,
            _("%(where)s must be a column name or a list of column names.") % {"where": where},
        )
    return tuple(item.strip() for item in values)


def _unknown_keys(path: Path, where: str, data: dict, known: set[str]) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise _fail(
            path,
            _("unknown key %(keys)s in %(where)s; known keys: %(known)s.")
            % {
                "keys": ", ".join(f"“{key}”" for key in unknown),
                "where": where,
                "known": ", ".join(sorted(known)),
            },
        )


def _kind(path: Path, where: str, value) -> str:
    if value not in MuseumKind.values:
        raise _fail(
            path,
            _("%(where)s: “%(value)s” is not a museum kind; choose from %(kinds)s.")
            % {"where": where, "value": value, "kinds": ", ".join(MuseumKind.values)},
        )
    return value


def load_mapping(path: str | Path) -> Mapping:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise MappingError(
            _("Cannot read the mapping %(path)s: %(error)s.")
            % {"path": path, "error": error.strerror or error}
        ) from error
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise _fail(
            path, _("not a valid UTF-8 TOML file (%(error)s).") % {"error": error}
        ) from error
    _unknown_keys(path, _("the mapping"), data, TOP_KEYS)

    columns_table = _table(path, data, "columns", required=True)
    _unknown_keys(path, "[columns]", columns_table, COLUMN_FIELDS)
    if "name" not in columns_table and "name" not in _table(path, data, "extract"):
        raise _fail(path, _("[columns] must name the column of the museum name (name = “…”)."))
    columns = {
        key: _strings(path, f"[columns] {key}", value) for key, value in columns_table.items()
    }
    for key in SINGLE_COLUMN_FIELDS:
        if key in columns and len(columns[key]) > 1:
            raise _fail(path, _("[columns] %(key)s must be one column.") % {"key": key})
    if ("latitude" in columns) != ("longitude" in columns):
        raise _fail(path, _("[columns] needs both latitude and longitude, or neither."))

    country = data.get("country")
    if (country is None) == ("country" not in columns):
        raise _fail(
            path,
            _("give either a fixed country (country = “FR”) or a country column, not both."),
        )
    if country is not None:
        try:
            validate_country(country)
        except ValidationError as error:
            raise _fail(path, error.messages[0]) from error

    id_table = _table(path, data, "external_id", required=True)
    _unknown_keys(path, "[external_id]", id_table, {"prefix", "column", "derive_from"})
    prefix = id_table.get("prefix")
    if not isinstance(prefix, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,30}", prefix):
        raise _fail(
            path,
            _(
                "[external_id] prefix must be a short lower-case code, "
                "e.g. prefix = “fr-museofile”."
            ),
        )
    if ("column" in id_table) == ("derive_from" in id_table):
        raise _fail(path, _("[external_id] needs either column = “…” or derive_from = [“…”]."))
    id_column = None
    if "column" in id_table:
        id_column = _strings(path, "[external_id] column", id_table["column"])[0]
    derive_from = (
        _strings(path, "[external_id] derive_from", id_table["derive_from"])
        if "derive_from" in id_table
        else ()
    )

    kind_table = _table(path, data, "kind")
    _unknown_keys(path, "[kind]", kind_table, {"default", "values", "from_name"})
    values = _table(path, kind_table, "values")
    from_name = _table(path, kind_table, "from_name")
    kind_values = {
        squeeze_key(source): _kind(path, f"[kind.values] “{source}”", kind)
        for source, kind in values.items()
    }
    kind_from_name = tuple(
        (word.casefold(), _kind(path, f"[kind.from_name] “{word}”", kind))
        for word, kind in from_name.items()
    )
    kind_default = kind_table.get("default")
    if kind_default is not None:
        _kind(path, "[kind] default", kind_default)

    cleaning = _table(path, data, "cleaning")
    _unknown_keys(
        path, "[cleaning]", cleaning, {"title_case", "capitalise_first", "postcode_digits"}
    )
    cleaned_fields = {}
    for key in ("title_case", "capitalise_first"):
        chosen = cleaning.get(key, [])
        if not isinstance(chosen, list) or not set(chosen) <= set(TEXT_FIELDS):
            raise _fail(
                path,
                _("[cleaning] %(key)s must list fields among %(fields)s.")
                % {"key": key, "fields": ", ".join(TEXT_FIELDS)},
            )
        cleaned_fields[key] = frozenset(chosen)
    digits = cleaning.get("postcode_digits")
    if digits is not None and (not isinstance(digits, int) or not 1 <= digits <= 10):
        raise _fail(path, _("[cleaning] postcode_digits must be a whole number from 1 to 10."))

    zones = _table(path, data, "timezone_by_postcode_prefix")
    for postcode_prefix, zone in zones.items():
        try:
            validate_timezone(zone if isinstance(zone, str) else "")
        except ValidationError as error:
            raise _fail(
                path, f"[timezone_by_postcode_prefix] “{postcode_prefix}”: {error.messages[0]}"
            ) from error

    languages = data.get("languages", [])
    try:
        if not isinstance(languages, list) or not all(isinstance(c, str) for c in languages):
            raise ValidationError(_("languages must be a list of codes, e.g. [“fr”]."))
        for code in languages:
            validate_language(code)
    except ValidationError as error:
        raise _fail(path, error.messages[0]) from error

    delimiter = data.get("delimiter")
    if delimiter is not None and delimiter not in DELIMITERS:
        raise _fail(
            path,
            _("delimiter must be one of %(choices)s, or left out to detect it.")
            % {"choices": ", ".join(repr(choice) for choice in DELIMITERS)},
        )
    encoding = data.get("encoding", "utf-8")
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError) as error:
        raise _fail(
            path, _("“%(encoding)s” is not a known text encoding.") % {"encoding": encoding}
        ) from error

    coordinates_column, coordinates_order = _coordinates(path, data, columns)
    extract = _extract(path, data, columns)
    return Mapping(
        path=path,
        columns=columns,
        id_prefix=prefix,
        id_column=id_column,
        id_derive_from=derive_from,
        delimiter=delimiter,
        encoding=encoding,
        country=country,
        kind_values=kind_values,
        kind_default=kind_default,
        kind_from_name=kind_from_name,
        title_case=cleaned_fields["title_case"],
        capitalise_first=cleaned_fields["capitalise_first"],
        postcode_digits=digits,
        timezone_by_postcode_prefix=dict(zones),
        languages=tuple(languages),
        format=_choice(path, data, "format", FORMATS),
        records=_dotted(path, data, "records"),
        aliases=_dotted(path, data, "aliases"),
        list_separator=_separator(path, data),
        coordinates_column=coordinates_column,
        coordinates_order=coordinates_order,
        extract=extract,
    )


def _choice(path: Path, data: dict, key: str, choices: tuple[str, ...]) -> str | None:
    value = data.get(key)
    if value is not None and value not in choices:
        raise _fail(
            path,
            _("%(key)s must be one of %(choices)s.") % {"key": key, "choices": ", ".join(choices)},
        )
    return value


def _dotted(path: Path, data: dict, key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise _fail(path, _("%(key)s must be a dotted path, e.g. “data.museums”.") % {"key": key})
    return value.strip()


def _separator(path: Path, data: dict) -> str:
    value = data.get("separator", ";")
    if not isinstance(value, str) or not 1 <= len(value) <= 3 or not value.strip():
        raise _fail(path, _("separator must be one to three characters, e.g. “;”."))
    return value


def _coordinates(path: Path, data: dict, columns: dict) -> tuple[str | None, str]:
    table = _table(path, data, "coordinates")
    if not table:
        return None, "latlon"
    _unknown_keys(path, "[coordinates]", table, {"column", "order"})
    if "latitude" in columns:
        raise _fail(path, _("give the coordinates in one column or in two ([columns]), not both."))
    column = _strings(path, "[coordinates] column", table.get("column", ""))
    if len(column) != 1:
        raise _fail(path, _("[coordinates] column must be one column."))
    order = table.get("order", "latlon")
    if order not in ("latlon", "lonlat"):
        raise _fail(path, _("[coordinates] order must be “latlon” or “lonlat”."))
    return column[0], order


def _extract(path: Path, data: dict, columns: dict) -> dict[str, tuple[str, re.Pattern]]:
    table = _table(path, data, "extract")
    _unknown_keys(path, "[extract]", table, COLUMN_FIELDS - {"latitude", "longitude"})
    extract = {}
    for name, rule in table.items():
        where = f"[extract] {name}"
        if not isinstance(rule, dict) or set(rule) != {"column", "pattern"}:
            raise _fail(
                path,
                _("%(where)s must be {column = “…”, pattern = “…”}.") % {"where": where},
            )
        if name in columns:
            raise _fail(
                path,
                _("%(field)s comes either from [columns] or from [extract], not both.")
                % {"field": name},
            )
        try:
            pattern = re.compile(rule["pattern"])
        except (re.error, TypeError) as error:
            raise _fail(
                path,
                _("%(where)s: the pattern is not a regular expression (%(error)s).")
                % {"where": where, "error": error},
            ) from error
        extract[name] = (_strings(path, f"{where} column", rule["column"])[0], pattern)
    return extract


def squeeze_key(value: str) -> str:
    """How a kind cell is looked up: case and spacing do not matter."""
    return " ".join(value.split()).casefold()
