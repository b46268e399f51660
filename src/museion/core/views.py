"""Site-wide views: the rate-limited login, the page shown when a rate limit is hit, and the
error page (a 503 that says to come back when the database cannot be reached)."""

import logging
import sys
import time

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views import defaults
from django_ratelimit.decorators import ratelimit

from .api import json_error

logger = logging.getLogger(__name__)
RETRY_AFTER = "30"  # seconds: long enough for a restart or a failover
LOG_EVERY = 60.0  # seconds: one line per outage and minute, not one per request
_last_logged = {"at": -LOG_EVERY}

# Password guessing: a few tries a minute from one address is plenty for a person.
login = ratelimit(key="ip", rate=settings.LOGIN_RATE, method="POST", block=True)(
    auth_views.LoginView.as_view()
)


def ratelimited(request, exception):
    """RATELIMIT_VIEW: a Ratelimited exception is a 429 with a page that says to wait."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = "60"
    return response


def database_unreachable(error: BaseException | None = None) -> bool:
    """A database that cannot be reached or did not answer (not a bad query of ours)."""
    error = error if error is not None else sys.exc_info()[1]
    return isinstance(error, OperationalError | InterfaceError)


def unavailable(request, error: BaseException | None = None):
    """503 with Retry-After; the outage is logged once a minute at most."""
    now = time.monotonic()
    if now - _last_logged["at"] >= LOG_EVERY:
        _last_logged["at"] = now
        logger.error("Database unreachable, answering 503: %s", error or sys.exc_info()[1])
    if request.path.startswith("/api/"):
        response = json_error("the service is unavailable for a moment, retry later", 503)
    else:
        # No context processors: they might need the database that just failed.
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = RETRY_AFTER
    response["Cache-Control"] = "no-store"
    return response


def server_error(request):
    """handler500: a database outage is a 503 the visitor can wait out; anything else a 500."""
    if database_unreachable():
        return unavailable(request)
    return defaults.server_error(request)
