"""What the public may see: scheduled posts stay hidden everywhere until their time, and a post
only links to published activities and sessions."""

import json
import re
import time
from datetime import timedelta
from urllib.parse import quote

import feedparser
import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from museion.museumday.models import Status

from ..conference.factories import ConferenceFactory, SessionFactory
from ..factories import ActivityFactory
from .factories import PostFactory


class Clock:
    """Moves Django's clock and the cache's clock forward together, as time passing would."""

    def __init__(self, monkeypatch):
        self.offset = 0.0
        real_now, real_time = timezone.now, time.time
        monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(seconds=self.offset))
        monkeypatch.setattr(time, "time", lambda: real_time() + self.offset)

    def advance(self, **delta) -> None:
        self.offset += timedelta(**delta).total_seconds()


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


PUBLIC_LISTS = ["/", "/news/", "/news/feed/", "/news/feed/en/"]


def test_scheduled_post_is_hidden_everywhere_then_appears_without_clearing_a_cache(
    client, db, clock
):
    PostFactory(title="Already out", body="#Museums")
    scheduled = PostFactory(
        title="Embargoed story",
        body="Big news #EmbargoDay #Museums",
        publish_at=timezone.now() + timedelta(minutes=2),
    )
    for path in PUBLIC_LISTS + ["/news/tags/museums/", "/news/tags/museums/feed/"]:
        response = client.get(path)  # also fills the home page cache
        assert response.status_code == 200, path
        assert "Embargoed story" not in response.content.decode(), path
    for path in (
        scheduled.get_absolute_url(),
        "/news/tags/embargoday/",
        "/news/tags/embargoday/feed/",
    ):
        assert client.get(path).status_code == 404, path

    clock.advance(minutes=2, seconds=1)

    for path in PUBLIC_LISTS + ["/news/tags/museums/", "/news/tags/embargoday/feed/"]:
        assert "Embargoed story" in client.get(path).content.decode(), path
    assert client.get(scheduled.get_absolute_url()).status_code == 200
    assert client.get("/news/tags/embargoday/").status_code == 200


def test_staff_can_preview_a_scheduled_post(client, db, staff):
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="change_post"))
    post = PostFactory(publish_at=timezone.now() + timedelta(days=1))
    client.force_login(staff)
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: this post is not public yet." in response.content.decode()


def test_a_hashtag_used_only_in_drafts_has_no_page(client, db):
    PostFactory(body="#SecretPlan", publish_at=None)
    assert client.get("/news/tags/secretplan/").status_code == 404
    assert client.get("/news/tags/secretplan/feed/").status_code == 404


def test_unicode_hashtag_link_leads_to_its_page(client, db):
    post = PostFactory(title="Journée", body="भारत में #संग्रहालय दिवस")
    href = re.search(r'href="([^"]+)" class="hashtag"', post.body_html)[1]
    assert href == "/news/tags/" + quote("संग्रहालय") + "/"
    response = client.get(href)
    assert response.status_code == 200
    assert "<h1>#संग्रहालय</h1>" in response.content.decode()
    feed = feedparser.parse(client.get(href + "feed/").content)
    assert feed.bozo == 0 and [entry.title for entry in feed.entries] == ["Journée"]


def relate(post, target) -> None:
    post.related_items.create(
        content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    )


def test_post_links_only_to_published_activities_and_sessions(client, edition, museum):
    post = PostFactory()
    shown_activity = ActivityFactory(edition=edition, museum=museum, title="Open night")
    draft = ActivityFactory(
        edition=edition, museum=museum, title="Draft visit", status=Status.DRAFT
    )
    shown_session = SessionFactory(title="Opening keynote")
    hidden_session = SessionFactory(title="Hidden session", is_published=False)
    secret = ConferenceFactory(name="Secret", slug="secret-2030", is_published=False)
    unannounced = SessionFactory(conference=secret, title="Unannounced session")
    for target in (shown_activity, draft, shown_session, hidden_session, unannounced):
        relate(post, target)
    html = client.get(post.get_absolute_url()).content.decode()
    assert f'<a href="{shown_activity.get_absolute_url()}">Open night</a>' in html
    assert f'<a href="{shown_session.get_absolute_url()}">Opening keynote</a>' in html
    for title in ("Draft visit", "Hidden session", "Unannounced session"):
        assert title not in html


def test_translation_does_not_point_to_an_unpublished_original(client, db):
    original = PostFactory(title="Original", publish_at=timezone.now() + timedelta(days=1))
    french = PostFactory(title="Traduction", language="fr", translation_of=original)
    html = client.get(french.get_absolute_url()).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html)
    assert "translationOfWork" not in json.loads(match[1])
    assert original.get_absolute_url() not in html
