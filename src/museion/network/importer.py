"""Import a museum registry (CSV) through a mapping.

Every row is checked before anything is written. Bad rows stop the import, unless the caller
skips them (they are then written to a "rejected" CSV). Good rows are created or, when a museum
with the same external id exists, updated, in bulk and in one transaction.
"""

import codecs
import csv
import io
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.db import router, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .importer_mapping import DELIMITERS, ImportFileError, Mapping, load_mapping
from .importer_rows import RowChecker
from .importer_save import save_museums
from .models import Museum

MAX_LISTED_ERRORS = 20


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str
    values: list[str]

    def __str__(self) -> str:
        return _("line %(line)d: %(reason)s") % {"line": self.line, "reason": self.reason}


@dataclass(frozen=True)
class MuseumRow:
    line: int
    external_id: str
    values: dict


@dataclass
class CheckedRows:
    header: list[str]
    delimiter: str
    good: list[MuseumRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    rejected: list[RowError]
    warnings: list[str]
    seconds: float
    rejected_path: Path | None


class InvalidRowsError(ImportFileError):
    def __init__(self, path: Path, checked: CheckedRows):
        self.errors = checked.errors
        count = len(checked.errors)
        lines = [
            ngettext(
                "%(count)d row of %(path)s cannot be imported, so nothing was imported.",
                "%(count)d rows of %(path)s cannot be imported, so nothing was imported.",
                count,
            )
            % {"count": count, "path": path},
            _(
                "Fix them, or re-run with --skip-invalid to import the %(valid)d valid rows "
                "and write the others to a CSV file."
            )
            % {"valid": len(checked.good)},
        ]
        lines += [f"  {error}" for error in checked.errors[:MAX_LISTED_ERRORS]]
        if count > MAX_LISTED_ERRORS:
            lines.append("  " + _("… and %(more)d more.") % {"more": count - MAX_LISTED_ERRORS})
        super().__init__("\n".join(lines))


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


def detect_delimiter(text: str, mapping: Mapping) -> str:
    """The delimiter that finds most of the mapping's columns in the first line."""
    first_line = text.lstrip("\r\n").splitlines()[0]
    wanted = set(mapping.source_columns())

    def score(delimiter: str) -> tuple[int, int]:
        names = [name.strip() for name in next(csv.reader([first_line], delimiter=delimiter))]
        return len(wanted & set(names)), len(names)

    return max(DELIMITERS, key=score)


def _records(reader, path: Path):
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


def _column_index(header: list[str], path: Path, mapping: Mapping) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        index.setdefault(name.strip(), position)
    missing = [column for column in mapping.source_columns() if column not in index]
    if missing:
        shown = (header[0] if len(header) == 1 else ", ".join(header))[:200]
        raise ImportFileError(
            _(
                "%(path)s has no column %(missing)s, which the mapping %(m)s names. "
                "Its header has %(count)d column(s): %(shown)s. Check the delimiter "
                "(%(delimiter)s) and the column names in the mapping."
            )
            % {
                "path": path,
                "missing": ", ".join(f"“{column}”" for column in missing),
                "m": mapping.path,
                "count": len(header),
                "shown": shown,
                "delimiter": repr(mapping.delimiter or _("detected")),
            }
        )
    repeated = [c for c in mapping.source_columns() if [h.strip() for h in header].count(c) > 1]
    if repeated:
        raise ImportFileError(
            _("%(path)s: the header repeats the column %(columns)s; which one is meant?")
            % {"path": path, "columns": ", ".join(f"“{column}”" for column in repeated)}
        )
    return index


def validate_rows(path: str | Path, mapping: Mapping, *, limit: int | None = None) -> CheckedRows:
    """Check every row (or until `limit` good rows); never writes to the database."""
    path = Path(path)
    text = read_text(path, mapping)
    delimiter = mapping.delimiter or detect_delimiter(text, mapping)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records = _records(reader, path)
    header = next(records, (0, []))[1]
    index = _column_index(header, path, mapping)
    checker = RowChecker(mapping, index)
    checked = CheckedRows(header=header, delimiter=delimiter)
    first_line: dict[str, int] = {}
    for line, row in records:
        if len(row) != len(header):
            reason = _("it has %(found)d fields where the header has %(expected)d.") % {
                "found": len(row),
                "expected": len(header),
            }
            checked.errors.append(RowError(line, reason, row))
            continue
        values, reasons, warnings = checker.check(line, row)
        external_id = values.pop("external_id")
        if not reasons and external_id in first_line:
            reasons.append(
                _("the external id %(id)s is already on line %(first)d.")
                % {"id": external_id, "first": first_line[external_id]}
            )
        if reasons:
            checked.errors.append(RowError(line, " ".join(reasons), row))
            continue
        first_line[external_id] = line
        checked.warnings += warnings
        checked.good.append(MuseumRow(line, external_id, values))
        if limit is not None and len(checked.good) >= limit:
            break
    if not checked.good and not checked.errors:
        raise ImportFileError(_("%(path)s has a header but no rows.") % {"path": path})
    return checked


def write_rejected(path: Path, checked: CheckedRows) -> None:
    """The rejected rows as CSV, same delimiter: fix them there and import that file."""
    extra = ["line", "reason"]
    if set(extra) & {name.strip() for name in checked.header}:
        extra = ["rejected_line", "rejected_reason"]
    try:
        with path.open("w", newline="", encoding="utf-8") as output:
            writer = csv.writer(output, delimiter=checked.delimiter)
            writer.writerow([*extra, *checked.header])
            for error in checked.errors:
                writer.writerow([error.line, error.reason, *error.values])
    except OSError as error:
        raise ImportFileError(
            _("Cannot write the rejected rows to %(path)s: %(error)s.")
            % {"path": path, "error": error.strerror}
        ) from error


def import_museums(
    *,
    path: str | Path,
    mapping: Mapping | str | Path,
    skip_invalid: bool = False,
    rejected_path: str | Path | None = None,
    limit: int | None = None,
) -> ImportReport:
    started = time.perf_counter()
    path = Path(path)
    if not isinstance(mapping, Mapping):
        mapping = load_mapping(mapping)
    checked = validate_rows(path, mapping, limit=limit)
    if checked.errors and not skip_invalid:
        raise InvalidRowsError(path, checked)
    written = None
    if checked.errors and rejected_path is not None:
        written = Path(rejected_path)
        if written.resolve() == path.resolve():
            raise ImportFileError(
                _("The rejected rows cannot overwrite the file being imported, %(path)s.")
                % {"path": path}
            )
        write_rejected(written, checked)
    with transaction.atomic(using=router.db_for_write(Museum)):
        created, updated, unchanged = save_museums(checked.good, languages=mapping.languages)
    return ImportReport(
        created=created,
        updated=updated,
        unchanged=unchanged,
        rejected=checked.errors,
        warnings=checked.warnings,
        seconds=time.perf_counter() - started,
        rejected_path=written,
    )
