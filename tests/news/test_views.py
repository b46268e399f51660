import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from museion.news.models import Post

from .factories import PageFactory, PostFactory


def jsonld_of(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_post_page_has_open_graph_and_news_article(client, db):
    post = PostFactory(title="ICOM meets in Prague", summary="The General Conference opens.")
    response = client.get(post.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="ICOM meets in Prague">' in html
    assert (
        f'<meta property="og:url" content="http://127.0.0.1:8000/news/{post.pk}/icom-meets-in-prague/">'
        in html
    )
    assert '<meta property="article:tag" content="ICOMPrague2022">' in html
    data = jsonld_of(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "ICOM meets in Prague"
    assert data["datePublished"] == post.publish_at.isoformat()
    assert data["keywords"] == ["ICOMPrague2022"]


def test_post_page_shows_sources_related_activity_and_translations(client, db, published):
    from django.contrib.contenttypes.models import ContentType

    post = PostFactory(title="Original")
    post.sources.create(outlet="Le Monde", title="Les musées", url="https://lemonde.example/a")
    post.related_items.create(
        content_type=ContentType.objects.get_for_model(published), object_id=published.pk
    )
    PostFactory(title="Traduction", language="fr", translation_of=post)
    html = client.get(post.get_absolute_url()).content.decode()
    assert (
        '<a href="https://lemonde.example/a" rel="nofollow noopener">Les musées</a> — Le Monde'
        in html
    )
    assert f'<a href="{published.get_absolute_url()}">Night of the Louvre</a>' in html
    assert 'hreflang="fr" lang="fr">Traduction (fr)</a>' in html
    assert jsonld_of(html)["citation"][0]["url"] == "https://lemonde.example/a"


def test_post_page_with_wrong_slug_redirects_to_the_right_one(client, db):
    post = PostFactory(title="Right title")
    response = client.get(f"/news/{post.pk}/wrong/")
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


def test_unpublished_and_scheduled_posts_are_not_found(client, db):
    for publish_at in (None, timezone.now() + timedelta(days=1)):
        post = PostFactory(publish_at=publish_at)
        assert client.get(post.get_absolute_url()).status_code == 404
    assert client.get("/news/999999/x/").status_code == 404


def test_author_script_never_reaches_the_page(client, db):
    post = PostFactory(body='<script>alert("x")</script> <img src=x onerror=alert(1)>')
    html = client.get(post.get_absolute_url()).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &lt;img src=x' in html
    assert "<img src=x" not in html


def test_news_list_is_paginated_and_shows_the_readers_translation(client, db):
    for _ in range(11):
        PostFactory()
    newest = PostFactory(title="Newest", publish_at=timezone.now() - timedelta(minutes=1))
    PostFactory(title="La plus récente", language="fr", translation_of=newest)
    page1 = client.get("/news/").content.decode()
    assert page1.count('class="post-item card"') == 10
    assert "Newest" in page1 and "Page 1 of 2" in page1
    assert client.get("/news/?page=2").content.decode().count('class="post-item card"') == 2
    french = client.get("/news/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "La plus récente" in french and "Newest" not in french


@pytest.mark.parametrize("page,status", [("abc", 400), ("0", 400), ("99", 404), ("-1", 400)])
def test_bad_page_numbers_get_a_clear_answer(client, db, page, status):
    PostFactory()
    response = client.get(f"/news/?page={page}")
    assert response.status_code == status
    assert b'class="error" role="alert"' in response.content


def test_news_list_query_count_does_not_grow(client, db, django_assert_num_queries):
    PostFactory()
    # count, originals, their translations; when the next scheduled post goes live (how long
    # the whole page may be kept)
    with django_assert_num_queries(4):
        client.get("/news/")
    for _ in range(8):
        original = PostFactory()
        PostFactory(language="fr", translation_of=original)
    with django_assert_num_queries(4):
        client.get("/news/")


def test_hashtag_page_lists_tagged_posts(client, db, django_assert_num_queries):
    tagged = PostFactory(title="Tagged", body="#IMD2023 is coming")
    PostFactory(title="Other", body="Nothing here")
    with django_assert_num_queries(4):  # hashtag, count, posts, next scheduled post
        response = client.get("/news/tags/imd2023/")
    html = response.content.decode()
    assert "<h1>#IMD2023</h1>" in html and tagged.title in html and "Other" not in html
    assert client.get("/news/tags/IMD2023/").status_code == 301
    assert client.get("/news/tags/unknown/").status_code == 404


def test_standing_page_in_the_readers_language(client, db):
    english = PageFactory(slug="code-of-ethics", title="Code of Ethics")
    PageFactory(
        slug="code-of-ethics", language="fr", title="Code de déontologie", translation_of=english
    )
    assert "<h1>Code of Ethics</h1>" in client.get("/pages/code-of-ethics/").content.decode()
    french = client.get("/pages/code-of-ethics/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "<h1>Code de déontologie</h1>" in french
    spanish = client.get("/pages/code-of-ethics/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "<h1>Code of Ethics</h1>" in spanish
    assert client.get("/pages/nope/").status_code == 404


def test_home_shows_edition_latest_posts_and_signup(client, edition, django_assert_max_num_queries):
    PostFactory(title="Latest story")
    from museion.newsletter.models import MailingList

    MailingList.objects.create(name="Museum Day news", slug="imd-en", language="en", topic="IMD")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert (
        "International Museum Day 2022" in html
        and '<p class="theme">The Power of Museums</p>' in html
    )
    assert "Latest story" in html
    assert 'action="/newsletter/"' in html and "Museum Day news (en)" in html
    with django_assert_max_num_queries(3):
        client.get("/")


def test_home_cache_is_invalidated_when_a_post_changes(client, db):
    post = PostFactory(title="First title")
    assert "First title" in client.get("/").content.decode()
    post.title = "Second title"
    from museion.news.services import save_post

    save_post(post=post)
    assert "Second title" in client.get("/").content.decode()
    Post.objects.get(pk=post.pk).delete()
    assert "Second title" not in client.get("/").content.decode()


def test_museum_day_index_still_works(client, edition):
    assert client.get("/museum-day/").status_code == 200


def test_home_shows_the_next_conference_and_its_coming_sessions(client, db):
    from ..conference.factories import ConferenceFactory, SessionFactory

    start = timezone.now() + timedelta(days=30)
    conference = ConferenceFactory(
        name="Dubai 2026", slug="dubai-2026", starts_on=start.date(), ends_on=start.date()
    )
    SessionFactory(conference=conference, title="Opening keynote", starts_at=start)
    SessionFactory(conference=conference, title="Hidden", starts_at=start, is_published=False)
    html = client.get("/").content.decode()
    assert f'<a href="{conference.get_absolute_url()}">Dubai 2026</a>' in html
    assert "Opening keynote" in html and "Hidden" not in html


def test_home_cache_expires_when_a_scheduled_post_goes_live(client, db):
    from museion.news.queries import seconds_until_next_post

    now = timezone.now()
    assert seconds_until_next_post(now=now, cap=300) == 300
    PostFactory(publish_at=now + timedelta(seconds=42))
    assert seconds_until_next_post(now=now, cap=300) == 43
    PostFactory(publish_at=now + timedelta(hours=2))
    assert seconds_until_next_post(now=now, cap=300) == 43


def test_home_shows_a_changed_post_to_a_logged_in_reader_with_their_links(client, db):
    # Logged-in readers never get a kept page; the home's content is a kept fragment.
    from museion.news.services import save_post

    from ..factories import UserFactory

    client.force_login(UserFactory(username="reader"))
    post = PostFactory(title="First title")
    assert "First title" in client.get("/").text
    post.title = "Second title"
    save_post(post=post)
    html = client.get("/").text
    assert "Second title" in html and "First title" not in html
    assert "Log out" in html and "Log in" not in html


def test_news_list_shows_each_edited_story_at_once(client, db):
    from ..factories import UserFactory

    client.force_login(UserFactory(username="reader"))
    first = PostFactory(title="First story")
    PostFactory(title="Second story")
    html = client.get("/news/").text
    assert "First story" in html and "Second story" in html
    Post.objects.filter(pk=first.pk).update(title="First story, corrected", summary="Fixed.")
    html = client.get("/news/").text
    assert "First story, corrected" in html and "Fixed." in html and "Second story" in html
