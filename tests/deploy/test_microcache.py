"""The nginx configuration `make prod` runs (deploy/nginx/museion.conf), in front of the app.

Anonymous pages come from the microcache; a logged-in page, or a page holding a form's CSRF
token, never reaches another visitor. nginx comes from Debian (`make nginx`; .ci/run installs
it); without it these tests are skipped on a developer's machine and fail in CI.
"""

import pytest
from django.test import Client

from tests.factories import UserFactory

from .conftest import needs_nginx

pytestmark = needs_nginx


@pytest.fixture
def session_cookie(transactional_db):
    client = Client()
    client.force_login(UserFactory(username="curator-ada"))
    return {"sessionid": client.cookies["sessionid"].value}


def test_anonymous_page_is_served_from_the_microcache(front):
    first, first_body = front.fetch("/museums/")
    second, second_body = front.fetch("/museums/")
    head, head_body = front.fetch("/museums/", method="HEAD")
    assert (first.status, first.getheader("X-Cache")) == (200, "MISS")
    assert (second.status, second.getheader("X-Cache")) == (200, "HIT")
    assert second_body == first_body
    assert (head.status, head.getheader("X-Cache"), head_body) == (200, "HIT", "")
    assert first.getheader("Set-Cookie") is None


def test_logged_in_page_is_never_served_to_another_visitor(front, session_cookie):
    mine, my_body = front.fetch("/museums/", cookies=session_cookie)
    assert mine.getheader("X-Cache") == "BYPASS"
    assert "Log out" in my_body
    assert "private" in mine.getheader("Cache-Control")
    theirs, their_body = front.fetch("/museums/")
    assert theirs.getheader("X-Cache") == "MISS"
    assert "Log out" not in their_body


def test_logged_in_visitor_never_gets_the_anonymous_copy(front, session_cookie):
    front.fetch("/museums/")
    assert front.fetch("/museums/")[0].getheader("X-Cache") == "HIT"
    mine, my_body = front.fetch("/museums/", cookies=session_cookie)
    assert mine.getheader("X-Cache") == "BYPASS"
    assert "Log out" in my_body


def test_page_with_a_csrf_token_is_never_shared(front):
    first, first_body = front.fetch("/accounts/login/")
    second, second_body = front.fetch("/accounts/login/")
    assert "csrfmiddlewaretoken" in first_body
    assert "csrftoken=" in first.getheader("Set-Cookie")
    assert "private" in first.getheader("Cache-Control")
    assert second.getheader("X-Cache") == "BYPASS"  # never looked up (test_form_pages_…)
    assert "csrftoken=" in second.getheader("Set-Cookie")
    assert first.getheader("Set-Cookie") != second.getheader("Set-Cookie")


def test_form_pages_never_wait_for_the_cache(front):
    # A page that is never stored would make concurrent visitors queue behind the cache lock.
    for _ in range(2):
        answer, body = front.fetch("/accounts/login/")
        assert answer.getheader("X-Cache") == "BYPASS"
        assert "csrfmiddlewaretoken" in body


def test_visitor_with_a_csrf_cookie_is_not_served_from_the_cache(front):
    front.fetch("/museums/")
    answer, _ = front.fetch("/museums/", cookies={"csrftoken": "x" * 32})
    assert answer.getheader("X-Cache") == "BYPASS"


def test_language_preference_never_leaks_to_another_visitor(front):
    french, french_body = front.fetch("/museums/", cookies={"django_language": "fr"})
    plain, plain_body = front.fetch("/museums/")
    assert '<html lang="fr"' in french_body
    assert '<html lang="en"' in plain_body
    assert plain.getheader("X-Cache") == "MISS"


def test_static_files_are_served_by_nginx_itself(front):
    answer, body = front.fetch("/static/probe.txt")
    assert (answer.status, body) == (200, "served by nginx")
    assert answer.getheader("X-Cache") is None
    assert answer.getheader("X-Content-Type-Options") == "nosniff"


def test_health_checks_are_never_cached(front):
    first, _ = front.fetch("/readyz")
    second, _ = front.fetch("/readyz", method="HEAD")
    assert (first.status, second.status) == (200, 200)
    assert first.getheader("X-Cache") is None
    assert second.getheader("Cache-Control") == "no-store"
