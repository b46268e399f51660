"""Editors working through the nginx of `make prod`: log in, register and submit an activity.

The same simulated editor as the deadline-rush bench (bench/rush_editor.py: the forms read
from the pages, CSRF token, cookies and the Origin header a browser sends), on a tiny scale.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from bench.rush_editor import Browser, filled, find_form, submit_activity
from museion.museumday.models import Activity, Status
from tests.factories import EditionFactory, MuseumFactory, UserFactory

from .conftest import needs_nginx

pytestmark = [needs_nginx, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-for-tests"  # noqa: S105 - UserFactory's


def test_a_browser_logs_in_through_nginx_on_a_port_of_its_own(front):
    UserFactory(username="editor-ines")
    browser = Browser(f"http://127.0.0.1:{front.port}")
    page = browser.request("login page", "GET", "/accounts/login/")
    form = filled(
        find_form(page.text, "username"), {"username": "editor-ines", "password": PASSWORD}
    )
    answer = browser.request("login", "POST", "/accounts/login/", form, expect=(302, 403))
    browser.close()
    assert answer.status == 302
    assert answer.headers["Location"] == "/museum-day/my/"


def test_a_small_rush_of_editors_loses_no_submission(front):
    edition = EditionFactory(year=2031)
    editors = []
    for number in range(5):
        museum = MuseumFactory()
        museum.editors.add(UserFactory(username=f"rush-{number}"))
        editors.append((f"rush-{number}", museum.slug))

    def visit(number: int):
        username, slug = editors[number]
        activity = {
            "edition": str(edition.pk),
            "title": f"Last-minute workshop {number}",
            "description": "Registered just before the deadline.",
            "category": "workshop",
            "attendance_mode": "offline",
            "starts_local": "2031-05-18T10:00",
            "ends_local": "2031-05-18T12:00",
        }
        return submit_activity(
            f"http://127.0.0.1:{front.port}",
            username=username,
            password=PASSWORD,
            museum_slug=slug,
            activity=activity,
            source=f"127.1.0.{number + 1}",
            timeout=20,
        )

    # All at once on PostgreSQL; the SQLite test database (in memory, shared by the live
    # server's threads) refuses concurrent writers, so there they come one after another.
    at_once = 5 if connection.vendor == "postgresql" else 1
    with ThreadPoolExecutor(max_workers=at_once) as pool:
        visits = list(pool.map(visit, range(5)))

    assert [(v.error, v.acknowledged) for v in visits] == [(None, True)] * 5
    assert [name for name, _seconds, _status in visits[0].timings] == [
        "login page", "login", "dashboard", "form", "submit", "dashboard after submit"
    ]  # fmt: skip
    saved = Activity.objects.filter(title__startswith="Last-minute workshop")
    assert sorted(saved.values_list("title", "status", "museum__slug")) == [
        (f"Last-minute workshop {n}", Status.SUBMITTED, editors[n][1]) for n in range(5)
    ]
