"""Whole pages kept for anonymous readers: shared only when nothing in them is personal."""

import pytest
from django.test import Client

from museion.core import versions

from ..factories import ActivityFactory

LIST = "/museum-day/activities/"


def test_an_anonymous_page_is_served_whole_from_the_cache(
    client, published, django_assert_num_queries
):
    first = client.get(LIST)
    with django_assert_num_queries(0):
        again = client.get(LIST)
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert again["Cache-Control"] == "public, max-age=0, s-maxage=5"


def test_a_cached_anonymous_page_shows_an_edit_at_once(client, published):
    assert "Night of the Louvre" in client.get(LIST).text
    published.title = "Night at the museum"
    published.save()
    text = client.get(LIST).text
    assert "Night at the museum" in text and "Night of the Louvre" not in text


def test_a_cached_anonymous_page_shows_a_deletion_and_a_publication_at_once(
    client, published, museum, edition
):
    draft = ActivityFactory(museum=museum, edition=edition, title="Coming soon", status="draft")
    assert "Coming soon" not in client.get(LIST).text
    draft.status = "published"
    draft.save()
    assert "Coming soon" in client.get(LIST).text
    published.delete()
    assert "Night of the Louvre" not in client.get(LIST).text


def test_an_edit_elsewhere_keeps_the_page(client, published, django_assert_num_queries):
    client.get(LIST)
    versions.bump("news")
    versions.bump("conference")
    with django_assert_num_queries(0):
        client.get(LIST)


def test_a_logged_in_reader_never_gets_the_anonymous_page(client, published, editor):
    anonymous = client.get(LIST)
    assert "Log in" in anonymous.text
    client.force_login(editor)
    personal = client.get(LIST)
    assert "Log out" in personal.text and "Log in" not in personal.text
    assert "public" not in personal.get("Cache-Control", "")
    # …and what a logged-in reader saw is never given to the next anonymous one.
    assert "Log out" not in Client().get(LIST).text


def test_a_page_seen_first_by_a_logged_in_reader_is_not_kept(
    client, published, editor, django_assert_num_queries
):
    logged_in = Client()
    logged_in.force_login(editor)
    logged_in.get(LIST)
    response = client.get(LIST)
    assert "Log in" in response.text and "Log out" not in response.text


def test_a_page_with_a_csrf_form_is_never_shared(client, db):
    first = client.get("/accounts/login/")
    assert 'name="csrfmiddlewaretoken"' in first.text
    assert "public" not in first.get("Cache-Control", "")
    other = Client().get("/accounts/login/")
    assert first.cookies["csrftoken"].value != other.cookies["csrftoken"].value


@pytest.mark.parametrize(
    "path", ["/", LIST, "/museum-day/map.geojson?zoom=2", "/api/v1/activities?country=FR"]
)
def test_shared_pages_carry_no_token_and_no_cookie(client, published, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
    assert "s-maxage=5" in response["Cache-Control"]


def test_languages_and_queries_are_kept_apart(client, published):
    english = client.get(LIST)
    french = client.get(LIST, headers={"accept-language": "fr"})
    assert french["Content-Language"] == "fr" and english["Content-Language"] == "en"
    assert french.content != english.content
    assert client.get(LIST).content == english.content
    filtered = client.get(LIST, {"country": "ES"})
    assert "Night of the Louvre" not in filtered.text


def test_a_remembered_timezone_gets_its_own_programme_page(client, db):
    from ..conference.factories import ConferenceFactory, SessionFactory

    conference = ConferenceFactory()
    SessionFactory(conference=conference, title="Opening")
    url = f"/conference/{conference.slug}/?day=all"
    usual = client.get(url)
    client.cookies["museion_tz"] = "Asia/Tokyo"
    in_tokyo = client.get(url)
    assert "Asia/Tokyo" in in_tokyo.text and "Asia/Tokyo" not in usual.text
    del client.cookies["museion_tz"]
    assert client.get(url).content == usual.content


def test_errors_are_not_kept(client, published, django_assert_num_queries):
    assert client.get(LIST, {"page": "999"}).status_code == 404
    assert "s-maxage" not in client.get(LIST, {"page": "999"}).get("Cache-Control", "")


def test_the_newsletter_form_on_the_home_page_works_without_a_token(client, db):
    from museion.newsletter.models import MailingList, Subscription

    mailing = MailingList.objects.create(name="IMD", slug="imd", language="en", topic="IMD")
    csrf_client = Client(enforce_csrf_checks=True)
    home = csrf_client.get("/")
    assert 'name="lists"' in home.text and "csrfmiddlewaretoken" not in home.text
    response = csrf_client.post(
        "/newsletter/",
        {"email": "reader@example.org", "lists": [mailing.pk], "language": "en", "consent": "on"},
    )
    assert response.status_code == 302
    # Double opt-in: nothing is confirmed until the owner of the address clicks the link.
    subscription = Subscription.objects.get(subscriber__email="reader@example.org")
    assert subscription.status != "confirmed"
