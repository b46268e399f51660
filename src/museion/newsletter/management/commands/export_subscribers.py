"""manage.py export_subscribers [FILE.csv] [--list SLUG]: the importer's columns, to re-import."""

import csv
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from museion.newsletter.exporter import export_rows
from museion.newsletter.models import Subscriber


class Command(BaseCommand):
    help = "Export subscribers as CSV (stdout when no file is given)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, nargs="?")
        parser.add_argument("--list", dest="list_slug", help="only confirmed members of this list")

    def handle(self, *args, file, list_slug, **options):
        queryset = Subscriber.objects.all()
        if list_slug:
            queryset = queryset.filter(
                subscriptions__mailing_list__slug=list_slug, subscriptions__status="confirmed"
            )
        out = file.open("w", newline="", encoding="utf-8") if file else sys.stdout
        try:
            writer = csv.writer(out)
            count = -1
            for row in export_rows(queryset.order_by("email")):
                writer.writerow(row)
                count += 1
        finally:
            if file:
                out.close()
        if file:
            self.stdout.write(
                _("%(count)d subscriber(s) written to %(file)s.") % {"count": count, "file": file}
            )
