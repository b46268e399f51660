"""deploy/: systemd units, timers for every periodic command, and what `make prod` reads of them."""

import os
import runpy
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import get_commands

from deploy import local_stack

ROOT = Path(__file__).resolve().parents[2]
# Commands a person runs by hand (imports, exports): no timer. The demo app's commands (demo and
# benchmark data) are not installed in production at all.
ON_DEMAND = {
    "import_museums",
    "store_calendar_events",  # after an import, a new SITE_URL or a release changing events
    "import_subscribers",
    "export_subscribers",
    "process_red_list_pictures",  # pictures loaded by fixtures or scripts; uploads are processed
}


def our_commands() -> set[str]:
    return {
        name
        for name, app in get_commands().items()
        if app.startswith("museion.") and app != "museion.demo"
    }


def test_every_periodic_command_has_a_timer():
    timed = {job.argv[2] for job in local_stack.periodic_jobs()}
    assert our_commands() - ON_DEMAND <= timed, "add a timer in deploy/systemd/ (README there)"
    assert {"conference_housekeeping", "resume_campaigns", "process_bounces"} <= timed


def test_every_timer_runs_a_command_that_exists():
    commands = get_commands()
    for job in local_stack.periodic_jobs():
        assert job.argv[1] == "manage.py", job.name
        assert job.argv[2] in commands, job.name
        assert 60 <= job.every <= 86400, job.name
        assert Path(job.argv[0]).parent == Path(sys.prefix) / "bin"


def test_web_and_both_task_queues_run_as_services():
    services = local_stack.long_running_services()
    assert services["museion-web"][1:] == ["--config", "deploy/gunicorn.conf.py"]
    queues = {
        argv[argv.index("--queue-name") + 1]
        for name, argv in services.items()
        if "db_worker" in argv
    }
    assert queues == {"default", "campaigns"}


@pytest.mark.parametrize(("span", "seconds"), [("5min", 300), ("1h", 3600), ("1d", 86400)])
def test_timer_spans_read_as_systemd_writes_them(span, seconds):
    assert local_stack.seconds(span) == seconds


def test_job_waits_while_its_variable_is_empty():
    argv = ["python", "manage.py", "process_bounces", "${BOUNCE_MAILBOX}"]
    assert local_stack.expand(argv, {}) is None
    assert local_stack.expand(argv, {"BOUNCE_MAILBOX": "/var/mail/bounces"})[-1] == (
        "/var/mail/bounces"
    )


def test_gunicorn_configuration_reads_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:18999")
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert (config["bind"], config["workers"], config["worker_class"]) == (
        "127.0.0.1:18999",
        3,
        "gthread",
    )


def test_local_site_points_at_local_paths(tmp_path):
    site = local_stack.render_site(
        listen="127.0.0.1:18480",
        app="127.0.0.1:18481",
        static_root=tmp_path / "static",
        media_root=tmp_path / "media",
        cache_dir=tmp_path / "cache",
    )
    assert "listen 127.0.0.1:18480;" in site
    assert "server 127.0.0.1:18481;" in site
    assert "/srv/museion" not in site
    assert "/var/cache/nginx" not in site
    assert "listen [::]:80" not in site


def start(env: dict[str, str]) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environment.update(env)
    return subprocess.run(  # noqa: S603 (our interpreter, our script)
        [sys.executable, "deploy/local_stack.py"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_make_prod_refuses_without_a_database():
    done = start({"REDIS_URL": "redis://127.0.0.1:6379/4"})
    assert done.returncode == 2
    assert "DATABASE_URL not set" in done.stderr


def test_make_prod_refuses_without_redis():
    done = start({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/museion"})
    assert done.returncode == 2
    assert "REDIS_URL not set" in done.stderr


def test_make_prod_refuses_sqlite():
    done = start({"DATABASE_URL": "sqlite:///var/x.sqlite3", "REDIS_URL": "redis://h/4"})
    assert done.returncode == 2
    assert "must name a PostgreSQL database" in done.stderr


def test_make_prod_refuses_an_unreachable_database(closed_port):
    done = start(
        {
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port}/museion",
            "REDIS_URL": "redis://127.0.0.1:6379/4",
        }
    )
    assert done.returncode == 2
    assert "PostgreSQL at DATABASE_URL does not answer" in done.stderr


def test_make_prod_refuses_an_unreachable_redis(closed_port):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs a PostgreSQL server that answers (the PostgreSQL run)")
    params = connection.settings_dict
    url = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT']}/postgres"
    done = start({"DATABASE_URL": url, "REDIS_URL": f"redis://127.0.0.1:{closed_port}/4"})
    assert done.returncode == 2
    assert "Redis at REDIS_URL does not answer" in done.stderr
