"""Load demo news: stories in three languages, the standing pages and newsletter lists."""

from django.core.management.base import BaseCommand

from museion.demo.news import load_news_demo


class Command(BaseCommand):
    help = (
        "Load demo news posts, the about, Code of Ethics and privacy pages, and newsletter "
        "lists (idempotent: what is already there is left alone)."
    )

    def handle(self, *args, **options):
        self.stdout.write(str(load_news_demo()))
