"""Reminders, expiry of unpaid registrations and stale offers. The task worker runs this when
something falls due; run it from cron too (every few minutes) as a safety net, or where the task
backend cannot defer work."""

from django.core.management.base import BaseCommand

from museion.conference.services.housekeeping import run_housekeeping


class Command(BaseCommand):
    help = "Send payment reminders, expire unpaid registrations and unanswered offers."

    def handle(self, *args, **options):
        result = run_housekeeping()
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in result.items()))
