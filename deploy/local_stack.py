"""`make prod`: the production stack of deploy/ in the foreground, without root or systemd.

The same files as on a server: nginx runs deploy/nginx/museion.conf (only the listen address,
the app server's address and the paths replaced), gunicorn runs deploy/gunicorn.conf.py, and the
task workers and periodic jobs are read from the systemd units in deploy/systemd/ (their
ExecStart, their timers' intervals). Ctrl-C (or SIGTERM) stops every process it started.

Environment: DATABASE_URL (PostgreSQL) and REDIS_URL are required and must answer; PROD_PORT
(nginx, default 8080) and PROD_APP_PORT (gunicorn, default 8081); everything else as in
production (README, "Configuration"), with local defaults printed at start.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
SITE_TEMPLATE = DEPLOY / "nginx" / "museion.conf"
PROXY_HEADERS = DEPLOY / "nginx" / "museion_proxy.conf"
SERVER_VENV_BIN = "/srv/museion/.venv-prod/bin/"
SPAN = re.compile(r"(\d+)\s*(s|sec|min|m|h|d)?$")
SPAN_SECONDS = {None: 1, "s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


class Refused(Exception):
    """The stack cannot start; the message says what to do."""


# --- Configuration read from deploy/ --------------------------------------------------------


def unit_settings(path: Path) -> dict[str, str]:
    settings = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            settings[key.strip()] = value.strip()
    return settings


def seconds(span: str) -> int:
    match = SPAN.match(span.strip())
    if not match:
        raise ValueError(f"not a systemd time span this runner reads: {span!r}")
    return int(match[1]) * SPAN_SECONDS[match[2]]


def local_command(exec_start: str) -> list[str]:
    """A unit's ExecStart with the server's virtualenv replaced by the one running this file."""
    argv = shlex.split(exec_start)
    if argv[0].startswith(SERVER_VENV_BIN):
        argv[0] = str(Path(sys.prefix) / "bin" / argv[0].removeprefix(SERVER_VENV_BIN))
    return argv


@dataclass
class Job:
    """A periodic command: a systemd timer and the service it starts."""

    name: str
    argv: list[str]
    first: int
    every: int
    due: float = 0.0
    process: subprocess.Popen | None = field(default=None, repr=False)


def periodic_jobs() -> list[Job]:
    jobs = []
    for timer in sorted((DEPLOY / "systemd").glob("*.timer")):
        schedule = unit_settings(timer)
        service = unit_settings(timer.with_suffix(".service"))
        jobs.append(
            Job(
                name=timer.stem,
                argv=local_command(service["ExecStart"]),
                first=seconds(schedule["OnBootSec"]),
                every=seconds(schedule["OnUnitActiveSec"]),
            )
        )
    return jobs


def long_running_services() -> dict[str, list[str]]:
    """The web server and the task workers, by unit name."""
    return {
        path.stem: local_command(unit_settings(path)["ExecStart"])
        for path in sorted((DEPLOY / "systemd").glob("*.service"))
        if unit_settings(path).get("Type") == "simple"
    }


def expand(argv: list[str], environ: dict[str, str]) -> list[str] | None:
    """${NAME} from the environment, as systemd does; None when a named variable is empty."""
    expanded = []
    for arg in argv:
        names = re.findall(r"\$\{(\w+)\}", arg)
        if any(not environ.get(name) for name in names):
            return None
        expanded.append(re.sub(r"\$\{(\w+)\}", lambda m: environ[m[1]], arg))
    return expanded


def render_site(
    *, listen: str, app: str, static_root: Path, media_root: Path, cache_dir: Path
) -> str:
    """deploy/nginx/museion.conf with the lines marked "local:" pointed at this machine."""
    text = SITE_TEMPLATE.read_text()
    replacements = [
        ("server 127.0.0.1:8081;", f"server {app};"),
        ("/var/cache/nginx/museion ", f"{cache_dir} "),
        ("listen 80;", f"listen {listen};"),
        ("listen [::]:80;", ""),
        ("alias /srv/museion/static_root/;", f"alias {static_root}/;"),
        ("alias /srv/museion/var/media/;", f"alias {media_root}/;"),
        ("/etc/nginx/museion_proxy.conf", str(PROXY_HEADERS)),
    ]
    for old, new in replacements:
        if old not in text:
            raise Refused(f"{SITE_TEMPLATE} no longer contains {old!r}: update {__file__}")
        text = text.replace(old, new)
    return text


def render_main(*, workdir: Path, site: Path) -> str:
    """The nginx.conf around the site: Debian's defaults, with every path inside workdir."""
    user = "user root root;\n" if os.geteuid() == 0 else ""  # workers may read our files
    temp = "\n".join(
        f"    {kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}worker_processes auto;
pid {workdir / "nginx.pid"};
error_log stderr warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    server_tokens off;
    access_log {os.environ.get("PROD_ACCESS_LOG", "off")};
    gzip on;
{temp}
    include {site};
}}
"""


def find_nginx() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)), None
    )
    if not found:
        raise Refused("nginx is not installed: `sudo apt-get install nginx` (Debian's package).")
    return found


def nginx_command(*, workdir: Path, site_text: str) -> list[str]:
    """Writes the configuration into workdir, checks it, and returns the command that runs it."""
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi", "cache"):
        (workdir / kind).mkdir(parents=True, exist_ok=True)
    site = workdir / "museion.conf"
    site.write_text(site_text)
    main = workdir / "nginx.conf"
    main.write_text(render_main(workdir=workdir, site=site))
    base = [find_nginx(), "-p", str(workdir), "-c", str(main), "-e", "stderr"]
    test = subprocess.run([*base, "-t", "-q"], capture_output=True, text=True)  # noqa: S603
    if test.returncode != 0:
        raise Refused(f"nginx refuses its configuration:\n{test.stderr}")
    return [*base, "-g", "daemon off;"]


# --- Processes ------------------------------------------------------------------------------


def _die_with_parent():  # runs in the child between fork and exec
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG: no orphan if this runner is killed


def spawn(argv: list[str], environ: dict[str, str]) -> subprocess.Popen:
    """A child in its own process group (Ctrl-C reaches only this runner, which then stops the
    children in order) that also dies if this runner is killed outright."""
    return subprocess.Popen(  # noqa: S603
        argv, cwd=ROOT, env=environ, start_new_session=True, preexec_fn=_die_with_parent
    )


def stop(processes: dict[str, subprocess.Popen], grace: float = 15.0) -> None:
    """SIGTERM to every group still running (nginx: SIGQUIT, a graceful stop), then SIGKILL."""
    for name, process in processes.items():
        if process.poll() is None:
            sig = signal.SIGQUIT if name == "nginx" else signal.SIGTERM
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)
    deadline = time.monotonic() + grace
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


# --- Environment ----------------------------------------------------------------------------


def check_variables(environ: dict[str, str]) -> None:
    missing = [name for name in ("DATABASE_URL", "REDIS_URL") if not environ.get(name)]
    if missing:
        raise Refused(
            f"{' and '.join(missing)} not set. `make prod` runs on PostgreSQL and Redis (several"
            " processes share the cache, rate limits and sessions through Redis), e.g.\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/museion"
            " REDIS_URL=redis://127.0.0.1:6379/0 make prod"
        )


def check_database(url: str) -> None:
    if not url.startswith(("postgres://", "postgresql://", "pgsql://")):
        raise Refused(f"DATABASE_URL must name a PostgreSQL database (postgres://…), not {url!r}.")
    import psycopg

    try:
        with psycopg.connect(url.replace("pgsql://", "postgres://", 1), connect_timeout=3) as db:
            db.execute("SELECT 1")
    except psycopg.Error as error:
        raise Refused(f"PostgreSQL at DATABASE_URL does not answer: {error}".strip()) from None


def check_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
    except (redis.RedisError, ValueError) as error:
        raise Refused(f"Redis at REDIS_URL does not answer: {error}") from None


def local_environment(environ: dict[str, str], *, port: int, app_port: int) -> dict[str, str]:
    """Production settings, with local defaults for what a laptop run does not provide."""
    env = dict(environ)
    var_dir = Path(env.get("MUSEION_VAR_DIR", ROOT / "var"))
    defaults = {
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"http://127.0.0.1:{port}",
        # Plain HTTP on the loopback: no TLS in front, so no HTTPS redirect or secure cookies.
        "MUSEION_INSECURE_HTTP": "1",
        "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP",
        "GUNICORN_BIND": f"127.0.0.1:{app_port}",
    }
    for name, value in defaults.items():
        if not env.get(name):
            env[name] = value
            print(f"  {name}={value}  (local default)")
    if not env.get("SECRET_KEY"):
        key_file = var_dir / "prod" / "secret_key"
        key_file.parent.mkdir(parents=True, exist_ok=True)
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)
        env["SECRET_KEY"] = key_file.read_text().strip()
        print(f"  SECRET_KEY from {key_file}  (local default)")
    env["DEBUG"] = "0"
    env.pop("MUSEION_DEMO", None)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def wait_until_ready(url: str, processes: dict[str, subprocess.Popen], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, process in processes.items():
            if process.poll() is not None:
                raise Refused(f"{name} stopped at start (exit code {process.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our loopback)
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise Refused(f"{url} did not answer within {timeout:.0f} seconds.")


def manage(*args: str, environ: dict[str, str]) -> None:
    done = subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environ)  # noqa: S603
    if done.returncode != 0:
        raise Refused(f"manage.py {' '.join(args)} failed (exit code {done.returncode}).")


def run_due_jobs(jobs: list[Job], environ: dict[str, str]) -> None:
    """Starts each job whose time has come, unless its previous run is still going."""
    now = time.monotonic()
    for job in jobs:
        if job.process is not None and job.process.poll() is not None:
            job.process = None
        if job.process is None and now >= job.due:
            job.due = now + job.every
            argv = expand(job.argv, environ)
            if argv is not None:  # else systemd's ExecCondition: nothing to work on yet
                job.process = spawn(argv, environ)


def run() -> int:
    port = int(os.environ.get("PROD_PORT", "8080"))
    app_port = int(os.environ.get("PROD_APP_PORT", "8081"))
    check_variables(os.environ)
    check_database(os.environ["DATABASE_URL"])
    check_redis(os.environ["REDIS_URL"])
    nginx = find_nginx()
    print("Museion production stack (deploy/), settings:")
    env = local_environment(dict(os.environ), port=port, app_port=app_port)
    var_dir = Path(env.get("MUSEION_VAR_DIR", ROOT / "var"))
    static_root = Path(env.get("STATIC_ROOT", ROOT / "static_root"))
    workdir = var_dir / "prod" / "nginx"

    manage("check", "--deploy", "--fail-level", "ERROR", environ=env)
    manage("collectstatic", "--no-input", "--verbosity", "0", environ=env)
    manage("migrate", "--no-input", "--verbosity", "1", environ=env)

    site = render_site(
        listen=f"127.0.0.1:{port}",
        app=f"127.0.0.1:{app_port}",
        static_root=static_root,
        media_root=var_dir / "media",
        cache_dir=workdir / "cache",
    )
    (var_dir / "media").mkdir(parents=True, exist_ok=True)
    commands = {**long_running_services(), "nginx": nginx_command(workdir=workdir, site_text=site)}
    assert commands["nginx"][0] == nginx

    processes: dict[str, subprocess.Popen] = {}
    jobs = periodic_jobs()
    stopping = False

    def on_signal(signum, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        for name, argv in commands.items():
            if name != "nginx":
                processes[name] = spawn(argv, env)
        wait_until_ready(f"http://127.0.0.1:{app_port}/healthz", processes, timeout=60)
        processes["nginx"] = spawn(commands["nginx"], env)
        wait_until_ready(f"http://127.0.0.1:{port}/readyz", processes, timeout=30)
        started = time.monotonic()
        for job in jobs:
            job.due = started + min(job.first, 60)
        print(
            f"\nMuseion at http://127.0.0.1:{port}/ (nginx → gunicorn on 127.0.0.1:{app_port};"
            f" {', '.join(n for n in commands if n != 'nginx')};"
            f" periodic: {', '.join(j.name for j in jobs)}). Ctrl-C stops everything.\n",
            flush=True,
        )
        while not stopping:
            for name, process in processes.items():
                if process.poll() is not None:
                    raise Refused(f"{name} stopped (exit code {process.returncode}).")
            run_due_jobs(jobs, env)
            time.sleep(0.5)
        print("\nStopping…", flush=True)
        return 0
    finally:
        stop(processes | {job.name: job.process for job in jobs if job.process is not None})
        print("Stopped: nginx, gunicorn, the workers and the periodic jobs.", flush=True)


def main() -> int:
    try:
        return run()
    except Refused as refusal:
        print(f"make prod: {refusal}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
