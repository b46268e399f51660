"""List cards, the filter form and activity pages are kept once rendered, yet show each change."""

import re
from html import unescape

import pytest
from django.conf import settings

from museion.museumday import translations
from museion.museumday.models import Activity, ActivityTranslation

from ..factories import ActivityFactory, UserFactory

LIST = "/museum-day/activities/"
EMBED = "/museum-day/embed/"


@pytest.fixture(params=["anonymous", "logged in"])
def reader(request, client, db):
    """Both kinds of reader: anonymous (the whole page is kept, until an edit) and logged in
    (never a kept page: only the cards and the form come from the cache)."""
    if request.param == "logged in":
        client.force_login(UserFactory(username="reader"))
    return client


def cards(response) -> list[str]:
    """Each card's text, tags stripped, spaces collapsed."""
    found = re.findall(r'<li class="card activity">(.*?)\n  </li>', response.text, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", card)).split()) for card in found]


def test_an_edited_title_shows_at_once(reader, published):
    assert "Night of the Louvre" in cards(reader.get(LIST))[0]
    published.title = "Night at the museum"
    published.save()
    assert "Night at the museum" in cards(reader.get(LIST))[0]


def test_a_change_saved_without_signals_shows_to_a_logged_in_reader(client, published):
    # Cards are kept under what they show, not under a version some code must remember to bump.
    client.force_login(UserFactory(username="reader"))
    assert "Night of the Louvre" in cards(client.get(LIST))[0]
    Activity.objects.filter(pk=published.pk).update(title="Renamed quietly", city="Lyon")
    card = cards(client.get(LIST))[0]
    assert "Renamed quietly" in card
    assert "Lyon, France" in card


def test_a_renamed_museum_shows_at_once(reader, published):
    assert published.museum.name in cards(reader.get(LIST))[0]
    published.museum.name = "Musée du Louvre (aile Richelieu)"
    published.museum.save()
    assert "Musée du Louvre (aile Richelieu)" in cards(reader.get(LIST))[0]


def test_an_approved_translation_shows_at_once_in_its_language(reader, published, editor, staff):
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    published.language = "fr"
    published.save()
    assert "Night of the Louvre" in cards(reader.get(LIST))[0]
    spanish = translations.save_translation(
        user=editor,
        activity=published,
        language="es",
        data={"title": "Noche en el Louvre", "description": "Una visita."},
    )
    assert "Night of the Louvre" in cards(reader.get(LIST))[0]  # not approved yet
    translations.approve_translation(moderator=staff, translation=spanish)
    assert "Noche en el Louvre" in cards(reader.get(LIST))[0]
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Night of the Louvre" in cards(reader.get(LIST))[0]


def test_an_edited_translation_shows_once_approved(reader, published, staff):
    spanish = ActivityTranslation.objects.create(
        activity=published, language="es", status="approved", title="Noche", description="…"
    )
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    assert "Noche" in cards(reader.get(LIST))[0]
    spanish.title = "Noche en el museo"
    spanish.save()
    assert "Noche en el museo" in cards(reader.get(LIST))[0]


def test_cards_speak_the_readers_language(reader, published):
    english = cards(reader.get(LIST))[0]
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    french = cards(reader.get(LIST))[0]
    assert "Guided tour" in english and "On site" in english
    assert "Visite guidée" in french and "Sur place" in french
    assert "Guided tour" not in french


def test_embedded_cards_open_in_a_new_tab_and_listed_ones_do_not(reader, published):
    listed = reader.get(LIST).text
    embedded = reader.get(EMBED, {"view": "list"}).text
    link = f'href="{published.get_absolute_url()}"'
    assert f'<h3 lang="fr"><a {link}>' in listed
    assert f'<h2 lang="fr"><a {link} target="_blank" rel="noopener">' in embedded
    assert f'<h3 lang="fr"><a {link}>' in reader.get(LIST).text


def test_the_filter_form_shows_back_what_each_request_asked(reader, published):
    ActivityFactory(title="In Madrid", country="ES")
    filtered = reader.get(LIST, {"country": "ES", "q": "Madrid"}).text
    assert '<option value="ES" selected>' in filtered
    assert 'name="q" value="Madrid"' in filtered
    assert "Country: Spain; Search: Madrid)" in filtered
    plain = reader.get(LIST).text
    assert '<option value="ES" selected>' not in plain
    assert '<option value="" selected>All countries</option>' in plain
    assert 'name="q" value="Madrid"' not in plain
    assert "(Edition (year): 2022)</span>" in plain


def test_the_filter_form_shows_each_requests_errors(reader, published):
    wrong = reader.get(LIST, {"country": "XX"})
    assert wrong.status_code == 400
    assert "XX is not one of the available choices" in wrong.text
    right = reader.get(LIST, {"country": "FR"})
    assert "not one of the available choices" not in right.text
    assert "XX is not one of the available choices" in reader.get(LIST, {"country": "XX"}).text


def test_the_map_and_the_list_keep_their_own_form_action(reader, published):
    assert 'action="/museum-day/activities/"' in reader.get(LIST).text
    assert 'action="/museum-day/map/"' in reader.get("/museum-day/map/").text


def article(response) -> str:
    found = re.search(r'<article class="activity-detail">(.*?)</article>', response.text, re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split())


def test_an_activity_page_shows_each_change_at_once(reader, published, staff):
    url = published.get_absolute_url()
    assert "Night of the Louvre" in article(reader.get(url))
    Activity.objects.filter(pk=published.pk).update(description="Lanterns at dusk.")
    assert "Lanterns at dusk." in article(reader.get(url + "?again"))
    published.refresh_from_db()
    published.title = "Night at the museum"
    published.save()
    assert "Night at the museum" in article(reader.get(url))
    published.museum.name = "Musée du Louvre (aile Richelieu)"
    published.museum.save()
    assert "Musée du Louvre (aile Richelieu)" in article(reader.get(url))
    ActivityTranslation.objects.create(
        activity=published, language="es", status="approved", title="Noche", description="…"
    )
    reader.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    assert "Noche" in article(reader.get(url))


def test_a_preview_of_an_unpublished_activity_is_not_shown_as_published(client, published, editor):
    client.force_login(editor)
    url = published.get_absolute_url()
    assert "Preview" not in article(client.get(url))
    published.status = "submitted"
    published.save()
    page = article(client.get(url))
    assert "Preview: this activity is not public" in page
    assert "Add to calendar" not in page
