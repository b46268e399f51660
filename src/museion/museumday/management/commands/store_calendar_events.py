"""Serialise the calendar events of every published activity ahead of the feeds.

Feeds build a missing or stale event themselves, and a task does it after each save; run this
after what changes many events at once without a save of each activity: a museum import, a new
SITE_URL, a release that changes the event's text or its translations (category and country
names). Events already up to date are left alone.
"""

from django.core.management.base import BaseCommand

from museion.museumday.ical import store_events
from museion.museumday.models import Activity, Status


class Command(BaseCommand):
    help = "Serialise and store the calendar events of every published activity (iCal feeds)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, batch_size: int, **options):
        ids = list(
            Activity.objects.filter(status=Status.PUBLISHED)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        built = 0
        for start in range(0, len(ids), batch_size):
            built += store_events(ids[start : start + batch_size])
        self.stdout.write(f"{built} calendar events built for {len(ids)} published activities")
