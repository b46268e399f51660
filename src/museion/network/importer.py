"""Import a museum registry (CSV, JSON or GeoJSON) through a mapping.

Every row is checked before anything is written. Bad rows stop the import, unless the caller
skips them (they are then written to a "rejected" CSV). Good rows are created or, when a museum
with the same external id exists (or had an id the registry has since retired), updated, in bulk
and in one transaction. Museums of the registry that the file no longer lists are reported, and
marked inactive on request; likely duplicates are warned about.
"""

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.db import router, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from museion.core import versions

from .importer_checks import likely_duplicates
from .importer_mapping import ImportFileError, Mapping, load_mapping
from .importer_rows import RowChecker
from .importer_save import apply_aliases, mark_missing, save_museums
from .importer_sources import Table, read_table
from .models import Museum

MAX_LISTED_ERRORS = 20


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str
    values: list[str]
    unit: str = "line"

    def __str__(self) -> str:
        if self.unit == "record":
            return _("record %(line)d: %(reason)s") % {"line": self.line, "reason": self.reason}
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
    seen_ids: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)
    complete: bool = True


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int
    rejected: list[RowError]
    warnings: list[str]
    seconds: float
    rejected_path: Path | None
    missing: list[str] = field(default_factory=list)  # "name (external id)" no longer listed
    deactivated: int = 0
    renamed: int = 0


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
    table: Table = read_table(path, mapping)
    index = _column_index(table.header, path, mapping)
    checker = RowChecker(mapping, index)
    checked = CheckedRows(header=table.header, delimiter=table.delimiter, aliases=table.aliases)
    first_line: dict[str, int] = {}
    for line, row in table.rows:
        if len(row) != len(table.header):
            reason = _("it has %(found)d fields where the header has %(expected)d.") % {
                "found": len(row),
                "expected": len(table.header),
            }
            checked.errors.append(RowError(line, reason, row, table.unit))
            continue
        values, reasons, warnings = checker.check(line, row)
        external_id = values.pop("external_id")
        checked.seen_ids.add(external_id)
        if not reasons and external_id in first_line:
            reasons.append(
                _("the external id %(id)s is already on line %(first)d.")
                % {"id": external_id, "first": first_line[external_id]}
            )
        if reasons:
            checked.errors.append(RowError(line, " ".join(reasons), row, table.unit))
            continue
        first_line[external_id] = line
        checked.warnings += warnings
        checked.good.append(MuseumRow(line, external_id, values))
        if limit is not None and len(checked.good) >= limit:
            checked.complete = False
            break
    if not checked.good and not checked.errors:
        raise ImportFileError(_("%(path)s has a header but no rows.") % {"path": path})
    checked.warnings += likely_duplicates(checked.good, mapping.id_prefix, table.unit)
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
    deactivate_missing: bool = False,
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
        renamed, alias_warnings = apply_aliases(mapping.id_prefix, checked.aliases)
        created, updated, unchanged = save_museums(checked.good)
        missing, deactivated = [], 0
        if checked.complete:
            missing, deactivated = mark_missing(
                mapping.id_prefix, checked.seen_ids, deactivate=deactivate_missing
            )
        versions.bump("network")  # bulk writes send no signal
    return ImportReport(
        created=created,
        updated=updated,
        unchanged=unchanged,
        rejected=checked.errors,
        warnings=checked.warnings + alias_warnings,
        missing=missing,
        deactivated=deactivated,
        renamed=renamed,
        seconds=time.perf_counter() - started,
        rejected_path=written,
    )
