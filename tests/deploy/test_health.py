"""/healthz and /readyz, run in a fresh process against databases and caches that are down."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ASK = """
import json, os, sys, time
sys.path.insert(0, "src")
import django
django.setup()
from django.test import Client
started = time.monotonic()
response = Client().get(sys.argv[1], HTTP_HOST="10.0.0.7")
print(json.dumps({"status": response.status_code, "body": json.loads(response.content),
                  "seconds": time.monotonic() - started}))
"""


def ask(path: str, **env: str) -> tuple[int, dict, float]:
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="museion.settings",
        DEBUG="0",
        SECRET_KEY="health-test-" + "x" * 50,
        ALLOWED_HOSTS="museion.example",
        LOG_LEVEL="CRITICAL",
        **env,
    )
    done = subprocess.run(  # noqa: S603 (our own interpreter and script)
        [sys.executable, "-c", ASK, path],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    return answer["status"], answer["body"], answer["seconds"]


@pytest.fixture
def silent_port():
    """A port that accepts connections and never says a word: a hung server."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield listener.getsockname()[1]


@pytest.fixture
def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'ready.sqlite3'}"


def test_healthz_answers_without_a_database(closed_port):
    status, body, _ = ask("/healthz", DATABASE_URL=f"postgres://u@127.0.0.1:{closed_port}/x")
    assert (status, body) == (200, {"status": "ok"})


def test_readyz_is_ok_when_database_and_cache_answer(sqlite_url):
    status, body, _ = ask("/readyz", DATABASE_URL=sqlite_url)
    assert status == 200
    assert body == {"status": "ok", "database:default": "ok", "cache": "ok"}


def test_readyz_fails_when_the_database_refuses(closed_port):
    status, body, _ = ask("/readyz", DATABASE_URL=f"postgres://u@127.0.0.1:{closed_port}/x")
    assert status == 503
    assert body == {"status": "unavailable", "database:default": "failed", "cache": "ok"}


def test_readyz_fails_when_the_sqlite_file_cannot_be_opened(tmp_path):
    url = f"sqlite:///{tmp_path / 'missing-folder' / 'db.sqlite3'}"
    status, body, _ = ask("/readyz", DATABASE_URL=url)
    assert (status, body["database:default"]) == (503, "failed")


def test_readyz_gives_up_quickly_on_a_hung_database(silent_port):
    status, body, seconds = ask("/readyz", DATABASE_URL=f"postgres://u@127.0.0.1:{silent_port}/x")
    assert (status, body["database:default"]) == (503, "failed")
    assert seconds < 8  # a 2-second timeout; without one it would wait for ever


def test_readyz_fails_quickly_on_a_hung_cache(sqlite_url, silent_port):
    status, body, seconds = ask(
        "/readyz", DATABASE_URL=sqlite_url, REDIS_URL=f"redis://127.0.0.1:{silent_port}/4"
    )
    assert status == 503
    assert body == {"status": "unavailable", "database:default": "ok", "cache": "failed"}
    assert seconds < 8  # a 2-second timeout; without one it would wait for ever


def test_health_checks_are_never_cached_and_answer_head(client):
    response = client.head("/readyz")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
