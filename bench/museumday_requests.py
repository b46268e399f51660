"""In-process timings of the public Museum Day endpoints; run by bench/museumday.py.

With --prepare: builds the scale data set in the database of DATABASE_URL unless it is already
there with the same parameters. Without: times each endpoint with Django's test client (the whole
middleware stack, one request at a time) and prints one JSON object on the last line of stdout.
Two processes, so the timed one starts as fresh as a server would.

Each endpoint is timed twice: "warm" as served (the cache kept between requests: list pages
reuse their total, the map and the feed their whole answer) and "cold" (the cache cleared before
each request: the cost of a miss, as after any edit of an activity).
"""

import argparse
import json
import sys
import time

from common import percentile

ENDPOINTS = [
    # (name, url): every one caches something (lists their total; map and feed their body)
    ("list", "/museum-day/activities/"),
    ("list: country + category", "/museum-day/activities/?country=FR&category=workshop"),
    ("list: full text, 2% match", "/museum-day/activities/?q=ceramics"),
    ("list: full text, 75% match", "/museum-day/activities/?q=museum"),
    ("map: world, zoom 2", "/museum-day/map.geojson?zoom=2"),
    ("map: Paris, zoom 11", "/museum-day/map.geojson?zoom=11&bbox=2.15,48.7,2.55,49.0"),
    ("iCal: country + category", "/museum-day/activities.ics?country=FR&category=workshop"),
    ("API: country", "/api/v1/activities?country=DE"),
]
# The impact page of the latest edition that has reports (40,000 museums report on each of three
# editions): its URL is known once the data is there.
IMPACT = "impact page (40,000 reports)"
WORLD_MAP = "/museum-day/map.geojson?zoom=2"
WARM_UP = 5


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_data(args) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from museion.demo.scale import clear_scale_data, generate_scale_data, scale_signature

    call_command("migrate", verbosity=0)
    wanted = {"seed": args.seed, "museums": args.museums, "activities": args.activities}
    found = scale_signature()
    seconds = None
    if found != wanted:
        if found:
            log(f"  replacing the scale data there ({found})")
            clear_scale_data()
        log(f"  generating {args.museums} museums and {args.activities} activities…")
        summary = generate_scale_data(
            museums=args.museums, activities=args.activities, seed=args.seed
        )
        seconds = summary.seconds
        log(f"  generated in {seconds:.0f} s")
    else:
        log("  reusing the scale data already there")
    ensure_impact_data(args)
    if connection.vendor == "postgresql":
        # Autovacuum may be off or behind just after a bulk load: plans need statistics, and
        # index-only scans need the visibility map.
        with connection.cursor() as cursor:
            for table in (
                "museumday_activity",
                "network_museum",
                "museumday_edition",
                "museumday_impactreport",
                "museumday_channelfigure",
            ):
                cursor.execute(f"VACUUM ANALYZE {table}")
    return {"generated_seconds": seconds, "vendor": connection.vendor}


def ensure_impact_data(args) -> None:
    from museion.demo.impact_scale import (
        generate_impact_reports,
        impact_signature,
        reported_editions,
    )
    from museion.demo.scale import scale_museums
    from museion.museumday.models import ImpactReport

    wanted = args.museums * len(reported_editions())
    if impact_signature() == wanted:
        log("  reusing the impact reports already there")
        return
    ImpactReport.objects.filter(museum__in=scale_museums()).delete()
    log(f"  generating {wanted} impact reports…")
    reports, figures, seconds = generate_impact_reports(seed=args.seed)
    log(f"  {reports} reports and {figures} channel figures in {seconds:.0f} s")


def impact_url() -> str:
    from museion.demo.impact_scale import reported_editions

    return f"/museum-day/{reported_editions()[0].year}/impact/"


def time_requests(client, url: str, count: int, *, mode: str = "warm") -> dict:
    """warm: as served; edited: one activity edited before each request (the versioned cache
    keys miss); cold: the whole cache cleared before each request. iCal events stored in the
    database stay in both."""
    from django.core.cache import cache

    from museion.museumday.models import Activity, Status

    edited_ids = list(
        Activity.objects.filter(status=Status.PUBLISHED).values_list("id", flat=True)[:count]
    )

    for _ in range(WARM_UP):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}: {response.content[:300]!r}")
    timings = []
    for number in range(count):
        if mode == "cold":
            cache.clear()
        elif mode == "edited":
            # A real save: its signal bumps Museum Day's content version, as any edit does.
            edited = Activity.objects.get(pk=edited_ids[number % len(edited_ids)])
            edited.save(update_fields=["updated_at"])
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "p50": percentile(timings, 0.50),
        "p95": percentile(timings, 0.95),
        "max": max(timings),
        "n": count,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--museums", type=int, required=True)
    parser.add_argument("--activities", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--cold-requests", type=int, default=30)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--only", default="", help="time only endpoints whose name has this")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    if args.prepare:
        print(json.dumps(ensure_data(args)))
        return
    client = Client()
    result = {"vendor": connection.vendor, "endpoints": {}}
    endpoints = [*ENDPOINTS, (IMPACT, impact_url())]
    for name, url in [(n, u) for n, u in endpoints if args.only in n]:
        figures = {
            "url": url,
            "warm": time_requests(client, url, args.requests),
            "edited": time_requests(client, url, args.cold_requests, mode="edited"),
            "cold": time_requests(client, url, args.cold_requests, mode="cold"),
        }
        result["endpoints"][name] = figures
        warm = figures["warm"]
        log(f"  {name:28} p50 {warm['p50']:6.1f} ms  p95 {warm['p95']:6.1f} ms")
    result["world_map_kb"] = len(client.get(WORLD_MAP).content) / 1024
    result["impact_kb"] = len(client.get(impact_url()).content) / 1024
    print(json.dumps(result))


if __name__ == "__main__":
    main()
