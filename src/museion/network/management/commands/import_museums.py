"""Import a museum registry: manage.py import_museums FILE --mapping MAPPING.toml (CSV, JSON or
GeoJSON)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from museion.network.importer import ImportFileError, import_museums

MAX_LISTED_WARNINGS = 20
MAX_LISTED_MISSING = 20


def default_rejected_path(path: Path) -> Path:
    return path.with_name(f"{path.stem}.rejected.csv")


class Command(BaseCommand):
    help = (
        "Import museums from a CSV, JSON or GeoJSON registry through a TOML mapping "
        "(see data/mappings/). "
        "Every row is checked first; any bad row stops the import unless --skip-invalid is "
        "given. Re-importing a file updates the museums it created."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the registry: CSV, JSON or GeoJSON")
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
        parser.add_argument(
            "--deactivate-missing",
            action="store_true",
            help="mark inactive the museums of this registry that the file no longer lists "
            "(they are never deleted)",
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
                deactivate_missing=options["deactivate_missing"],
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
        self.report_missing(report)
        if report.rejected_path:
            self.stdout.write(
                _("The rejected rows, with their line and reason, are in %(path)s.")
                % {"path": report.rejected_path}
            )

    def report_missing(self, report) -> None:
        if report.renamed:
            self.stdout.write(
                ngettext(
                    "%(count)d museum kept its page under the id that replaced a retired one.",
                    "%(count)d museums kept their page under the ids that replaced retired ones.",
                    report.renamed,
                )
                % {"count": report.renamed}
            )
        if not report.missing:
            return
        count = len(report.missing)
        if report.deactivated:
            line = ngettext(
                "%(count)d museum no longer in the file was marked inactive:",
                "%(count)d museums no longer in the file were marked inactive:",
                count,
            )
        else:
            line = ngettext(
                "%(count)d museum of this registry is no longer in the file "
                "(--deactivate-missing marks it inactive):",
                "%(count)d museums of this registry are no longer in the file "
                "(--deactivate-missing marks them inactive):",
                count,
            )
        self.stdout.write(self.style.WARNING(line % {"count": count}))
        for entry in report.missing[:MAX_LISTED_MISSING]:
            self.stdout.write(f"  {entry}")
        if len(report.missing) > MAX_LISTED_MISSING:
            more = len(report.missing) - MAX_LISTED_MISSING
            self.stdout.write(_("… and %(more)d more.") % {"more": more})
