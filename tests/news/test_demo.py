import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from museion.conference.models import Session
from museion.demo.news_pages import CODE_OF_ETHICS_URL
from museion.museumday.models import Activity
from museion.news.models import Post, RelatedItem
from museion.newsletter.models import MailingList
from museion.site.models import Page
from tests.factories import ActivityFactory, MuseumFactory

LOADED = "News demo loaded: 12 posts, 13 translations, 9 pages, 6 newsletter lists."


def load() -> str:
    out = StringIO()
    call_command("load_news_demo", stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def demo_activities(edition):
    """Activities as the Museum Day demo makes them (France, Mexico), and one of a test museum."""
    ActivityFactory(edition=edition, title="Not from the demo")
    in_france = MuseumFactory(external_id="demo:FR-0")
    in_mexico = MuseumFactory(
        external_id="demo:MX-0", country="MX", city="Mexico City", timezone="America/Mexico_City"
    )
    ActivityFactory(edition=edition, museum=in_france, title="Night concert")
    ActivityFactory(edition=edition, museum=in_france, title="Family trail")
    ActivityFactory(edition=edition, museum=in_mexico, title="Museo de noche")


def test_demo_creates_posts_translations_pages_and_lists_once(db):
    assert load() == LOADED
    originals = Post.objects.filter(translation_of__isnull=True)
    assert originals.count() == 12
    assert set(originals.values_list("language", flat=True)) == {"en"}
    translations = Post.objects.filter(translation_of__isnull=False)
    assert sorted(translations.values_list("language", flat=True)) == ["es"] * 6 + ["fr"] * 7
    assert not Post.objects.filter(sources__isnull=True).exists()
    scheduled = Post.objects.filter(publish_at__gt=timezone.now())
    assert sorted(scheduled.values_list("language", flat=True)) == ["en", "fr"]
    assert set(
        Post.objects.get(title="General Conference: the programme is online").hashtags.values_list(
            "name", flat=True
        )
    ) == {"ICOMPrague2022"}
    assert set(
        Post.objects.get(
            language="fr", title__startswith="Journée internationale"
        ).hashtags.values_list("name", flat=True)
    ) == {"IMD2022", "MuseumDay"}
    assert sorted(Page.objects.values_list("slug", "language")) == [
        (slug, language)
        for slug in ("about", "code-of-ethics", "privacy")
        for language in ("en", "es", "fr")
    ]
    assert not Page.objects.filter(language="en", translation_of__isnull=False).exists()
    assert not Page.objects.exclude(language="en").filter(translation_of__isnull=True).exists()
    assert sorted(MailingList.objects.values_list("slug", flat=True)) == [
        "general-conference-en",
        "general-conference-es",
        "general-conference-fr",
        "museum-day-en",
        "museum-day-es",
        "museum-day-fr",
    ]

    assert load() == "The news demo is already there."
    assert Post.objects.count() == 25
    assert Page.objects.count() == 9
    assert MailingList.objects.count() == 6


def test_demo_fills_only_what_is_missing(db):
    Page.objects.create(slug="about", language="en", title="Ours", body="Our own text.")
    assert load() == "News demo loaded: 12 posts, 13 translations, 8 pages, 6 newsletter lists."
    assert Page.objects.get(slug="about", language="en").title == "Ours"
    about_fr = Page.objects.get(slug="about", language="fr")
    assert about_fr.translation_of == Page.objects.get(slug="about", language="en")


def test_demo_links_posts_to_demo_activities_and_conference_sessions(db, demo_activities):
    call_command("load_conference_demo", stdout=StringIO())
    load()
    announcement = Post.objects.get(title__startswith="International Museum Day 2022")
    linked = RelatedItem.objects.filter(post=announcement, content_type__model="activity")
    assert sorted(
        Activity.objects.filter(pk__in=linked.values("object_id")).values_list("title", flat=True)
    ) == ["Museo de noche", "Night concert"]
    programme = Post.objects.get(title="General Conference: the programme is online")
    linked = RelatedItem.objects.filter(post=programme, content_type__model="session")
    assert sorted(
        Session.objects.filter(pk__in=linked.values("object_id")).values_list("title", flat=True)
    ) == ["Decolonising documentation", "The power of museums"]


def test_related_items_show_on_the_post_page(client, db, demo_activities):
    load()
    post = Post.objects.get(title__startswith="International Museum Day 2022")
    html = client.get(post.get_absolute_url()).content.decode()
    assert "Night concert" in html
    assert "Museo de noche" in html
    assert "Family trail" not in html
    assert "Not from the demo" not in html
    assert (
        '<a href="https://news.example.org/2022/museum-day-power-of-museums" '
        'rel="nofollow noopener">' in html
    )


def test_home_page_shows_the_latest_published_stories(client, db):
    load()
    html = client.get("/").content.decode()
    titles = re.findall(r'<h3><a href="/news/\d+/[^"]*/">([^<]+)</a></h3>', html)
    assert titles == [
        "Workshop: emergency inventories, hands on",
        "General Conference: the programme is online",
        "Registration opens for the General Conference in Prague",
        "Lakeside City Museum reopens after four years of renovation",
        "Call for mentors: young museum professionals",
        "New Emergency Red List of Cultural Objects at Risk",
    ]
    assert "Travelling to Prague" not in html


def test_home_page_in_french_shows_french_versions(client, db):
    load()
    client.cookies["django_language"] = "fr"
    html = client.get("/", headers={"accept-language": "fr"}).content.decode()
    assert "Conférence générale : le programme est en ligne" in html
    assert "Workshop: emergency inventories, hands on" in html


@pytest.mark.parametrize(
    ("slug", "title"),
    [("about", "About Museion"), ("code-of-ethics", "Code of Ethics"), ("privacy", "Privacy")],
)
def test_footer_links_lead_to_the_demo_pages(client, db, slug, title):
    assert client.get(f"/pages/{slug}/").status_code == 404
    load()
    home = client.get("/").content.decode()
    assert f'<a href="/pages/{slug}/">' in home
    response = client.get(f"/pages/{slug}/")
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_code_of_ethics_links_to_the_icom_text_in_every_language(db):
    load()
    for page in Page.objects.filter(slug="code-of-ethics"):
        assert (
            f'<a href="{CODE_OF_ETHICS_URL}" rel="noopener noreferrer nofollow">' in page.body_html
        )
