"""Every URL pattern answers HEAD exactly as it answers GET, without a body.

Uptime monitors and link checkers send HEAD; a 405 makes them report the site down. The walk
covers every pattern of the URL configuration (the admin aside), so a new view that forgets
`require_safe` fails here.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, resolve

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
    "conference:participant_action",
    "conference:session_action",
    "conference:forget",
}
PARAMETER = re.compile(r"<(?:(\w+):)?\w+>")
DUMMY = {"int": "999999", "slug": "no-such-thing", "str": "no-such-thing", "path": "x"}


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if str(pattern.pattern).startswith("admin/"):
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name or ''}", prefix + str(pattern.pattern)


def dummy_url(route: str) -> str:
    """The route with each parameter replaced by a value of its converter's kind."""
    url = PARAMETER.sub(lambda match: DUMMY.get(match[1] or "str", "x"), route)
    return "/" + url.lstrip("^").replace("(?P<path>.*)$", "x")


def real_urls() -> dict[str, str]:
    """One URL to a real, published object for each pattern that names one."""
    from museion.conference.models import Conference, Session, Speaker
    from museion.museumday.models import Edition
    from museion.museumday.queries import public_activities
    from museion.network.models import Museum
    from museion.news.models import Hashtag, Page, Post

    activity = public_activities().first()
    conference = Conference.objects.first()
    urls = [
        Post.objects.published().first().get_absolute_url(),
        Hashtag.objects.first().get_absolute_url(),
        Page.objects.first().get_absolute_url(),
        Edition.objects.first().get_absolute_url(),
        activity.get_absolute_url(),
        f"{activity.get_absolute_url()}calendar.ics",
        f"/api/v1/activities/{activity.pk}",
        Museum.objects.first().get_absolute_url(),
        conference.get_absolute_url(),
        f"{conference.get_absolute_url()}programme.ics",
        f"{conference.get_absolute_url()}programme.json",
        f"{conference.get_absolute_url()}register/",
        Session.objects.filter(conference=conference).first().get_absolute_url(),
        Speaker.objects.first().get_absolute_url(),
        "/news/feed/en/",
    ]
    return {resolve(url).view_name: url for url in urls}


@pytest.fixture
def demo_site(db):
    for command in ("load_demo", "load_conference_demo", "load_news_demo"):
        call_command(command, verbosity=0)


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
    assert len(samples) >= 14


def test_head_of_a_page_keeps_the_headers_of_its_get(client, demo_site):
    get = client.get("/museum-day/activities/")
    head = client.head("/museum-day/activities/")
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
