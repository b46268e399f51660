"""manage.py import_subscribers FILE.csv [--list SLUG] [--skip-invalid] [--send-confirmation]"""

import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from museion.newsletter.importer import ImportFileError, import_subscribers
from museion.newsletter.models import MailingList, Subscriber, Subscription, SubscriptionStatus
from museion.newsletter.services import queue_confirmation


class Command(BaseCommand):
    help = (
        "Import newsletter subscribers from CSV (email, language, lists, consented, "
        "consent_date, consent_text). Every row is checked first; a bad row stops the import "
        "unless --skip-invalid. Only rows that say the person consented are confirmed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--list",
            action="append",
            default=[],
            dest="lists",
            help="list slug for rows without a “lists” value (repeatable)",
        )
        parser.add_argument("--skip-invalid", action="store_true")
        parser.add_argument(
            "--send-confirmation",
            action="store_true",
            help="send the double opt-in e-mail to the unconfirmed addresses",
        )

    def handle(self, *args, file: Path, lists, skip_invalid, send_confirmation, **options):
        if not file.exists():
            raise CommandError(_("%(file)s: no such file") % {"file": file})
        default_lists = list(MailingList.objects.filter(slug__in=lists))
        missing = set(lists) - {m.slug for m in default_lists}
        if missing:
            raise CommandError(
                _("unknown list(s): %(lists)s") % {"lists": ", ".join(sorted(missing))}
            )
        source = f"import of {file.name} by {getpass.getuser()} on {timezone.now():%Y-%m-%d}"
        try:
            report = import_subscribers(
                path=file, default_lists=default_lists, source=source, skip_invalid=skip_invalid
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        for line in report.rejected[:20]:
            self.stdout.write(self.style.WARNING(line))
        if send_confirmation and report.pending_subscriptions:
            self._send_confirmations(report.pending_subscriptions)
        self.stdout.write(
            _(
                "%(file)s: %(created)d new address(es), %(confirmed)d confirmed subscription(s), "
                "%(pending)d waiting for confirmation, %(unchanged)d unchanged, %(kept)d kept "
                "unsubscribed, %(rejected)d row(s) rejected."
            )
            % {
                "file": file.name,
                "created": report.created,
                "confirmed": report.confirmed,
                "pending": report.pending,
                "unchanged": report.unchanged,
                "kept": report.kept_unsubscribed,
                "rejected": len(report.rejected),
            }
        )

    def _send_confirmations(self, subscription_ids):
        by_person: dict[int, list[int]] = {}
        for pk, person in Subscription.objects.filter(
            pk__in=subscription_ids, status=SubscriptionStatus.PENDING
        ).values_list("pk", "subscriber_id"):
            by_person.setdefault(person, []).append(pk)
        people = Subscriber.objects.in_bulk(list(by_person))
        with transaction.atomic():
            for person, ids in by_person.items():
                queue_confirmation(subscriber=people[person], subscription_ids=ids)
