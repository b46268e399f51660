"""Errors are logged as JSON lines carrying the request id; error reports go to SENTRY_DSN."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from museion.core.logging import JsonFormatter, RequestIdFilter

ROOT = Path(__file__).resolve().parents[2]


def broken_view(request):
    raise RuntimeError("the exhibition catalogue is on fire")


def fine_view(request):
    logging.getLogger("museion.test").warning("looked at %s", "the map")
    return HttpResponse("ok")


urlpatterns = [path("broken/", broken_view), path("fine/", fine_view)]


@pytest.fixture
def json_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


@pytest.mark.urls(__name__)
def test_a_crash_is_one_json_line_with_the_request_id(db, json_lines):
    response = Client(raise_request_exception=False).get("/broken/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    (line,) = [line for line in json_lines() if line["level"] == "ERROR"]
    assert line["request_id"] == request_id
    assert (line["logger"], line["method"], line["path"], line["status"]) == (
        "django.request",
        "GET",
        "/broken/",
        500,
    )
    assert "RuntimeError: the exhibition catalogue is on fire" in line["exception"]


@pytest.mark.urls(__name__)
def test_the_id_nginx_gives_is_kept(db, json_lines):
    response = Client().get("/fine/", HTTP_X_REQUEST_ID="0123456789abcdef0123456789abcdef")
    assert response["X-Request-ID"] == "0123456789abcdef0123456789abcdef"
    (line,) = json_lines()
    assert line["message"] == "looked at the map"
    assert line["request_id"] == "0123456789abcdef0123456789abcdef"


def test_a_not_found_line_carries_the_request_id(db, json_lines):
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    (line,) = json_lines()
    assert (line["message"], line["status"]) == ("Not Found: /no-such-page/", 404)
    assert line["request_id"] == response["X-Request-ID"]


@pytest.mark.urls(__name__)
def test_a_malformed_id_is_replaced(db):
    response = Client().get("/fine/", HTTP_X_REQUEST_ID='"><script>')
    assert response["X-Request-ID"] != '"><script>'
    assert len(response["X-Request-ID"]) == 32


def test_lines_outside_a_request_say_so(json_lines):
    logging.getLogger("museion.test").warning("worker started")
    assert json_lines()[0]["request_id"] == "-"


def settings_in_a_fresh_process(**env: str) -> dict:
    script = (
        "import json, sys; sys.path.insert(0, 'src'); import django; django.setup();"
        "import sentry_sdk; from django.conf import settings; client = sentry_sdk.get_client();"
        "print(json.dumps({'active': client.is_active(), 'dsn': client.dsn,"
        " 'pii': client.options['send_default_pii'], 'format': settings.LOG_FORMAT}))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environment.update(
        DJANGO_SETTINGS_MODULE="museion.settings", SECRET_KEY="x" * 60, DEBUG="0", **env
    )
    if "SENTRY_DSN" not in env:
        environment.pop("SENTRY_DSN", None)
    done = subprocess.run(  # noqa: S603 (our interpreter and script)
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_error_reporting_is_off_without_a_dsn():
    answer = settings_in_a_fresh_process()
    assert answer["active"] is False
    assert answer["format"] == "json"


def test_a_dsn_switches_error_reporting_on_without_personal_data():
    answer = settings_in_a_fresh_process(SENTRY_DSN="https://public@errors.museion.example/7")
    assert answer["active"] is True
    assert answer["dsn"] == "https://public@errors.museion.example/7"
    assert answer["pii"] is False
