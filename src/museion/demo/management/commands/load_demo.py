"""Load a realistic demo: museums in 80 countries, committees, editions, activities, users."""

from django.core.management.base import BaseCommand
from django.db import transaction

from museion.demo.directory import load_demo
from museion.demo.impact import load_impact_demo


class Command(BaseCommand):
    help = "Load demo data (idempotent: does nothing if the demo is already there)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2022)

    def handle(self, *args, seed, **options):
        with transaction.atomic():
            summary = load_demo(seed=seed)
            summary += load_impact_demo(seed=seed)
        self.stdout.write(summary)
