"""The database frozen, dropped or gone: the visitor gets the site's 503 page with Retry-After
within the timeout, never a hung request or a bare 500, and the site recovers by itself.
PostgreSQL through a TCP proxy the test pauses and cuts."""

import logging
import time

import pytest
from django.db import close_old_connections, connection
from django.test import Client

from ..dbproxy import Proxy

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="a TCP proxy in front of PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]

TIMEOUT = 1.0


@pytest.fixture
def proxy(settings):
    settings.DATABASE_QUERY_TIMEOUT = TIMEOUT
    proxy = Proxy(connection.settings_dict["HOST"] or "127.0.0.1", connection.settings_dict["PORT"])
    options = connection.settings_dict["OPTIONS"]
    original = connection.settings_dict["HOST"], connection.settings_dict["PORT"], dict(options)
    connection.close()
    connection.settings_dict["HOST"], connection.settings_dict["PORT"] = "127.0.0.1", proxy.port
    options["connect_timeout"] = 1
    yield proxy
    proxy.stop()
    connection.close()
    connection.settings_dict["HOST"], connection.settings_dict["PORT"], saved = original
    options.clear()
    options.update(saved)


def visitor() -> Client:
    return Client(raise_request_exception=False)


def test_frozen_database_answers_503_with_retry_after_within_the_timeout(proxy, caplog):
    client = visitor()
    assert client.get("/museum-day/activities/?q=one").status_code == 200
    proxy.paused.set()
    with caplog.at_level(logging.ERROR, logger="museion.core.views"):
        started = time.monotonic()
        response = client.get("/museum-day/activities/?q=two")
        waited = time.monotonic() - started
        again = client.get("/museum-day/activities/?q=three")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Unavailable for a moment" in response.content.decode()
    assert TIMEOUT <= waited < TIMEOUT + 2
    assert again.status_code == 503
    assert len([r for r in caplog.records if "Database unreachable" in r.message]) <= 1
    proxy.paused.clear()
    close_old_connections()  # as each request ends and starts (the test client skips it)
    assert client.get("/museum-day/activities/?q=four").status_code == 200


def test_api_answers_json_503_when_the_database_is_frozen(proxy):
    client = visitor()
    proxy.paused.set()  # frozen before the first connection: the connect timeout
    started = time.monotonic()
    response = client.get("/api/v1/activities?q=frozen")
    assert time.monotonic() - started < 1 + 2
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "unavailable" in response.json()["error"]


def test_dropped_connection_is_replaced_before_the_next_request_uses_it(proxy):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    proxy.cut()
    time.sleep(0.1)
    close_old_connections()  # what Django does as each request starts
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def test_database_gone_answers_503_not_500(proxy):
    proxy.stop()
    connection.close()
    response = visitor().get("/museum-day/activities/?q=gone")
    assert response.status_code == 503
    assert "Unavailable for a moment" in response.content.decode()
