"""API paths answer errors in JSON, whatever raised them; other paths keep their HTML pages."""

import json

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpResponse
from django.test import RequestFactory
from django_ratelimit.exceptions import Ratelimited

from museion.core.middleware import JsonErrorMiddleware

middleware = JsonErrorMiddleware(lambda request: HttpResponse())


@pytest.mark.parametrize(
    "exception,status,error",
    [
        (Ratelimited(), 429, "too many requests, please wait a minute"),
        (PermissionDenied(), 403, "permission denied"),
        (Http404("no such thing"), 404, "no such thing"),
        (SuspiciousOperation(), 400, "bad request"),
    ],
)
def test_api_exceptions_become_json_errors(exception, status, error):
    request = RequestFactory().get("/api/v1/activities")
    response = middleware.process_exception(request, exception)
    assert response.status_code == status
    assert json.loads(response.content) == {"error": error}


def test_other_paths_are_left_to_django(db):
    request = RequestFactory().get("/museum-day/activities/")
    assert middleware.process_exception(request, Ratelimited()) is None


def test_api_crash_is_a_json_500_and_logged(caplog):
    request = RequestFactory().get("/api/v1/activities")
    response = middleware.process_exception(request, RuntimeError("boom"))
    assert response.status_code == 500
    assert json.loads(response.content) == {"error": "internal error"}
    assert "API error on /api/v1/activities" in caplog.text
