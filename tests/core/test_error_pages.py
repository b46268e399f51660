"""The error page for a database that cannot be reached: a 503 the visitor can wait out."""

import pytest
from django.db import OperationalError, ProgrammingError
from django.utils import translation

from museion.core.views import server_error


def failing(rf, error: Exception, path="/museum-day/activities/"):
    request = rf.get(path)
    try:
        raise error
    except Exception:
        return server_error(request)


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Unavailable for a moment"), ("fr", "Indisponible pour un instant")],
)
def test_unreachable_database_is_a_503_page_in_the_visitors_language(rf, language, title):
    with translation.override(language):
        response = failing(rf, OperationalError("could not connect to server"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert title in response.content.decode()


def test_api_gets_a_json_503(rf):
    response = failing(rf, OperationalError("timeout"), path="/api/v1/activities")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"


def test_a_bug_in_a_query_stays_a_500(rf):
    response = failing(rf, ProgrammingError("syntax error"))
    assert response.status_code == 500
