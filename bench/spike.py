#!/usr/bin/env python
"""The Museum Day spike: requests per second of the public pages, side by side with yardsticks.

For each page (home, activity list plain / filtered / full text, an activity, the world map
answer, the API, the conference programme) it measures, in one run and interleaved so that all
columns share the machine's load:

- Museion alone: gunicorn, 1 sync worker, DEBUG=0, local-memory cache, warm;
- a bare Django view serving the same bytes (bench/spike_bare.py, 1 sync worker);
- nginx serving the same bytes as static files (started here);
- with `make prod` available: the same pages through it (nginx microcache in front of the app,
  PostgreSQL and Redis).

Load: wrk -t1 -c16 for --seconds per cell; --runs repeats everything and reports medians.
Targets: app alone >= 40 % of the bare view (>= 10 % for full-text search); through make prod
>= 50 % of nginx static.

Data: 40,000 museums, 100,000 activities (`generate_scale_data`, built once and reused) and the
demo conference, in the PostgreSQL database of --database-url (default museion_bench), or in
SQLite (`--database-url sqlite:///…`; make prod is then skipped: it needs PostgreSQL).

    .venv/bin/python bench/spike.py [--database-url postgres://…/museion_bench]
        [--redis-url redis://127.0.0.1:6379/0] [--seconds 5] [--runs 3] [--port-base 0]
        [--no-prod]
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from common import free_port
from museumday import environment, measure_in_process, parse_wrk, wait_until_up

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
BIN = Path(PY).parent
SEARCH = "list, full text"
TARGET_APP, TARGET_SEARCH, TARGET_PROD = 0.40, 0.10, 0.50


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def get(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 - loopback only
        return response.read(), response.headers.get("Content-Type", "")


def pages(base: str) -> list[tuple[str, str]]:
    """(name, URI) of the measured pages; the activity and the programme found on the site."""
    api = json.loads(get(base + "/api/v1/activities?country=FR")[0])
    activity = api["results"][0]["url"].split("://", 1)[-1].split("/", 1)[1]
    return [
        ("home", "/"),
        ("list", "/museum-day/activities/"),
        ("list, filtered", "/museum-day/activities/?country=FR&category=workshop"),
        (SEARCH, "/museum-day/activities/?q=museum"),
        ("activity", "/" + activity),
        ("map answer, world", "/museum-day/map.geojson?zoom=2"),
        ("API, country", "/api/v1/activities?country=FR"),
        ("programme", "/conference/general-conference-demo/"),
    ]


class Ports:
    def __init__(self, base: int):
        self.next = base

    def take(self) -> int:
        if not self.next:
            return free_port()
        self.next += 1
        return self.next - 1


def start(command: list[str], env: dict, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True, **kwargs)


def stop(process: subprocess.Popen, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def gunicorn(app: str, port: int, env: dict) -> subprocess.Popen:
    command = [str(BIN / "gunicorn"), app, "-w", "1", "-k", "sync", "-b", f"127.0.0.1:{port}"]
    return start([*command, "--log-level", "warning"], env)


def nginx_static(folder: Path, port: int, files: dict[str, str]) -> subprocess.Popen:
    """nginx (workers as in make prod: one per core) serving each URI from its file."""
    entries = "\n".join(f'    "{uri}" /{name};' for uri, name in files.items())
    temp = folder / "tmp"
    temp.mkdir(exist_ok=True)
    user = "user root root;\n" if os.geteuid() == 0 else ""
    config = folder / "nginx.conf"
    config.write_text(
        f"""{user}worker_processes auto;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on;
  keepalive_requests 1000000;
  map_hash_bucket_size 256;
  client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp};
  uwsgi_temp_path {temp}; scgi_temp_path {temp};
  types {{ text/html html; application/json json; application/geo+json geojson; }}
  map $request_uri $spike_file {{
    default /missing;
{entries}
  }}
  server {{
    listen 127.0.0.1:{port};
    root {folder}/files;
    location / {{ try_files $spike_file =404; }}
  }}
}}
"""
    )
    return start(["nginx", "-c", str(config), "-p", str(folder)], os.environ.copy())


def wrk(url: str, args) -> float | None:
    command = ["wrk", "-t1", f"-c{args.connections}", f"-d{args.seconds}s", "--latency", url]
    done = subprocess.run(command, capture_output=True, text=True)
    figures = parse_wrk(done.stdout)
    if figures["errors"] or figures["socket_errors"]:
        log(f"    {url}: {figures['errors']} non-2xx answers or socket errors")
    return figures["rps"]


def prepare_data(env: dict, args) -> None:
    scale = argparse.Namespace(
        museums=args.museums, activities=args.activities, seed=args.seed, requests=0, only=""
    )
    measure_in_process(env, scale, prepare=True)
    subprocess.run(
        [PY, "manage.py", "load_conference_demo"], env=env, cwd=ROOT, check=True, timeout=600
    )


def prod_available() -> bool:
    makefile = (ROOT / "Makefile").read_text()
    return "\nprod:" in makefile and shutil.which("nginx") is not None


def start_prod(args, ports: Ports) -> tuple[subprocess.Popen, str]:
    port, app_port = ports.take(), ports.take()
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        PROD_PORT=str(port),
        PROD_APP_PORT=str(app_port),
        MUSEION_INSECURE_HTTP="1",
        SECRET_KEY="spike-bench-only-" + "p" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"http://127.0.0.1:{port}",
        DEBUG="0",
    )
    log_file = open(Path(args.out) / "make-prod.log", "w")  # noqa: SIM115 - lives with the stack
    process = start(["make", "--no-print-directory", "prod"], env, stdout=log_file, stderr=log_file)
    base = f"http://127.0.0.1:{port}"
    wait_until_up(base + "/", seconds=300)
    return process, base


def measure(args) -> None:
    ports = Ports(args.port_base)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    env = environment(args.database_url)
    env["MUSEION_DEMO"] = "1"
    log("preparing the data (built once, then reused)…")
    prepare_data(env, args)

    folder = Path(tempfile.mkdtemp(prefix="spike-", dir=out))
    (folder / "files").mkdir()
    app_port = ports.take()
    app = gunicorn("museion.wsgi", app_port, env)
    processes = [app]
    try:
        app_base = f"http://127.0.0.1:{app_port}"
        wait_until_up(app_base + "/", seconds=120)
        if app.poll() is not None:
            raise SystemExit(f"gunicorn stopped ({app.returncode}): is port {app_port} taken?")
        measured = pages(app_base)
        manifest, files = {}, {}
        for number, (_name, uri) in enumerate(measured):
            body, content_type = get(app_base + uri)
            extension = {"text/html": "html", "application/geo+json": "geojson"}.get(
                content_type.split(";")[0], "json"
            )
            path = folder / "files" / f"{number}.{extension}"
            path.write_bytes(body)
            manifest[uri] = [content_type, str(path)]
            files[uri] = path.name
        (folder / "manifest.json").write_text(json.dumps(manifest))

        bare_env = {**os.environ, "SPIKE_MANIFEST": str(folder / "manifest.json")}
        bare_env["PYTHONPATH"] = str(ROOT / "bench")
        bare_port, static_port = ports.take(), ports.take()
        processes.append(gunicorn("spike_bare:application", bare_port, bare_env))
        processes.append(nginx_static(folder, static_port, files))
        columns = {
            "app": app_base,
            "bare": f"http://127.0.0.1:{bare_port}",
            "static": f"http://127.0.0.1:{static_port}",
        }
        if args.prod and args.database_url.startswith("postgres"):
            log("starting make prod…")
            prod, prod_base = start_prod(args, ports)
            processes.append(prod)
            columns["prod"] = prod_base
        elif args.prod:
            log("make prod needs PostgreSQL: its column is skipped")
        for process in processes:
            if process.poll() is not None:
                raise SystemExit(f"{' '.join(process.args)} stopped ({process.returncode})")
        for base in columns.values():
            wait_until_up(base + "/", seconds=120)
        for base in columns.values():  # warm: templates compiled, caches filled
            for _name, uri in measured:
                for _ in range(3):
                    get(base + uri)

        results = {name: {column: [] for column in columns} for name, _uri in measured}
        load_before = os.getloadavg()[0]
        for run in range(args.runs):
            log(f"run {run + 1} of {args.runs}…")
            for name, uri in measured:
                for column, base in columns.items():
                    results[name][column].append(wrk(base + uri, args))
        show(measured, results, columns, args, load_before)
    finally:
        for process in reversed(processes):
            stop(process, signal.SIGINT if process.args[0] == "make" else signal.SIGTERM)


def median(values: list) -> float | None:
    found = [v for v in values if v is not None]
    return statistics.median(found) if found else None


def show(measured, results, columns, args, load_before: float) -> None:
    prod = "prod" in columns
    print(
        f"\nSpike: {args.museums:,} museums, {args.activities:,} activities; wrk -t1 "
        f"-c{args.connections}, {args.seconds} s a cell, median of {args.runs} run(s); req/s"
    )
    head = f"{'page':<20}{'Museion':>9}{'bare':>9}{'nginx':>10}{'app/bare':>10}{'target':>8}"
    if prod:
        head += f"{'make prod':>11}{'prod/nginx':>12}{'target':>8}"
    print(head)
    for name, uri in measured:
        app, bare, static = (median(results[name][c]) for c in ("app", "bare", "static"))
        target = TARGET_SEARCH if name == SEARCH else TARGET_APP
        ratio = app / bare if app and bare else 0
        line = f"{name:<20}{app or 0:>9,.0f}{bare or 0:>9,.0f}{static or 0:>10,.0f}"
        line += f"{ratio:>9.0%} {'ok' if ratio >= target else 'LOW':>7}"
        if prod:
            through = median(results[name]["prod"])
            share = through / static if through and static else 0
            mark = "ok" if share >= TARGET_PROD else "LOW"
            line += f"{through or 0:>11,.0f}{share:>11.0%} {mark:>7}"
        print(f"{line}    {uri}")
    print(
        f"Targets: app alone >= {TARGET_APP:.0%} of the bare view ({TARGET_SEARCH:.0%} for full "
        f"text); make prod >= {TARGET_PROD:.0%} of nginx static."
    )
    print(f"Load average (1 min) before: {load_before:.1f}, after: {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/museion_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--museums", type=int, default=40_000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port-base", type=int, default=0, help="0: any free ports")
    parser.add_argument("--no-prod", dest="prod", action="store_false")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out"))
    args = parser.parse_args()
    args.prod = args.prod and prod_available()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            raise SystemExit(f"{tool} is needed: apt-get install {tool}")
    measure(args)


if __name__ == "__main__":
    main()
