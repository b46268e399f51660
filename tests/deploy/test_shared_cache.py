"""The headers the views send keep personal pages out of every shared cache.

The same rule as the nginx microcache (test_microcache.py), checked on Django's answers alone:
any cache in front of the site (a CDN) can rely on `Cache-Control: private`.
"""

import re

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import get_resolver, reverse

from deploy.local_stack import SITE_TEMPLATE
from museion.core.shared_cache import PrivatePagesMiddleware

from .site_walk import dummy_url, real_urls, walk


def pages(client):
    samples = real_urls()
    for name, route in walk(get_resolver().url_patterns):
        url = samples.get(name) or dummy_url(route)
        yield name, client.get(url)


def nginx_form_pages() -> list[re.Pattern]:
    """The paths deploy/nginx/museion.conf never looks up in its cache ($museion_form_page)."""
    block = re.search(r"map \$uri \$museion_form_page \{(.*?)\}", SITE_TEMPLATE.read_text(), re.S)
    return [re.compile(line.split()[0][1:]) for line in re.findall(r"~\S+ 1;", block[1])]


def test_every_page_holding_a_csrf_token_is_private(client, demo_site):
    form_pages = nginx_form_pages()
    with_token = []
    for name, response in pages(client):
        if b"csrfmiddlewaretoken" in response.content:
            with_token.append(name)
            assert "private" in response.get("Cache-Control", ""), name
            assert "csrftoken" in response.cookies, name
            # and nginx sends it straight to the app, past the cache and its lock
            path = response.request["PATH_INFO"]
            assert any(pattern.search(path) for pattern in form_pages), (name, path)
    # (the newsletter sign-up form has none: see newsletter.views.subscribe)
    assert {"login", "conference:register"} <= set(with_token)


def test_every_page_seen_by_a_logged_in_person_is_private(client, demo_site):
    client.force_login(get_user_model().objects.get(username="staff"))
    for name, response in pages(client):
        assert "private" in response.get("Cache-Control", "") or "no-store" in response.get(
            "Cache-Control", ""
        ), name


def test_public_pages_carry_no_token_and_set_no_cookie(client, demo_site):
    for path in ("/museums/", "/museum-day/activities/", "/conference/", "/news/"):
        response = client.get(path)
        assert response.status_code == 200
        assert b"csrfmiddlewaretoken" not in response.content, path
        assert response.cookies == {}, path
        assert "private" not in response.get("Cache-Control", ""), path


def test_language_can_change_without_a_csrf_token(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/museums/"})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "fr"


def answer(view_response, **cookies):
    request = RequestFactory().get("/")
    request.COOKIES.update(cookies)
    return PrivatePagesMiddleware(lambda request: view_response)(request)


def test_shared_lifetime_of_a_view_is_dropped_for_a_person():
    view_response = HttpResponse("page")
    view_response["Cache-Control"] = "public, max-age=60, s-maxage=5"
    response = answer(view_response, sessionid="abc")
    assert response["Cache-Control"] == "private"


def test_response_setting_a_cookie_is_private():
    view_response = HttpResponse("page")
    view_response.set_cookie("zone", "Europe/Prague")
    assert answer(view_response)["Cache-Control"] == "private"


def test_view_that_said_no_store_keeps_it():
    view_response = HttpResponse("page")
    view_response["Cache-Control"] = "no-store"
    assert answer(view_response, sessionid="abc")["Cache-Control"] == "no-store"


def test_anonymous_answer_keeps_the_views_cache_control():
    view_response = HttpResponse("page")
    view_response["Cache-Control"] = "public, max-age=60, s-maxage=5"
    assert answer(view_response)["Cache-Control"] == "public, max-age=60, s-maxage=5"
