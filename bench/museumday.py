#!/usr/bin/env python
"""International Museum Day at scale: 40,000 museums, 100,000 activities, on SQLite and PostgreSQL.

For each database:
1. builds the scale data set (`manage.py generate_scale_data`), or reuses it: the SQLite file is
   kept under bench/out/ (one per set of parameters); PostgreSQL uses the database museion_bench
   on 127.0.0.1:5432 (created if missing; skipped with a message if the server is unreachable);
2. times the public endpoints in process (Django test client, p50/p95 server time over
   --requests requests after a warm-up; see bench/museumday_requests.py);
3. serves the site with gunicorn (2 workers, DEBUG=0) and loads the list page with wrk from a
   second process for --load-seconds, reporting requests/s.

Targets at 100,000 activities: p95 < 50 ms for each endpoint; world map < 100 KB. The impact
page of the latest edition with reports (every one of the 40,000 museums reports on each of the
three latest editions over, with one to three channel figures): warm p95 < 50 ms, cold < 1 s.

    .venv/bin/python bench/museumday.py [--museums 40000] [--activities 100000] [--seed 42]
        [--databases sqlite,postgresql] [--postgres-database museion_bench] [--requests 100]
        [--load-seconds 10] [--only "impact"] [--no-load]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from common import free_port

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
PY = sys.executable
BIN = Path(PY).parent
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "museion_bench"
TARGET_P95_MS = 50
# What a miss may cost where the answer aggregates every report of an edition.
TARGET_COLD_P95_MS = {"impact page (40,000 reports)": 1000}
TARGET_WORLD_KB = 100
LOAD_PATH = "/museum-day/activities/"


def log(message: str) -> None:
    print(message, flush=True)


def environment(database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    (OUT / "static").mkdir(parents=True, exist_ok=True)
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="museumday_settings",
        PYTHONPATH=os.pathsep.join([str(ROOT / "bench"), str(ROOT / "src")]),
        DEBUG="0",
        SECRET_KEY="bench-only-" + "k" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        MUSEION_INSECURE_HTTP="1",
        MUSEION_VAR_DIR=str(OUT / "var"),
        STATIC_ROOT=str(OUT / "static"),
        LOG_LEVEL="ERROR",
    )
    return env


def postgres_url(database: str = PG_DATABASE) -> str | None:
    """The benchmark database's URL, creating the database if needed; None when unreachable."""
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [database]
            ).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{database}"')
    except psycopg.OperationalError as error:
        log(f"PostgreSQL at {PG_SERVER} is unreachable ({error}); skipping it.")
        return None
    return f"{PG_SERVER}/{database}"


def measure_in_process(env: dict, args, *, prepare: bool = False) -> dict:
    command = [
        PY,
        str(ROOT / "bench" / "museumday_requests.py"),
        f"--museums={args.museums}",
        f"--activities={args.activities}",
        f"--seed={args.seed}",
        f"--requests={args.requests}",
        f"--only={args.only}",
        *(["--prepare"] if prepare else []),
    ]
    done = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode:
        raise SystemExit(f"{command[1]} failed ({done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.3)


def parse_wrk(text: str) -> dict:
    def latency_ms(share: str) -> float | None:
        match = re.search(rf"^\s*{share}%\s+([\d.]+)(us|ms|s)\s*$", text, re.MULTILINE)
        if not match:
            return None
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return {
        "rps": float(rps.group(1)) if rps else None,
        "p50_ms": latency_ms("50"),
        "p99_ms": latency_ms("99"),
        "errors": int(bad.group(1)) if bad else 0,
        "socket_errors": "Socket errors" in text,
    }


def measure_under_load(env: dict, args) -> dict | None:
    wrk = shutil.which("wrk")
    if not wrk:
        log("  wrk is not installed: load test skipped")
        return None
    port = args.port or free_port()
    base = f"http://127.0.0.1:{port}"
    command = [str(BIN / "gunicorn"), "museion.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen([*command, "--log-level", "warning"], env=env, cwd=ROOT)
    try:
        wait_until_up(base + LOAD_PATH)
        for _ in range(20):  # both workers: templates compiled, connections opened
            urllib.request.urlopen(base + LOAD_PATH, timeout=10).read()  # noqa: S310 - loopback
        load = [wrk, "-t2", f"-c{args.connections}", f"-d{args.load_seconds}s", "--latency"]
        done = subprocess.run([*load, base + LOAD_PATH], capture_output=True, text=True)
        return parse_wrk(done.stdout)
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_database(name: str, database_url: str, args) -> dict:
    log(f"== {name} ==")
    env = environment(database_url)
    prepared = measure_in_process(env, args, prepare=True)
    result = measure_in_process(env, args)
    result["generated_seconds"] = prepared["generated_seconds"]
    if args.no_load or args.only:
        result["load"] = None
    else:
        log("  list page under load (gunicorn -w 2 + wrk)…")
        result["load"] = measure_under_load(env, args)
    return result


def show(results: dict, args) -> None:
    names = list(results)
    endpoints = list(next(iter(results.values()))["endpoints"])
    width = 30
    log("")
    log(
        f"International Museum Day benchmark: {args.museums:,} museums, "
        f"{args.activities:,} activities (seed {args.seed}), {args.requests} requests each"
    )
    log("Server time in ms, p50 / p95; target p95 < 50 ms. Warm = as served (list pages reuse")
    log("their cached total, map and feed their cached answer); after an edit = one activity")
    log("edited before each request (cached answers miss, stored iCal events stay); cold = the")
    log("whole cache cleared before each request (as after a restart with the local cache; iCal")
    log("events stay in the database); the impact page's target after an edit and cold is")
    log("p95 < 1 s.")
    log("")
    log(" " * width + "".join(f"{n:>30}" for n in names))
    for endpoint in endpoints:
        for kind in ("warm", "edited", "cold"):
            cells = []
            for name in names:
                figures = results[name]["endpoints"][endpoint].get(kind)
                if figures is None:
                    cells.append("")
                    continue
                target = TARGET_P95_MS
                if kind != "warm":
                    target = TARGET_COLD_P95_MS.get(endpoint, TARGET_P95_MS)
                mark = "ok" if figures["p95"] < target else "SLOW"
                cells.append(f"{figures['p50']:7.1f} / {figures['p95']:7.1f}  {mark:>4}")
            if not any(cells):
                continue
            label = {"warm": endpoint, "edited": "  (after an edit)", "cold": "  (cold)"}[kind]
            log(f"{label:<{width}}" + "".join(f"{c:>30}" for c in cells))
    sizes = [f"{r['world_map_kb']:.1f} KB" for r in results.values()]
    log(f"{'world map size (< 100 KB)':<{width}}" + "".join(f"{s:>30}" for s in sizes))
    sizes = [f"{r['impact_kb']:.1f} KB" for r in results.values()]
    log(f"{'impact page size':<{width}}" + "".join(f"{s:>30}" for s in sizes))
    cells = []
    for result in results.values():
        load = result.get("load")
        if not load or load["rps"] is None:
            cells.append("skipped")
            continue
        note = f", {load['errors']} errors" if load["errors"] or load["socket_errors"] else ""
        cells.append(f"{load['rps']:.0f} req/s (p50 {load['p50_ms']:.0f} ms{note})")
    log(f"{'list under load':<{width}}" + "".join(f"{c:>30}" for c in cells))
    log(
        f"  (wrk {args.load_seconds} s, {args.connections} connections, gunicorn 2 sync workers, "
        "on the same machine)"
    )
    built = [r["generated_seconds"] for r in results.values()]
    cells = ["reused" if s is None else f"{s:.0f} s" for s in built]
    log(f"{'scale data generated in':<{width}}" + "".join(f"{c:>30}" for c in cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--museums", type=int, default=40_000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--postgres-database", default=PG_DATABASE)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--load-seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=0, help="for the load test; 0: any free port")
    parser.add_argument("--only", default="", help="time only endpoints whose name has this")
    parser.add_argument("--no-load", action="store_true", help="skip the wrk load test")
    args = parser.parse_args()

    started, load_before = time.monotonic(), os.getloadavg()[0]
    OUT.mkdir(parents=True, exist_ok=True)
    results = {}
    for database in args.databases.split(","):
        if database == "sqlite":
            path = OUT / f"museumday-{args.museums}-{args.activities}-{args.seed}.sqlite3"
            results["SQLite"] = run_database("SQLite", f"sqlite:///{path}", args)
        elif database == "postgresql":
            url = postgres_url(args.postgres_database)
            if url:
                results["PostgreSQL"] = run_database("PostgreSQL", url, args)
        else:
            raise SystemExit(f"unknown database {database!r}: use sqlite and/or postgresql")
    if results:
        show(results, args)
    log(f"\nTotal time: {time.monotonic() - started:.0f} s")
    # Timings on a shared machine are only as good as its quiet: say how busy it was.
    log(f"Load average (1 min) before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
