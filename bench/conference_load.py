"""Requests per second of the programme pages on 1 gunicorn worker, each beside a bare Django view
serving the same bytes on 1 worker (no middleware, no database): the ratio says how much of the
framework's floor a page keeps. Used by bench/conference.py.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

BARE_SETTINGS = """
SECRET_KEY = "bench-bare-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
ROOT_URLCONF = "bench_bare_urls"
MIDDLEWARE = []
INSTALLED_APPS = []
DATABASES = {}
USE_I18N = False
USE_TZ = True
"""
BARE_URLS = """
import json
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

HERE = Path(__file__).parent
BODIES = {
    name: ((HERE / file).read_bytes(), content_type)
    for name, (file, content_type) in json.loads((HERE / "bare_bodies.json").read_text()).items()
}


def serve(request, name):
    body, content_type = BODIES[name]
    return HttpResponse(body, content_type=content_type)


urlpatterns = [path("<str:name>", serve)]
"""
BARE_WSGI = """
import os

os.environ["DJANGO_SETTINGS_MODULE"] = "bench_bare_settings"
from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
"""


def gunicorn(app: str, port: int, env: dict, cwd: Path, log: Path) -> subprocess.Popen:
    """One sync worker, as in the issue's comparison."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", app, "-b", f"127.0.0.1:{port}", "-w", "1"]
        + ["--log-level", "warning"],
        cwd=cwd,
        env=env,
        stderr=log.open("w"),
    )
    for _ in range(150):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"gunicorn {app} did not start; see {log}")


def worker_cpu(master: subprocess.Popen) -> float:
    """CPU seconds (user + system) used so far by the gunicorn master's worker processes."""
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children").read_text().split()
    total = 0
    for pid in children:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def wrk(url: str, seconds: int, connections: int, server: subprocess.Popen) -> tuple[float, float]:
    """(requests per second, requests per CPU second of the worker): the second figure holds
    on a machine that other work loads. Non-2xx answers make the figures worthless."""
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", url]
    cpu = worker_cpu(server)
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    cpu = worker_cpu(server) - cpu
    if "Non-2xx" in done.stdout:
        raise RuntimeError(f"wrk saw errors on {url}:\n{done.stdout}")
    count = int(re.search(r"(\d+) requests in", done.stdout).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    return rps, count / cpu if cpu else float("nan")


def write_bare_app(tmp: Path, bodies: dict[str, tuple[bytes, str]]) -> None:
    (tmp / "bench_bare_settings.py").write_text(BARE_SETTINGS)
    (tmp / "bench_bare_urls.py").write_text(BARE_URLS)
    (tmp / "bench_bare_wsgi.py").write_text(BARE_WSGI)
    index = {}
    for n, (body, content_type) in enumerate(bodies.values()):
        file = f"bare_body_{n}"
        (tmp / file).write_bytes(body)
        index[f"b{n}"] = (file, content_type)
    (tmp / "bare_bodies.json").write_text(json.dumps(index))


def load_table(pages, *, tmp: Path, root: Path, fetch, measure, ports: tuple, args) -> None:
    """pages: [(label, path)]; fetch(port, path) → (bytes, content type); measure → p50/p95."""
    if not shutil.which("wrk"):
        print("\nwrk is not installed: requests per second not measured")
        return
    app_port, bare_port = ports
    env = dict(os.environ)
    app = gunicorn("museion.wsgi:application", app_port, env, root, tmp / "gunicorn-1.log")
    try:
        bodies, latency = {}, {}
        for label, path in pages:
            for _ in range(3):  # warm: the cache filled, templates compiled
                body, content_type = fetch(app_port, path)
            bodies[label] = (body, content_type)
            latency[label] = measure(app_port, path, args.requests)
        write_bare_app(tmp, bodies)
        bare_env = dict(env, PYTHONPATH=os.pathsep.join([str(tmp), env.get("PYTHONPATH", "")]))
        bare_env.pop("DJANGO_SETTINGS_MODULE", None)
        bare = gunicorn("bench_bare_wsgi:application", bare_port, bare_env, tmp, tmp / "bare.log")
        try:
            print(
                f"\n1 gunicorn sync worker, wrk -t1 -c{args.connections} {args.load_seconds} s; "
                "bare = a Django view with no middleware serving the same bytes"
            )
            print(
                "(req/cpu-s: requests per CPU second of the worker, steadier on a loaded machine)"
            )
            header = ["KB", "req/s", "bare", "ratio", "req/cpu-s", "bare", "ratio", "p50 ms"]
            print(f"{'page':<26}" + "".join(f"{h:>10}" for h in header) + f"{'p95 ms':>10}")
            for n, (label, path) in enumerate(pages):
                app_url = f"http://127.0.0.1:{app_port}{path}"
                rps, per_cpu = wrk(app_url, args.load_seconds, args.connections, app)
                bare_url = f"http://127.0.0.1:{bare_port}/b{n}"
                floor, floor_cpu = wrk(bare_url, args.load_seconds, args.connections, bare)
                m = latency[label]
                cells = [len(bodies[label][0]) / 1024, rps, floor]
                print(
                    f"{label:<26}"
                    + "".join(f"{value:>10.0f}" for value in cells)
                    + f"{rps / floor:>10.1%}{per_cpu:>10.0f}{floor_cpu:>10.0f}"
                    + f"{per_cpu / floor_cpu:>10.1%}{m['p50']:>10.1f}{m['p95']:>10.1f}"
                )
        finally:
            bare.terminate()
            bare.wait(timeout=10)
    finally:
        app.terminate()
        app.wait(timeout=10)
