"""/healthz and /readyz for load balancers and uptime monitors.

Answered by the first middleware, before host validation, the HTTPS redirect, sessions or
languages: a balancer asks by address over plain HTTP, many times a minute, and must get a
plain answer whatever the rest of the stack thinks of the request.

- /healthz: the process is up and answering (no I/O at all).
- /readyz: every configured database answers a query and the cache stores and returns a value,
  each within a couple of seconds; 503 otherwise, with the failing part named.
"""

import logging
import time

from django.core.cache import cache
from django.db import connections
from django.http import JsonResponse

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 2


def database_ready(alias: str) -> bool:
    """A fresh connection (not the pooled one), a short connect timeout, one query."""
    wrapper = connections[alias]
    params = wrapper.get_connection_params()
    if wrapper.vendor == "postgresql":
        params["connect_timeout"] = TIMEOUT_SECONDS
        params["options"] = f"-c statement_timeout={TIMEOUT_SECONDS * 1000}"
    elif wrapper.vendor == "sqlite":
        params["timeout"] = TIMEOUT_SECONDS
    raw = wrapper.Database.connect(**params)
    try:
        cursor = raw.cursor()
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1
    finally:
        raw.close()


def cache_ready() -> bool:
    token = str(time.monotonic_ns())
    cache.set("readyz:probe", token, 10)
    return cache.get("readyz:probe") == token


def readiness() -> dict[str, bool]:
    checks = {f"database:{alias}": (database_ready, alias) for alias in connections}
    checks["cache"] = (cache_ready,)
    results = {}
    for name, (check, *args) in checks.items():
        try:
            results[name] = bool(check(*args))
        except Exception:  # any failure means "not ready"; the log says why
            logger.warning("readyz: %s failed", name, exc_info=True)
            results[name] = False
    return results


def _answer(body: dict, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


class HeadWithoutBodyMiddleware:
    """HEAD gets the headers of the GET and no body: servers (gunicorn) warn about, and drop,
    a body sent with HEAD. First in MIDDLEWARE, so it covers every answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming and response.content:
            length = response.get("Content-Length") or str(len(response.content))
            response.content = b""
            response["Content-Length"] = length
        return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return _answer({"status": "ok"}, 200)
        if request.path == "/readyz":
            results = readiness()
            ready = all(results.values())
            body = {"status": "ok" if ready else "unavailable"}
            body.update({name: "ok" if fine else "failed" for name, fine in results.items()})
            return _answer(body, 200 if ready else 503)
        return self.get_response(request)
