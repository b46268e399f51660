#!/usr/bin/env python
"""The deadline rush: 1,000 museum editors register an activity in the last 2 minutes.

1. Prepares the PostgreSQL database of --database-url (default museion_rush_bench, created if
   missing): the scale data set (40,000 museums, 100,000 activities; built once, then reused)
   and --editors accounts, each the editor of a different museum (bench/rush_prepare.py).
2. Starts the production stack exactly as `make prod` does (deploy/local_stack.py: nginx with
   its microcache in front of gunicorn, the task workers and timers, DEBUG=0) on that database
   and --redis-url, and waits until it answers (or uses the one at --url).
3. Sends the editors in over --seconds, more and more of them towards the deadline (arrivals
   rise linearly to --ramp times the first rate). Each one, as a browser does it through nginx
   (bench/rush_editor.py): opens the login page, logs in with the form (CSRF token and all),
   lands on the dashboard, opens the new-activity form of their museum, fills it in with a title
   of their own and presses "Save and submit for moderation", and lands on the dashboard again.
4. Checks the database: an activity acknowledged by the site (its redirect to the dashboard)
   but missing, or not submitted, is LOST; a title found twice is a duplicate.

Prints editors, submissions, errors by kind, LOST and duplicates, latency per step (login:
login page + POST + dashboard; form; submit: POST + dashboard) and per request (p50, p95, p99,
max), throughput, the CPU seconds spent by this load generator and by the stack's processes
(PostgreSQL and Redis aside) during the rush, and the load average, and ok/FAIL against the
targets: 0 errors, 0 lost, p95 < 300 ms for the submit step and over all requests. The arrival
rate at the deadline (12.5 editors a second by default) times the stack's CPU per editor is
the share of the cores the stack needs then: read p95 next to the load average before the run.

Client addresses: the login form is rate-limited per client address (LOGIN_RATE, 10 a
minute), which nginx passes on as X-Real-IP ($remote_addr; RATELIMIT_IP_META_KEY). A thousand
people behind one address would be refused, as they would be in production, so each simulated
editor connects from an address of its own: the whole 127.0.0.0/8 block is the loopback on
Linux, so editor n connects from 127.1.x.y. Nothing in the product is changed or bypassed:
nginx sees a thousand clients and each stays under the limit.

    .venv/bin/python bench/rush.py [--database-url postgres://…/museion_rush_bench]
        [--redis-url redis://127.0.0.1:6379/0] [--editors 1000] [--seconds 120] [--ramp 3]
        [--settle 75] [--port-base 0] [--url http://127.0.0.1:8080]
"""

import argparse
import json
import math
import os
import random
import resource
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

from common import percentile
from museumday import environment
from rush_editor import STEPS, submit_activity
from spike import Ports, start_prod, stop

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
TARGET_P95_MS = 300
WARM_UP = 20


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def ensure_database(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True, connect_timeout=3) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def django_side(env: dict, *arguments: str) -> dict:
    command = [PY, str(ROOT / "bench" / "rush_prepare.py"), *arguments]
    done = subprocess.run(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    if done.returncode:
        raise SystemExit(f"rush_prepare.py {arguments[0]} failed ({done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def arrivals(count: int, seconds: float, ramp: float) -> list[float]:
    """When each editor arrives: a rate rising linearly from r to ramp × r, spread evenly."""
    a = (ramp - 1) / 2
    times = []
    for number in range(count):
        share = (number + 0.5) / count
        x = share if a == 0 else (-1 + math.sqrt(1 + 4 * a * share * (1 + a))) / (2 * a)
        times.append(x * seconds)
    return times


def source_address(number: int) -> str:
    return f"127.1.{number // 250}.{number % 250 + 1}"


def activity_for(plan: dict, title: str) -> dict[str, str]:
    day = plan["day"]
    return {
        "edition": str(plan["edition"]),
        "title": title,
        "description": "A workshop registered in the last minutes before the deadline.",
        "category": "workshop",
        "attendance_mode": "offline",
        "starts_local": f"{day}T10:00",
        "ends_local": f"{day}T12:00",
        "is_free": "on",
        "accessibility_notes": "Step-free access through the garden entrance.",
    }


def rush(base: str, plan: dict, args, prefix: str) -> dict:
    editors = list(enumerate(plan["editors"]))
    random.Random(args.seed).shuffle(editors)
    visits, threads = [], []
    load = {"max": os.getloadavg()[0]}
    running = threading.Event()
    running.set()

    def sample_load():
        while running.is_set():
            load["max"] = max(load["max"], os.getloadavg()[0])
            time.sleep(1)

    def visit(number: int, username: str, slug: str):
        visits.append(
            submit_activity(
                base,
                username=username,
                password=plan["password"],
                museum_slug=slug,
                activity=activity_for(plan, f"{prefix}{username}"),
                source=source_address(number),
                timeout=args.timeout,
            )
        )

    sampler = threading.Thread(target=sample_load, daemon=True)
    sampler.start()
    started = time.monotonic()
    schedule = arrivals(len(editors), args.seconds, args.ramp)
    for at, (number, (username, slug)) in zip(schedule, editors, strict=True):
        time.sleep(max(0.0, started + at - time.monotonic()))
        thread = threading.Thread(target=visit, args=(number, username, slug), daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join(timeout=max(1.0, args.timeout * 8))
    elapsed = time.monotonic() - started
    running.clear()
    return {"visits": visits, "elapsed": elapsed, "load_max": load["max"]}


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def tree_cpu(root: int) -> float:
    """CPU seconds of a process and all its descendants, those they have waited for included."""
    parents, spent = {}, {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry)] = int(fields[1])
            spent[int(entry)] = sum(int(value) for value in fields[11:15])
    tree, grown = {root}, True
    while grown:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grown = bool(found)
    return sum(spent.get(pid, 0) for pid in tree) / os.sysconf("SC_CLK_TCK")


def job_processes(root: int) -> list[str]:
    """The periodic commands (`manage.py …`) the stack under `root` is running now."""
    running = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != root:
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    argv = cmdline.read().split(b"\0")
            except OSError:
                continue
            if any(arg.endswith(b"manage.py") for arg in argv) and b"db_worker" not in argv:
                running.append(b" ".join(argv[-2:]).decode(errors="replace"))
    return running


def settle(stack: subprocess.Popen, seconds: float) -> None:
    """Wait out the stack's start-up: `make prod` runs every periodic command once within its
    first minute (each a Python process of about 1.5 CPU-seconds), which a server at a deadline,
    up for days with its timers spread out, does not. The every-minute ones still run during
    the rush, as they do in production."""
    if seconds <= 0:
        return
    log(f"letting the stack's start-up jobs run ({seconds:g} s)…")
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline or job_processes(stack.pid):
        if time.monotonic() > deadline + 60:
            break
        time.sleep(1)


def warm_up(base: str) -> None:
    """Every worker has rendered a page once (templates compiled, connections open)."""
    for _ in range(WARM_UP):
        with urllib.request.urlopen(base + "/accounts/login/", timeout=30) as response:  # noqa: S310
            response.read()


def latency_rows(visits) -> list[tuple[str, list[float]]]:
    steps: dict[str, list[float]] = {"login": [], "form": [], "submit": []}
    requests: dict[str, list[float]] = {name: [] for name in STEPS}
    for visit in visits:
        totals: dict[str, float] = {}
        for name, seconds, _status in visit.timings:
            requests[name].append(seconds)
            totals[STEPS[name]] = totals.get(STEPS[name], 0.0) + seconds
        for step, seconds in totals.items():
            steps[step].append(seconds)
    overall = [seconds for values in requests.values() for seconds in values]
    return (
        [(f"step: {name}", values) for name, values in steps.items()]
        + [(f"request: {name}", values) for name, values in requests.items()]
        + [("overall (every request)", overall)]
    )


def report(args, plan, result, found, load_before: float, prod: bool) -> bool:
    visits = result["visits"]
    acknowledged = [v for v in visits if v.acknowledged]
    errors = Counter(f"{v.error.request}: {v.error.kind}" for v in visits if v.error)
    lost = [v.title for v in acknowledged if "submitted" not in found.get(v.title, [])]
    duplicates = [title for title, statuses in found.items() if len(statuses) > 1]
    unacknowledged_saved = [v.title for v in visits if not v.acknowledged and v.title in found]
    requests = sum(len(v.timings) for v in visits)
    rows = latency_rows(visits)
    p95 = {name: percentile(values, 0.95) * 1000 if values else math.inf for name, values in rows}

    print()
    where = (
        "make prod (nginx → gunicorn, PostgreSQL, Redis)" if prod else f"the stack at {args.url}"
    )
    print(
        f"Deadline rush: {len(plan['editors']):,} editors over {args.seconds} s, arrivals rising "
        f"{args.ramp:g}× towards the deadline, against {where}"
    )
    workers = os.environ.get("WEB_CONCURRENCY", "default")
    print(f"gunicorn workers: {workers}; threads: {os.environ.get('GUNICORN_THREADS', 'default')}")
    print(f"editors               {len(visits):>7,}")
    print(f"submissions (acked)   {len(acknowledged):>7,}")
    print(f"errors                {sum(errors.values()):>7,}")
    for kind, count in errors.most_common():
        print(f"    {kind:<40}{count:>7,}")
    print(f"LOST                  {len(lost):>7,}")
    print(f"duplicates            {len(duplicates):>7,}")
    print(f"saved, not acked      {len(unacknowledged_saved):>7,}  (the answer never came back)")
    print()
    print(f"{'latency, ms':<32}{'count':>7}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}")
    for name, values in rows:
        if not values:
            print(f"{name:<32}{0:>7}")
            continue
        cells = [percentile(values, share) * 1000 for share in (0.50, 0.95, 0.99)]
        cells.append(max(values) * 1000)
        print(f"{name:<32}{len(values):>7,}" + "".join(f"{cell:>8.0f}" for cell in cells))
    elapsed = result["elapsed"]
    print()
    print(
        f"throughput: {len(acknowledged) / elapsed:.1f} submissions/s, {requests / elapsed:.1f} "
        f"requests/s over {elapsed:.0f} s"
    )
    editors = max(1, len(visits))
    cpu = f"CPU: this load generator {result['client_cpu']:.0f} s"
    cpu += f" ({result['client_cpu'] / editors * 1000:.0f} ms an editor)"
    if result["stack_cpu"] is not None:
        cpu += f"; make prod (nginx, gunicorn, workers, timers) {result['stack_cpu']:.0f} s"
        cpu += f" ({result['stack_cpu'] / editors * 1000:.0f} ms an editor); PostgreSQL and"
        cpu += " Redis not counted"
    print(cpu)
    print(
        f"load average (1 min): before {load_before:.2f}, highest during {result['load_max']:.2f}"
        f", after {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)"
    )
    checks = [
        ("0 errors", not errors),
        ("0 lost, 0 duplicates", not lost and not duplicates),
        ("every editor acknowledged", len(acknowledged) == len(plan["editors"])),
        (f"p95 submit step < {TARGET_P95_MS} ms", p95["step: submit"] < TARGET_P95_MS),
        (f"p95 overall < {TARGET_P95_MS} ms", p95["overall (every request)"] < TARGET_P95_MS),
    ]
    for name, passed in checks:
        print(f"  {'ok' if passed else 'FAIL':<5}{name}")
    return all(passed for _name, passed in checks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/museion_rush_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--editors", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--ramp", type=float, default=3.0, help="last rate / first rate")
    parser.add_argument(
        "--settle",
        type=float,
        default=75,
        help="seconds to let make prod's start-up jobs run before the rush (0: start at once)",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="per request, seconds")
    parser.add_argument("--museums", type=int, default=40_000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--port-base", type=int, default=0, help="0: any free ports")
    parser.add_argument("--url", help="an already running stack on the same database")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out"))
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        raise SystemExit("the rush runs against make prod, i.e. on PostgreSQL")
    Path(args.out).mkdir(parents=True, exist_ok=True)

    ensure_database(args.database_url)
    env = environment(args.database_url)
    env["MUSEION_DEMO"] = "1"
    log("preparing the database (scale data built once, then reused)…")
    plan = django_side(
        env, "prepare", f"--editors={args.editors}", f"--museums={args.museums}",
        f"--activities={args.activities}", f"--seed={args.seed}",
    )  # fmt: skip
    prefix = time.strftime("Rush %Y%m%d-%H%M%S ")
    stack = None
    try:
        if args.url:
            base = args.url.rstrip("/")
        else:
            log("starting make prod…")
            stack, base = start_prod(args, Ports(args.port_base))
            settle(stack, args.settle)
        warm_up(base)
        load_before = os.getloadavg()[0]
        client_before = cpu_seconds(resource.RUSAGE_SELF)
        stack_before = tree_cpu(stack.pid) if stack else 0.0
        log(f"{len(plan['editors'])} editors over {args.seconds:g} s…")
        result = rush(base, plan, args, prefix)
        result["client_cpu"] = cpu_seconds(resource.RUSAGE_SELF) - client_before
        result["stack_cpu"] = tree_cpu(stack.pid) - stack_before if stack else None
    finally:
        if stack is not None:
            stop(stack, signal.SIGINT)
    found = django_side(env, "check", f"--prefix={prefix}")
    passed = report(args, plan, result, found, load_before, prod=stack is not None)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
