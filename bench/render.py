#!/usr/bin/env python
"""Server time of the hot public pages when the whole-page cache cannot answer.

A warm anonymous page comes from the page cache (museion.core.page_cache) and costs almost
nothing; two kinds of request pay the full price of building the page, and this bench times them:

- "after an edit": an anonymous reader, with the content the page is made of changed before each
  request (an activity saved for Museum Day's pages, which bumps its content version; the
  conference's or the news' version bumped for theirs), so the kept page is never reached;
- "logged in": a reader with a session (no role), for whom pages are never shared; the data
  caches are warm, so this is mostly the cost of the templates.

For each page and mode: p50 / p95 of the server time (Django test client, the whole middleware
stack, one request at a time, DEBUG=0 production settings), the share of it spent rendering
templates, and the template variables looked up per request. --profile prints the top functions
of one page (cProfile, logged in).

Data: the Museum Day scale set (40,000 museums, 100,000 activities, built by bench/museumday.py;
this bench only reads the SQLite file it leaves in bench/out/ or the PostgreSQL database given)
plus the demo conference and news, loaded once.

    .venv/bin/python bench/render.py [--database-url sqlite:///bench/out/…sqlite3]
        [--requests 40] [--only list] [--language en] [--profile list]
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

from common import percentile

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SQLITE = OUT / "museumday-40000-100000-42.sqlite3"
WARM_UP = 5
READER = "bench-reader"


def log(message: str) -> None:
    print(message, flush=True)


def setup(database_url: str) -> None:
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "src")]
    from museumday import environment

    os.environ.update(environment(database_url))
    import django

    django.setup()


def prepare() -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from museion.conference.models import Conference
    from museion.demo.conference import load_conference_demo
    from museion.demo.news import load_news_demo
    from museion.news.models import Post

    call_command("migrate", verbosity=0)
    if not Conference.objects.exists():
        log("  loading the demo conference…")
        load_conference_demo()
    if not Post.objects.exists():
        log("  loading the demo news…")
        load_news_demo()
    get_user_model().objects.get_or_create(username=READER)


def pages() -> list[tuple[str, str, str]]:
    """(name, URL, kind of content its edit bumps)."""
    from museion.conference.models import Conference
    from museion.museumday.models import Activity, Status

    activity = Activity.objects.filter(status=Status.PUBLISHED, country="FR").order_by("id")[0]
    conference = Conference.objects.order_by("id")[0]
    return [
        ("home", "/", "museumday"),
        ("list", "/museum-day/activities/", "museumday"),
        ("list, filtered", "/museum-day/activities/?country=FR&category=workshop", "museumday"),
        ("list, page 3", "/museum-day/activities/?page=3", "museumday"),
        ("embed", "/museum-day/embed/?country=FR&view=list", "museumday"),
        ("activity", activity.get_absolute_url(), "museumday"),
        ("map page", "/museum-day/map/", "museumday"),
        ("programme", conference.get_absolute_url(), "conference"),
        ("news", "/news/", "news"),
    ]


class Meter:
    """Time spent in template rendering and variables looked up, by patching Django's engine."""

    def __init__(self):
        from django.template import base
        from django.template.backends import django as backend

        self.template_seconds = 0.0
        self.db_seconds = 0.0
        self.db_in_templates = 0.0
        self.lookups = 0
        self.depth = 0
        meter = self
        resolve = base.Variable._resolve_lookup
        render = backend.Template.render

        def timed_render(template, *args, **kwargs):
            meter.depth += 1
            started = time.perf_counter()
            try:
                return render(template, *args, **kwargs)
            finally:
                meter.depth -= 1
                if not meter.depth:
                    meter.template_seconds += time.perf_counter() - started

        def counted_resolve(variable, context):
            meter.lookups += 1
            return resolve(variable, context)

        backend.Template.render = timed_render
        base.Variable._resolve_lookup = counted_resolve

    def __call__(self, execute, sql, params, many, context):
        """A database execute wrapper: query time, counted apart from the templates'."""
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent = time.perf_counter() - started
            self.db_seconds += spent
            if self.depth:
                self.db_in_templates += spent

    def reset(self):
        self.template_seconds, self.db_seconds, self.db_in_templates, self.lookups = 0, 0, 0, 0

    @property
    def rendering_ms(self) -> float:
        """Time in templates, less the queries run from them (a lazy queryset evaluated there)."""
        return (self.template_seconds - self.db_in_templates) * 1000


def editor(kind: str):
    """A function making one edit of `kind` the way the site does (a save, or a bump)."""
    from museion.core import versions
    from museion.museumday.models import Activity, Status

    if kind != "museumday":
        return lambda number: versions.bump(kind)
    ids = list(
        Activity.objects.filter(status=Status.PUBLISHED).order_by("id").values_list("id", flat=True)
    )[:500]

    def edit(number: int) -> None:
        activity = Activity.objects.get(pk=ids[number % len(ids)])
        activity.save(update_fields=["updated_at"])

    return edit


def time_page(client, url: str, count: int, meter: Meter, before=None) -> dict:
    for number in range(WARM_UP):
        if before:
            before(number)
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    from django.db import connection

    timings, cpu_ms, template_ms, db_ms, lookups = [], [], [], [], []
    for number in range(count):
        if before:
            before(WARM_UP + number)
        meter.reset()
        with connection.execute_wrapper(meter):
            started, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            cpu_ms.append((time.process_time() - cpu) * 1000)
        template_ms.append(meter.rendering_ms)
        db_ms.append(meter.db_seconds * 1000)
        lookups.append(meter.lookups)
    return {
        "p50": percentile(timings, 0.50),
        "p95": percentile(timings, 0.95),
        "cpu": percentile(cpu_ms, 0.50),
        "templates": percentile(template_ms, 0.50),
        "db": percentile(db_ms, 0.50),
        "lookups": percentile(lookups, 0.50),
    }


def profile(client, url: str, count: int, args_sort: str = "tottime", rows: int = 15) -> None:
    for _ in range(WARM_UP):
        client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        client.get(url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats(args_sort).print_stats(rows)
    log(f"\nProfile of {url} (logged in, {count} requests, by own time):")
    log(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--database-url", default=f"sqlite:///{SQLITE}")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--only", default="", help="time only pages whose name has this")
    parser.add_argument("--language", default="en", help="the reader's interface language")
    parser.add_argument("--profile", default="", help="profile the page of this name instead")
    args = parser.parse_args()
    if args.database_url.startswith("sqlite:///") and not Path(args.database_url[10:]).exists():
        raise SystemExit(f"{args.database_url[10:]} is missing: run bench/museumday.py first")

    load_before = os.getloadavg()[0]
    setup(args.database_url)
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    prepare()
    anonymous = Client()
    reader = Client()
    reader.force_login(get_user_model().objects.get(username=READER))
    for client in (anonymous, reader):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = args.language
    chosen = [page for page in pages() if args.only in page[0]]
    if args.profile:
        url = next(url for name, url, _ in chosen if name == args.profile)
        profile(reader, url, args.requests)
        return
    meter = Meter()
    log(
        f"Server time of pages the page cache cannot answer, {args.requests} requests each, "
        f"language {args.language!r}, {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"
    )
    log("ms p50 / p95 of the whole request; cpu: this process's CPU ms (p50, steadier than the")
    log("clock on a shared machine); tpl: ms rendering templates; db: ms in queries (p50);")
    log("lookups: template variables looked up per request (logged in)")
    log("")
    log(
        f"{'page':<16}{'after an edit':>17}{'cpu':>6}{'tpl':>6}{'db':>6}"
        f"{'logged in':>17}{'cpu':>6}{'tpl':>6}{'db':>6}{'lookups':>8}"
    )
    for name, url, kind in chosen:
        edited = time_page(anonymous, url, args.requests, meter, before=editor(kind))
        logged_in = time_page(reader, url, args.requests, meter)
        cells = []
        for figures in (edited, logged_in):
            cells.append(
                f"{figures['p50']:8.1f} /{figures['p95']:6.1f}{figures['cpu']:6.1f}"
                f"{figures['templates']:6.1f}{figures['db']:6.1f}"
            )
        log(f"{name:<16}{cells[0]}{cells[1]}{logged_in['lookups']:8.0f}")
    log(f"\nLoad average (1 min) before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
