"""Load a demo General Conference dated from today (idempotent)."""

from django.core.management.base import BaseCommand

from museion.demo.conference import load_conference_demo


class Command(BaseCommand):
    help = "Load a demo General Conference: programme, rooms, speakers and ticket categories."

    def handle(self, *args, **options):
        conference = load_conference_demo()
        if conference is None:
            self.stdout.write("The demo conference is already there.")
        else:
            self.stdout.write(
                f"{conference.name}: {conference.sessions.count()} sessions, "
                f"{conference.categories.count()} ticket categories."
            )
