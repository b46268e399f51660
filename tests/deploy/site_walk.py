"""Every URL pattern of the site, with a real object where one exists (tests of deploy/)."""

import re

from django.urls import URLPattern, URLResolver, resolve

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
    from museion.news.models import Hashtag, Post
    from museion.redlists.models import Category, ObjectType, RedList
    from museion.site.models import Page

    activity = public_activities().first()
    conference = Conference.objects.first()
    urls = [
        Post.objects.published().first().get_absolute_url(),
        Hashtag.objects.first().get_absolute_url(),
        Page.objects.first().get_absolute_url(),
        Edition.objects.first().get_absolute_url(),
        f"{Edition.objects.first().get_absolute_url()}impact/",
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
        RedList.objects.filter(status="published").first().get_absolute_url(),
        Category.objects.filter(red_list__status="published").first().get_absolute_url(),
        ObjectType.objects.filter(category__red_list__status="published")
        .first()
        .get_absolute_url(),
    ]
    return {resolve(url).view_name: url for url in urls}
