from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from museion.newsletter.bounces import messages_in, parse_dsn, record_bounces


class Command(BaseCommand):
    help = "Read bounce reports (.eml files, directories of them, or mbox) and mark hard bounces."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)

    def handle(self, *args, paths, **options):
        count = marked = ignored = 0
        for path in paths:
            if not path.exists():
                raise CommandError(_("%(path)s: no such file or directory") % {"path": path})
            for raw in messages_in(path):
                count += 1
                done, skipped = record_bounces(parse_dsn(raw))
                marked += done
                ignored += skipped
        self.stdout.write(
            _(
                "%(count)d message(s): %(marked)d address(es) marked undeliverable, "
                "%(ignored)d ignored."
            )
            % {"count": count, "marked": marked, "ignored": ignored}
        )
