"""manage.py send_queued_email: queue every transactional e-mail whose next attempt is due."""

from django.core.management.base import BaseCommand

from museion.outbox.services import queue_due


class Command(BaseCommand):
    help = (
        "Queue the transactional e-mails whose next attempt is due (run it every minute from "
        "cron: it covers a worker killed while sending)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{queue_due()} e-mail(s) queued.")
