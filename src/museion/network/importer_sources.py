"""Registry files as they are published, read into one shape: a header and rows of text cells.

CSV is read as it is. JSON (a list of records, or an object keyed by the museums' ids, found at
the path the mapping names) and GeoJSON (each feature's properties, its id and its point) are
flattened: nested fields become dotted columns (`gps.lat`), lists of values one cell.
"""

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .importer_mapping import DELIMITERS, ImportFileError, Mapping

KEY_COLUMN = "@key"  # the key of a record in an object keyed by id
FEATURE_ID = "@id"  # a GeoJSON feature's id
POINT_COLUMNS = ("@latitude", "@longitude")  # a GeoJSON feature's point
MAX_COLUMNS = 500


@dataclass
class Table:
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    delimiter: str = ","
    unit: str = "line"  # what the numbers of `rows` count: CSV lines or JSON records
    aliases: dict[str, str] = field(default_factory=dict)


def read_text(path: Path, mapping: Mapping) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportFileError(
            _("Cannot read %(path)s: %(error)s.") % {"path": path, "error": error.strerror}
        ) from error
    encoding = mapping.encoding
    if codecs.lookup(encoding).name == "utf-8":
        encoding = "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise ImportFileError(
                _("%(path)s is UTF-16 text: save it as UTF-8, or set encoding = “utf-16” in %(m)s.")
                % {"path": path, "m": mapping.path}
            ) from error
        if b"\x00" not in data:
            raise ImportFileError(
                _(
                    "%(path)s is not valid %(encoding)s text: line %(line)d has the byte "
                    "0x%(byte)02X. Save the file as UTF-8, or set its encoding in %(m)s "
                    "(e.g. encoding = “latin-1”)."
                )
                % {
                    "path": path,
                    "encoding": mapping.encoding,
                    "line": data.count(b"\n", 0, error.start) + 1,
                    "byte": data[error.start],
                    "m": mapping.path,
                }
            ) from error
        text = data.decode("latin-1")  # only to locate the NUL byte below
    if "\x00" in text:
        raise ImportFileError(
            _("%(path)s looks like a binary file, not CSV text (line %(line)d holds a NUL byte).")
            % {"path": path, "line": text.count("\n", 0, text.index("\x00")) + 1}
        )
    if not text.strip():
        raise ImportFileError(_("%(path)s is empty.") % {"path": path})
    return text


def file_format(path: Path, text: str, mapping: Mapping) -> str:
    """The mapping's format, else the file's suffix, else JSON when the text opens like JSON."""
    if mapping.format:
        return mapping.format
    suffix = path.suffix.lower()
    if suffix == ".geojson":
        return "geojson"
    if suffix == ".json" or text.lstrip()[:1] in ("{", "["):
        return "json"
    return "csv"


def read_table(path: Path, mapping: Mapping) -> Table:
    text = read_text(path, mapping)
    kind = file_format(path, text, mapping)
    if kind == "csv":
        return _csv_table(path, text, mapping)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("%(path)s is not valid JSON: %(error)s (line %(line)d, column %(column)d).")
            % {"path": path, "error": error.msg, "line": error.lineno, "column": error.colno}
        ) from error
    return _json_table(path, document, mapping, geojson=kind == "geojson")


def detect_delimiter(text: str, mapping: Mapping) -> str:
    """The delimiter that finds most of the mapping's columns in the first line."""
    first_line = text.lstrip("\r\n").splitlines()[0]
    wanted = set(mapping.source_columns())

    def score(delimiter: str) -> tuple[int, int]:
        names = [name.strip() for name in next(csv.reader([first_line], delimiter=delimiter))]
        return len(wanted & set(names)), len(names)

    return max(DELIMITERS, key=score)


def _csv_records(reader, path: Path) -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, cells) for each non-blank record; quoted newlines count."""
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise ImportFileError(
                _("%(path)s, line %(line)d: %(error)s (is a quote left open?).")
                % {"path": path, "line": start, "error": error}
            ) from error
        if row:
            yield start, row


def _csv_table(path: Path, text: str, mapping: Mapping) -> Table:
    delimiter = mapping.delimiter or detect_delimiter(text, mapping)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = _csv_records(reader, path)
    header = next(records, (0, []))[1]
    return Table(header=header, rows=records, delimiter=delimiter)


def _at(document, dotted: str, path: Path, what: str):
    node = document
    for part in [p for p in dotted.split(".") if p]:
        if not isinstance(node, dict) or part not in node:
            raise ImportFileError(
                _("%(path)s has nothing at “%(at)s”, where the mapping looks for %(what)s.")
                % {"path": path, "at": dotted, "what": what}
            )
        node = node[part]
    return node


def _flatten(value, prefix: str, out: dict[str, str], separator: str) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{prefix}.{key}" if prefix else str(key), out, separator)
    elif isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            out[prefix] = separator.join(_scalar(item) for item in value if item is not None)
        else:
            for position, item in enumerate(value):
                _flatten(item, f"{prefix}.{position}", out, separator)
    else:
        out[prefix] = _scalar(value)


def _scalar(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _feature_record(feature, path: Path, number: int) -> dict:
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise ImportFileError(
            _("%(path)s: feature %(number)d is not a GeoJSON Feature.")
            % {"path": path, "number": number}
        )
    record = dict(feature.get("properties") or {})
    if feature.get("id") is not None:
        record[FEATURE_ID] = feature["id"]
    geometry = feature.get("geometry") or {}
    coordinates = geometry.get("coordinates") if geometry.get("type") == "Point" else None
    if isinstance(coordinates, list) and len(coordinates) >= 2:
        record[POINT_COLUMNS[0]], record[POINT_COLUMNS[1]] = coordinates[1], coordinates[0]
    return record


def _json_table(path: Path, document, mapping: Mapping, *, geojson: bool) -> Table:
    where = mapping.records or ("features" if geojson else "")
    found = _at(document, where, path, _("the museums"))
    if isinstance(found, dict):
        items = []
        for key, value in found.items():
            if not isinstance(value, dict):
                raise ImportFileError(
                    _("%(path)s: the museum “%(key)s” is not an object of fields.")
                    % {"path": path, "key": key}
                )
            items.append({KEY_COLUMN: key, **value})
    elif isinstance(found, list):
        items = found
    else:
        raise ImportFileError(
            _("%(path)s: “%(at)s” holds neither a list of museums nor an object keyed by id.")
            % {"path": path, "at": where or "/"}
        )
    flat_rows = []
    for number, item in enumerate(items, start=1):
        record = _feature_record(item, path, number) if geojson else item
        if not isinstance(record, dict):
            raise ImportFileError(
                _("%(path)s: record %(number)d is not an object of fields.")
                % {"path": path, "number": number}
            )
        flat: dict[str, str] = {}
        _flatten(record, "", flat, mapping.list_separator)
        flat_rows.append(flat)
    header = list(dict.fromkeys(name for flat in flat_rows for name in flat))
    if len(header) > MAX_COLUMNS:
        raise ImportFileError(
            _("%(path)s has %(count)d different fields; a registry has far fewer.")
            % {"path": path, "count": len(header)}
        )
    rows = ((n, [flat.get(name, "") for name in header]) for n, flat in enumerate(flat_rows, 1))
    aliases = {}
    if mapping.aliases:
        section = _at(document, mapping.aliases, path, _("the retired ids"))
        if not isinstance(section, dict):
            raise ImportFileError(
                _("%(path)s: “%(at)s” must map each retired id to the id that replaces it.")
                % {"path": path, "at": mapping.aliases}
            )
        aliases = {str(old): _scalar(new) for old, new in section.items() if _scalar(new)}
    return Table(header=header, rows=iter(rows), unit="record", aliases=aliases)
