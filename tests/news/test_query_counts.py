"""Every news page and feed costs the same number of queries with one row or many."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from museion.newsletter.models import MailingList

from ..conference.factories import SessionFactory
from ..factories import ActivityFactory
from .factories import PostFactory


def story(n: int, *, tags: str = "#Museums #IMD2023"):
    """An English post with a French translation, tagged."""
    original = PostFactory(title=f"Story {n}", body=f"Text {n} {tags}")
    PostFactory(title=f"Histoire {n}", language="fr", translation_of=original, body=tags)
    return original


@pytest.mark.parametrize("rows", [1, 6])
def test_news_list_hashtag_page_and_feeds(client, db, django_assert_num_queries, rows):
    for n in range(rows):
        story(n)
    # list: count, originals, their translation in the reader's language, and when the next
    # scheduled post goes live (how long the whole page may be kept)
    for path, queries in [
        ("/news/", 4),
        ("/news/tags/museums/", 4),  # hashtag, count, posts, next scheduled post
        ("/news/feed/", 2),  # posts, their hashtags
        ("/news/feed/fr/", 2),
        ("/news/tags/museums/feed/", 3),  # hashtag, posts, their hashtags
    ]:
        with django_assert_num_queries(queries):
            response = client.get(path)
        assert response.status_code == 200, path


@pytest.mark.parametrize("rows", [1, 4])
def test_post_page(client, edition, museum, django_assert_num_queries, rows):
    post = PostFactory(title="Main story")
    for n in range(rows):
        post.sources.create(outlet=f"Outlet {n}", url=f"https://example.org/{n}")
        for target in (
            ActivityFactory(edition=edition, museum=museum),
            SessionFactory(title=f"Session {n}"),
        ):
            post.related_items.create(
                content_type=ContentType.objects.get_for_model(target), object_id=target.pk
            )
    for language in ("fr", "es")[:rows]:
        PostFactory(language=language, translation_of=post)
    # post, sources, hashtags, activities, sessions (with their conference), other languages
    with django_assert_num_queries(6):
        response = client.get(post.get_absolute_url())
    assert response.content.decode().count("/sessions/") == rows


@pytest.mark.parametrize("rows", [1, 8])
def test_home_page_cold_then_warm(client, edition, django_assert_num_queries, rows):
    for n in range(rows):
        story(n)
        MailingList.objects.create(name=f"List {n}", slug=f"list-{n}", language="en", topic="IMD")
    cache.clear()
    # edition, conference, stories, their translations, next scheduled post, participation
    # numbers, public lists; next scheduled post again (how long the whole page may be kept)
    with django_assert_num_queries(8):
        cold = client.get("/")
    with django_assert_num_queries(0):
        warm = client.get("/")
    assert cold.content.decode().count('class="post-item card"') == min(rows, 6)
    assert warm.content.decode().count('name="lists"') == rows


def test_home_numbers_follow_a_newly_published_activity(client, edition, museum):
    activities = "<div><dt>Activities</dt><dd>{}</dd></div>"
    assert activities.format(0) in client.get("/").content.decode()
    ActivityFactory(edition=edition, museum=museum)
    assert activities.format(1) in client.get("/").content.decode()


def test_home_shows_a_new_mailing_list_without_clearing_the_cache(client, db):
    assert "There is no list to subscribe to yet." in client.get("/").content.decode()
    MailingList.objects.create(name="Red Lists", slug="red-en", language="en", topic="Red Lists")
    html = client.get("/").content.decode()
    assert '<label for="id_lists_0">Red Lists (en)</label>' in html
