"""Load the Red Lists demo: two sample lists in two languages each, with drawn pictures."""

from django.core.management.base import BaseCommand

from museion.demo.redlists import load_redlists_demo


class Command(BaseCommand):
    help = (
        "Load two sample Red Lists (with translations, placeholder pictures and their PDFs); "
        "idempotent: lists already there are left alone."
    )

    def handle(self, *args, **options):
        self.stdout.write(load_redlists_demo())
