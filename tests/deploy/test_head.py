"""Every URL pattern answers HEAD exactly as it answers GET, without a body.

Uptime monitors and link checkers send HEAD; a 405 makes them report the site down. The walk
covers every pattern of the URL configuration (the admin aside), so a new view that forgets
`require_safe` fails here.
"""

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import get_resolver

from .site_walk import dummy_url, real_urls, walk

# Views that only act (POST): they answer 405 to GET and HEAD alike, on purpose.
POST_ONLY = {
    "logout",
    "set_language",
    "newsletter:bounces",
    "newsletter:erase",
    "museumday:submit",
    "museumday:translation_delete",
    "museumday:moderate",
    "museumday:moderate_revision",
    "museumday:moderate_translation",
    "museumday:impact_reminders",
    "conference:participant_action",
    "conference:session_action",
    "conference:forget",
    "redlists:publish",
    "redlists:withdraw",
    "redlists:move",
    "redlists:translate",
    "redlists:add_image",
    "api:redlists_lookup",
}


@pytest.mark.parametrize("visitor", ["anonymous", "staff"])
def test_every_url_pattern_answers_head_like_get(client, demo_site, visitor):
    if visitor == "staff":
        client.force_login(get_user_model().objects.get(username="staff"))
    samples = real_urls()
    seen, wrong = set(), []
    for name, route in walk(get_resolver().url_patterns):
        url = samples.get(name) or dummy_url(route)
        get = client.get(url)
        head = client.head(url)
        seen.add(name)
        if head.status_code != get.status_code or head.content:
            wrong.append((name, url, get.status_code, head.status_code))
        elif get.status_code != 302 and (get.status_code == 405) != (name in POST_ONLY):
            wrong.append((name, url, get.status_code, "POST-only?"))
        elif name in samples and get.status_code != 200:
            wrong.append((name, url, get.status_code, "real object"))
    assert wrong == [], wrong
    assert seen >= POST_ONLY
    assert len(samples) >= 17


def test_head_of_a_page_keeps_the_headers_of_its_get(client, demo_site):
    get = client.get("/museum-day/activities/")
    head = client.head("/museum-day/activities/")
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]


def test_head_answer_has_no_body_but_the_length_of_the_get():
    """What the WSGI server gets (the test client would strip a body by itself)."""
    from django.test import RequestFactory

    from museion.core.health import HeadWithoutBodyMiddleware

    page = HttpResponse(b"<p>a page</p>")
    answer = HeadWithoutBodyMiddleware(lambda request: page)(RequestFactory().head("/"))
    assert answer.content == b""
    assert answer["Content-Length"] == "13"
    get = HeadWithoutBodyMiddleware(lambda request: HttpResponse(b"x"))(RequestFactory().get("/"))
    assert get.content == b"x"
