from datetime import UTC, datetime

import feedparser

from .factories import PostFactory


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_all_posts_feed_is_valid_atom_with_ids_dates_and_links(client, db):
    post = PostFactory(
        title="ICOM meets in Prague", publish_at=datetime(2022, 8, 20, 9, tzinfo=UTC)
    )
    feed = parse(client, "/news/feed/")
    assert feed.feed.id == "tag:127.0.0.1,2024:news"
    assert feed.feed.updated_parsed is not None
    assert [link.rel for link in feed.feed.links] == ["alternate", "self"]
    assert feed.feed.links[1].href == "http://127.0.0.1:8000/news/feed/"
    (entry,) = feed.entries
    assert entry.id == f"tag:127.0.0.1,2024:post/{post.pk}"
    assert entry.title == "ICOM meets in Prague"
    assert entry.link == f"http://127.0.0.1:8000/news/{post.pk}/icom-meets-in-prague/"
    assert entry.published == "2022-08-20T09:00:00+00:00"
    assert entry.updated_parsed >= entry.published_parsed
    assert entry.content[0].value == (  # as feedparser re-serialises it
        "<p>The network met in <strong>Prague</strong>. "
        '<a class="hashtag" href="http://127.0.0.1:8000/news/tags/icomprague2022/" '
        'rel="noopener noreferrer nofollow">#ICOMPrague2022</a></p>'
    )
    assert [tag.term for tag in entry.tags] == ["#ICOMPrague2022"]


def test_language_feed_has_only_that_language(client, db):
    original = PostFactory(title="English")
    PostFactory(title="Français", language="fr", translation_of=original)
    feed = parse(client, "/news/feed/fr/")
    assert [entry.title for entry in feed.entries] == ["Français"]
    assert feed.feed.id == "tag:127.0.0.1,2024:news/fr"
    assert feed.feed.language == "fr"
    assert client.get("/news/feed/klingon/").status_code == 404


def test_hashtag_feed_has_only_tagged_posts(client, db):
    PostFactory(title="Tagged", body="See #IMD2023")
    PostFactory(title="Untagged", body="Nothing")
    feed = parse(client, "/news/feed/".replace("feed/", "tags/imd2023/feed/"))
    assert [entry.title for entry in feed.entries] == ["Tagged"]
    assert feed.feed.id == "tag:127.0.0.1,2024:news/tag/imd2023"
    assert client.get("/news/tags/unknown/feed/").status_code == 404


def test_empty_feed_is_still_valid(client, db):
    feed = parse(client, "/news/feed/es/")
    assert feed.entries == []


def test_feed_query_count_does_not_grow(client, db, django_assert_num_queries):
    PostFactory()
    with django_assert_num_queries(2):
        client.get("/news/feed/")
    for _ in range(5):
        PostFactory()
    with django_assert_num_queries(2):
        client.get("/news/feed/")


def test_feed_entries_carry_author_language_and_alternate_link(client, db):
    from tests.factories import UserFactory

    author = UserFactory(username="ada", first_name="Ada", last_name="Lovelace")
    original = PostFactory(title="English", author=author)
    PostFactory(title="Français", language="fr", translation_of=original)
    feed = parse(client, "/news/feed/")
    assert feed.feed.author == "Museion"  # RFC 4287: a feed-level author covers every entry
    by_title = {entry.title: entry for entry in feed.entries}
    assert by_title["English"].author == "Ada Lovelace"
    assert [link.rel for link in by_title["English"].links] == ["alternate"]
    assert by_title["Français"].content[0].language == "fr"
    assert by_title["English"].content[0].language == "en"
    assert all(entry.updated_parsed for entry in feed.entries)


def test_plain_text_summary_is_escaped_for_the_html_summary(client, db):
    PostFactory(summary="Fish & chips <3 museums")
    (entry,) = parse(client, "/news/feed/").entries
    assert entry.summary == "Fish &amp; chips &lt;3 museums"
    assert entry.summary_detail.type == "text/html"
