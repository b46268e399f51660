"""The embeddable list/map (framed by other sites) and the framing rules of every other page."""

import re
from datetime import UTC, datetime
from html import unescape

import pytest

from ..factories import ActivityFactory

EMBED = "/museum-day/embed/"


def csp(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_embed_can_be_framed_by_other_sites(client, published):
    response = client.get(EMBED, {"country": "FR", "view": "both"})
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert csp(response)["frame-ancestors"] == ["*"]
    assert 'id="activity-map"' in response.text
    assert "Night of the Louvre" in response.text
    assert 'class="site-header"' not in response.text


def test_embed_shows_only_published_activities_of_the_filter(client, db):
    ActivityFactory(title="Shown in France")
    ActivityFactory(title="Draft in France", status="draft")
    ActivityFactory(title="Submitted in France", status="submitted")
    response = client.get(EMBED, {"country": "FR"})
    assert [a.title for a in response.context["page"].object_list] == ["Shown in France"]
    assert "Draft in France" not in response.text
    assert 'id="activity-map"' not in response.text


def test_embed_pagination_keeps_the_view_and_the_filters(client, db):
    for hour in range(21):
        ActivityFactory(starts_at=datetime(2022, 5, 18, hour, tzinfo=UTC))
    first = client.get(EMBED, {"country": "FR", "view": "both"})
    assert 'href="?edition=2022&amp;country=FR&amp;view=both&amp;page=2"' in first.text
    second = client.get(EMBED, {"country": "FR", "view": "both", "page": "2"})
    assert second.status_code == 200
    assert 'id="activity-map"' in second.text
    assert 'href="?edition=2022&amp;country=FR&amp;view=both&amp;page=1"' in second.text


def test_embed_link_to_the_full_list_carries_only_the_filters(client, published):
    response = client.get(EMBED, {"country": "FR", "view": "map", "edition": ""})
    assert 'href="/museum-day/activities/?country=FR"' in response.text


def test_embed_without_an_edition_shows_the_coming_one(client, published):
    response = client.get(EMBED, {"country": "FR", "view": "map"})
    assert 'href="/museum-day/activities/?edition=2022&amp;country=FR"' in response.text


def test_embed_with_a_bad_filter_explains_it(client, db):
    response = client.get(EMBED, {"country": "XX", "view": "both"})
    assert response.status_code == 400
    assert "Select a valid choice. XX is not one of the available choices." in unescape(
        response.text
    )
    assert "X-Frame-Options" not in response


@pytest.mark.parametrize(
    "url",
    [
        "/museum-day/",
        "/museum-day/2022/",
        "/museum-day/activities/",
        "/museum-day/activities/?country=XX",
        "/museum-day/map/",
        "/accounts/login/",
    ],
)
def test_other_pages_refuse_framing_and_send_a_strict_csp(client, published, url):
    response = client.get(url)
    assert response.status_code in (200, 400)
    assert response["X-Frame-Options"] == "DENY"
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy["style-src"]
    assert " style=" not in response.text


@pytest.mark.parametrize("url", ["detail", "/museum-day/map/", "/museum-day/embed/?view=map"])
def test_every_script_is_a_file_of_our_own_or_a_data_block(client, published, url):
    """No nonce: pages are shared between anonymous readers, and a nonce must never repeat."""
    if url == "detail":
        url = published.get_absolute_url()
    response = client.get(url)
    scripts = re.findall(r"<script\b[^>]*>", response.text)
    assert len(scripts) >= 1
    for tag in scripts:
        assert 'src="/static/' in tag or 'type="application/ld+json"' in tag, tag
        assert "nonce" not in tag
    assert csp(response)["script-src"] == ["'self'"]
