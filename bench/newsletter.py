#!/usr/bin/env python
"""Newsletter and news pages at scale.

1. N confirmed subscribers (default 100,000); one campaign sent through the real task worker
   (`manage.py db_worker`, database backend) to a local SMTP sink (aiosmtpd on loopback).
   Prints messages/s from the click on "send" to the last message accepted by the sink, the
   worker's peak memory, and checks that every subscriber got exactly one message carrying the
   RFC 8058 headers.
2. 10,000 posts: p50/p95 of the home page and of post pages (Django test client, in process).

Targets: >= 500 messages/s; pages p95 < 50 ms.

    .venv/bin/python bench/newsletter.py [--subscribers 100000] [--posts 10000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/museion_bench \
        .venv/bin/python bench/newsletter.py

Everything happens in a temporary directory (SQLite file, settings); a PostgreSQL database
named in DATABASE_URL is dropped and created again.
"""

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from common import free_port, p50_p95, reset_postgres

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable

SETTINGS = """
import os
from museion.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "127.0.0.1"
EMAIL_PORT = int(os.environ["BENCH_SMTP_PORT"])
EMAIL_TIMEOUT = 30
# PostgreSQL makes each commit wait for the disk: overlap those waits on a few connections.
_ENGINE = DATABASES["default"]["ENGINE"]  # noqa: F405
NEWSLETTER_SENDER_THREADS = 3 if _ENGINE.endswith("postgresql") else 1
_STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"
STORAGES["staticfiles"]["BACKEND"] = _STATIC  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
"""

SINK = """
import collections, json, signal, sys, threading
from aiosmtpd.controller import Controller

port, out = int(sys.argv[1]), sys.argv[2]
counts = collections.Counter()
missing_headers = [0]
HEADER = b"List-Unsubscribe-Post: List-Unsubscribe=One-Click"


class Handler:
    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        if (
            HEADER not in content
            or b"List-Unsubscribe: <http" not in content
            or b"List-Id: " not in content
        ):
            missing_headers[0] += 1
        for rcpt in envelope.rcpt_tos:
            counts[rcpt] += 1
        return "250 OK"


controller = Controller(Handler(), hostname="127.0.0.1", port=port, decode_data=False)
controller.start()
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *a: stop.set())
while not stop.wait(0.2):
    with open(out + ".progress", "w") as f:
        f.write(str(sum(counts.values())))
controller.stop()
with open(out, "w") as f:
    json.dump({"counts": counts, "missing_headers": missing_headers[0]}, f)
"""


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def prepare_environment(tmp: Path, smtp_port: int) -> dict:
    (tmp / "bench_newsletter_settings.py").write_text(SETTINGS)
    env = {
        "DJANGO_SETTINGS_MODULE": "bench_newsletter_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp), str(ROOT / "src")]),
        "MUSEION_VAR_DIR": str(tmp),
        "DEBUG": "0",
        "MUSEION_ALLOW_INSECURE_KEY": "1",
        "MUSEION_INSECURE_HTTP": "1",
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "TASKS_BACKEND": "database",
        "RATELIMIT_ENABLE": "0",
        "BENCH_SMTP_PORT": str(smtp_port),
        "LOG_LEVEL": "ERROR",
    }
    env["DATABASE_URL"] = os.environ.get("DATABASE_URL") or f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ.update(env)
    sys.path[:0] = [str(tmp), str(ROOT / "src")]
    return env


def seed_subscribers(count: int):
    from django.utils import timezone

    from museion.newsletter.models import (
        MailingList,
        Subscriber,
        Subscription,
        SubscriptionStatus,
    )

    mailing_list = MailingList.objects.create(
        name="Museum Day news", slug="imd-en", language="en", topic="Museum Day"
    )
    now = timezone.now()
    chunk = 5000
    for start in range(0, count, chunk):
        people = Subscriber.objects.bulk_create(
            [
                Subscriber(email=f"subscriber{n:06d}@bench.example", language="en")
                for n in range(start, min(count, start + chunk))
            ]
        )
        Subscription.objects.bulk_create(
            [
                Subscription(
                    subscriber=person,
                    mailing_list=mailing_list,
                    status=SubscriptionStatus.CONFIRMED,
                    confirmed_at=now,
                )
                for person in people
            ]
        )
    return mailing_list


def send_campaign(mailing_list, env: dict, tmp: Path, count: int, timeout: float) -> dict:
    from museion.newsletter import sending
    from museion.newsletter.models import Campaign, CampaignTemplate, DeliveryStatus

    out = tmp / "sink.json"
    sink = subprocess.Popen([PY, "-c", SINK, env["BENCH_SMTP_PORT"], str(out)])
    worker = subprocess.Popen(
        [PY, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.1", "--no-reload"],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.DEVNULL,
        stderr=(tmp / "worker.log").open("w"),
    )
    time.sleep(1.5)  # both listening
    template = CampaignTemplate.objects.create(
        name="Bench",
        html="<html><body><h1>{{ subject }}</h1>{{ content }}</body></html>",
        text="{{ subject }}\n\n{{ content }}\n",
    )
    campaign = Campaign.objects.create(
        subject="Museum Day is coming",
        language="en",
        template=template,
        body="## 18 May\n\nMuseums everywhere open their doors. **Join us.** #IMD2026",
        rate_per_second=0,
        batch_size=1000,
    )
    campaign.lists.add(mailing_list)
    progress_file = Path(str(out) + ".progress")
    started = time.perf_counter()
    sending.start_campaign(campaign=campaign)
    received = 0
    peak = 0.0
    while time.perf_counter() - started < timeout:
        time.sleep(0.2)
        peak = max(peak, peak_rss_mb(worker.pid))
        with contextlib.suppress(FileNotFoundError, ValueError):
            received = int(progress_file.read_text() or 0)
        campaign.refresh_from_db()
        if received >= count and campaign.status == "sent":
            break
    elapsed = time.perf_counter() - started
    peak = max(peak, peak_rss_mb(worker.pid))
    worker.send_signal(signal.SIGTERM)
    worker.wait(30)
    sink.send_signal(signal.SIGTERM)
    sink.wait(30)
    result = json.loads(out.read_text())
    counts = result["counts"]
    expected = {f"subscriber{n:06d}@bench.example" for n in range(count)}
    progress = sending.progress(campaign)
    return {
        "elapsed": elapsed,
        "received": sum(counts.values()),
        "exactly_once": set(counts) == expected and all(v == 1 for v in counts.values()),
        "duplicates": sum(v - 1 for v in counts.values() if v > 1),
        "missing": len(expected - set(counts)),
        "missing_headers": result["missing_headers"],
        "peak_mb": peak,
        "status": campaign.status,
        "deliveries_sent": progress[DeliveryStatus.SENT],
        "deliveries_other": {k: v for k, v in progress.items() if k != "sent" and v},
    }


def seed_posts(count: int) -> list[str]:
    from django.db import transaction

    from museion.museumday.models import Edition
    from museion.news.markdown import render_markdown
    from museion.news.models import Hashtag, Post

    Edition.objects.create(year=2026, date=datetime(2026, 5, 18).date(), theme="Museums")
    body = (
        "## What happened\n\nThe network met in **Prague** to talk about the power of museums. "
        "#ICOMPrague2022 #Museums\n\n- Keynotes\n- Workshops\n\n[ICOM](https://icom.museum)\n"
    )
    html = render_markdown(body).html
    start = datetime(2020, 1, 1, tzinfo=UTC)
    with transaction.atomic():
        posts = Post.objects.bulk_create(
            [
                Post(
                    title=f"News item {n}",
                    slug=f"news-item-{n}",
                    summary="The network met in Prague.",
                    body=body,
                    body_html=html,
                    language="en",
                    publish_at=start + timedelta(hours=n),
                )
                for n in range(count)
            ],
            batch_size=2000,
        )
        tags = Hashtag.objects.bulk_create(
            [
                Hashtag(name="ICOMPrague2022", slug="icomprague2022"),
                Hashtag(name="Museums", slug="museums"),
            ]
        )
        through = Post.hashtags.through
        through.objects.bulk_create(
            [through(post_id=p.pk, hashtag_id=t.pk) for p in posts for t in tags], batch_size=5000
        )
    return [post.get_absolute_url() for post in posts]


def measure(client, paths: list[str], requests: int) -> tuple[float, float]:
    timings = []
    for i in range(requests):
        path = paths[i % len(paths)]
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return p50_p95(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="museion-bench-newsletter-"))
    env = prepare_environment(tmp, free_port())
    if env["DATABASE_URL"].startswith("postgres"):
        reset_postgres(env["DATABASE_URL"])
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}; work directory: {tmp}")

    started = time.perf_counter()
    mailing_list = seed_subscribers(args.subscribers)
    seconds = time.perf_counter() - started
    print(f"seeded {args.subscribers:,} confirmed subscribers in {seconds:.1f} s")
    result = send_campaign(mailing_list, env, tmp, args.subscribers, args.timeout)
    rate = result["received"] / result["elapsed"]
    r = result
    print(f"campaign: {r['received']:,} messages received by the SMTP sink in {r['elapsed']:.1f} s")
    print(f"  end to end: {rate:,.0f} messages/s (target >= 500)")
    print(f"  worker peak memory (VmHWM): {r['peak_mb']:.0f} MB")
    print(
        f"  every subscriber exactly once: {r['exactly_once']} "
        f"(missing {r['missing']}, duplicates {r['duplicates']})"
    )
    print(f"  messages without RFC 8058 / RFC 2919 headers: {r['missing_headers']}")
    print(
        f"  campaign status: {r['status']}; deliveries sent: {r['deliveries_sent']:,}; "
        f"others: {r['deliveries_other']}"
    )

    started = time.perf_counter()
    urls = seed_posts(args.posts)
    print(f"seeded {args.posts:,} posts in {time.perf_counter() - started:.1f} s")
    from django.test import Client

    client = Client()
    random.seed(1)
    post_paths = random.sample(urls, min(len(urls), args.requests))
    client.get("/")  # the first request builds the cache, like the first visitor after a change
    home = measure(client, ["/"], args.requests)
    posts = measure(client, post_paths, args.requests)
    last_page = max(1, args.posts // 10)
    news = measure(client, ["/news/", f"/news/?page={last_page}"], args.requests)
    for name, (p50, p95) in (("home page", home), ("post page", posts), ("news list", news)):
        print(f"{name}: p50 {p50:.1f} ms, p95 {p95:.1f} ms (target p95 < 50 ms)")
    ok = result["exactly_once"] and rate >= 500 and max(home[1], posts[1]) < 50
    print("all targets met" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
