"""Import a museum registry: manage.py import_museums FILE.csv --mapping MAPPING.toml."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from museion.network.importer import ImportFileError, import_museums

MAX_LISTED_WARNINGS = 20


def default_rejected_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.rejected.csv")


class Command(BaseCommand):
    help = (
        "Import museums from a CSV registry through a TOML column mapping (see data/mappings/). "
        "Every row is checked first; any bad row stops the import unless --skip-invalid is "
        "given. Re-importing a file updates the museums it created."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the CSV file")
        parser.add_argument("--mapping", type=Path, required=True, help="the TOML mapping")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the valid rows and write the others to the --rejected file",
        )
        parser.add_argument(
            "--rejected",
            type=Path,
            help="where --skip-invalid writes the rejected rows (default: FILE.rejected.csv "
            "next to FILE)",
        )

    def handle(self, *args, file: Path, mapping: Path, skip_invalid: bool, rejected, **options):
        if rejected and not skip_invalid:
            raise CommandError(_("--rejected is only used with --skip-invalid."))
        try:
            report = import_museums(
                path=file,
                mapping=mapping,
                skip_invalid=skip_invalid,
                rejected_path=rejected or default_rejected_path(file),
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        for warning in report.warnings[:MAX_LISTED_WARNINGS]:
            self.stdout.write(self.style.WARNING(warning))
        if len(report.warnings) > MAX_LISTED_WARNINGS:
            more = len(report.warnings) - MAX_LISTED_WARNINGS
            self.stdout.write(_("… and %(more)d more warnings.") % {"more": more})
        summary = _(
            "%(file)s: created %(created)d, updated %(updated)d, unchanged %(unchanged)d, "
            "rejected %(rejected)d, warnings %(warnings)d, in %(seconds).1f seconds."
        ) % {
            "file": file,
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": len(report.rejected),
            "warnings": len(report.warnings),
            "seconds": report.seconds,
        }
        self.stdout.write(self.style.SUCCESS(summary))
        if report.rejected_path:
            self.stdout.write(
                _("The rejected rows, with their line and reason, are in %(path)s.")
                % {"path": report.rejected_path}
            )
