"""The site's header and footer are rendered once per language, never with one reader's bits."""

import re

import pytest
from django.conf import settings
from django.template import Context, RequestContext, Template
from django.test import Client
from django.utils import translation

from ..factories import UserFactory

LIST = "/museum-day/activities/"


def nav(response) -> str:
    return response.text.split("<nav ", 1)[1].split("</nav>", 1)[0]


@pytest.mark.django_db
def test_each_reader_sees_their_own_links_in_the_shared_header(edition):
    anonymous, editor = Client(), Client()
    editor.force_login(UserFactory(username="editor"))
    for _ in range(2):
        first = nav(anonymous.get(LIST))
        mine = nav(editor.get(LIST))
        assert "Log in" in first and "My activities" not in first
        assert "csrfmiddlewaretoken" not in first
        assert "My activities" in mine and "Log out" in mine and "Log in" not in mine
        assert re.search(r'name="csrfmiddlewaretoken" value="[^"]+"', mine)


@pytest.mark.django_db
def test_the_language_form_returns_to_the_page_it_is_on(client, edition):
    assert (
        '<input name="next" type="hidden" value="/museum-day/map/">'
        in client.get("/museum-day/map/").text
    )
    assert '<input name="next" type="hidden" value="/museum-day/activities/?country=FR">' in (
        client.get(LIST, {"country": "FR"}).text
    )


@pytest.mark.django_db
def test_the_shared_header_speaks_each_readers_language(client, edition):
    english = client.get(LIST).text
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    french = client.get(LIST).text
    assert ">Map</a>" in english and '<option value="en" lang="en" selected>' in english
    assert ">Carte</a>" in french and '<option value="fr" lang="fr" selected>' in french
    assert ">Map</a>" not in french


def test_a_per_language_fragment_is_rendered_once_per_language(settings):
    settings.LANGUAGE_CODE = "en"  # a fresh set of fragments for this test
    template = Template('{% load fragments %}{% per_language "t" %}{{ n }}{% endper_language %}')
    with translation.override("en"):
        assert template.render(Context({"n": 1})) == "1"
        assert template.render(Context({"n": 2})) == "1"
    with translation.override("fr"):
        assert template.render(Context({"n": 3})) == "3"


def test_a_fragment_with_a_csrf_token_is_never_kept(rf):
    from django.middleware.csrf import get_token

    template = Template('{% load fragments %}{% fragment "f" %}{% csrf_token %}{% endfragment %}')
    tokens = []
    for _ in range(2):
        request = rf.get("/")
        get_token(request)
        html = template.render(RequestContext(request, {}))
        tokens.append(re.search(r'value="([^"]+)"', html).group(1))
    assert tokens[0] != tokens[1]
