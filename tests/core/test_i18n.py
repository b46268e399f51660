"""The interface in English, French and Spanish: complete catalogues, and pages that follow the
visitor's language (cookie, Accept-Language, the language switcher)."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from museion.core.catalogues import COMPILED_LOCALE_DIR, PROJECT_CATALOGUES, compile_catalogues
from tests.factories import ActivityFactory

LOCALE_DIR = PROJECT_CATALOGUES
TRANSLATED_LANGUAGES = ["fr", "es"]
# %(name)s-style and positional printf placeholders, as Python's % operator reads them.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifgeExXocr%]")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def catalogue_paths(language: str) -> list[Path]:
    """The project's catalogue and those of apps that ship their own (src/museion/<app>/locale)."""
    project = sorted((LOCALE_DIR / language / "LC_MESSAGES").glob("*.po"))
    apps = sorted(LOCALE_DIR.parent.glob(f"*/locale/{language}/LC_MESSAGES/*.po"))
    return project + apps


def live_entries(language: str) -> list[polib.POEntry]:
    return [
        entry
        for path in catalogue_paths(language)
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    ]


def entry_label(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt}|{entry.msgid}" if entry.msgctxt else entry.msgid


def translations_of(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def placeholders(text: str) -> list[str]:
    return sorted(match for match in PLACEHOLDER.findall(text) if match != "%%")


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_exists_for_each_language(language):
    paths = catalogue_paths(language)

    assert paths[0].name == "django.po"
    assert all(polib.pofile(str(p)).metadata["Language"] == language for p in paths)


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_every_entry_translated_and_not_fuzzy(language):
    entries = live_entries(language)
    untranslated = [entry_label(e) for e in entries if not all(translations_of(e))]
    fuzzy = [entry_label(e) for e in entries if "fuzzy" in e.flags]

    assert len(entries) > 200
    assert untranslated == []
    assert fuzzy == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_plural_entries_fill_every_plural_form(language):
    for path in catalogue_paths(language):
        catalogue = polib.pofile(str(path))
        forms = int(re.search(r"nplurals=(\d+)", catalogue.metadata["Plural-Forms"]).group(1))
        short = [
            entry_label(e) for e in catalogue if e.msgid_plural and len(e.msgstr_plural) != forms
        ]
        assert short == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_translations_keep_placeholders_and_markup(language):
    broken = []
    for entry in live_entries(language):
        expected = placeholders(entry.msgid_plural or entry.msgid)
        expected_tags = sorted(TAG.findall(entry.msgid))
        for text in translations_of(entry):
            if placeholders(text) != expected or sorted(TAG.findall(text)) != expected_tags:
                broken.append((entry_label(entry), text))
    assert broken == []


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_catalogue_python_format_entries_format_cleanly(language):
    for entry in live_entries(language):
        names = dict.fromkeys(re.findall(r"%\((\w+)\)", entry.msgid_plural or entry.msgid), 1)
        if "python-format" not in entry.flags or not names:
            continue
        for text in translations_of(entry):
            assert "%(" not in text % names, entry_label(entry)  # raises if a name is wrong


def test_placeholder_check_catches_a_renamed_placeholder():
    assert placeholders("Museo: %(nombre)s") != placeholders("Museum: %(name)s")
    assert placeholders("100%% sur %(total)s") == placeholders("100%% of %(total)s")


@pytest.fixture
def activity_list_url():
    return reverse("museumday:list")


def test_list_in_french_with_language_cookie(client, published, activity_list_url):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    html = client.get(activity_list_url).content.decode()

    assert '<html lang="fr">' in html
    assert "<h1>Activités de la Journée des musées</h1>" in html
    assert "1 activité</h2>" in html
    # 08:00 UTC is 10:00 in Paris in May, written the French way.
    assert "18 mai 2022 à 10:00</time>" in html
    assert "Visite guidée" in html


def test_list_in_french_with_accept_language(client, published, activity_list_url):
    response = client.get(activity_list_url, headers={"accept-language": "fr-CA,fr;q=0.9"})

    assert response.headers["Content-Language"] == "fr"
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert "<h1>Activités de la Journée des musées</h1>" in html
    assert "18 mai 2022 à 10:00</time>" in html


def test_language_switcher_switches_to_spanish(client, published, activity_list_url):
    response = client.post(reverse("set_language"), {"language": "es", "next": activity_list_url})

    assert response.status_code == 302
    assert response.headers["Location"] == activity_list_url
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    html = client.get(activity_list_url).content.decode()
    assert '<html lang="es">' in html
    assert "<h1>Actividades del Día de los Museos</h1>" in html
    assert "1 actividad</h2>" in html
    assert "18 de mayo de 2022, 10:00</time>" in html
    assert '<option value="es" lang="es" selected>español</option>' in html


def test_language_switcher_offers_every_language_in_its_own_name(client, db, activity_list_url):
    html = client.get(activity_list_url).content.decode()

    assert 'action="/i18n/setlang/" method="post"' in html
    assert '<option value="en" lang="en" selected>English</option>' in html
    assert '<option value="fr" lang="fr">français</option>' in html
    assert '<option value="es" lang="es">español</option>' in html


def test_spanish_plural_counts_several_activities(client, edition, museum, activity_list_url):
    ActivityFactory.create_batch(3, edition=edition, museum=museum)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    html = client.get(activity_list_url).content.decode()

    assert "3 actividades</h2>" in html


def test_unknown_language_from_switcher_keeps_english(client, published, activity_list_url):
    response = client.post(reverse("set_language"), {"language": "xx", "next": activity_list_url})

    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    html = client.get(activity_list_url).content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Museum Day activities</h1>" in html
    assert "18 May 2022, 10:00</time>" in html


@pytest.mark.parametrize(
    ("cookie", "accept_language"), [("xx", "de-DE,de;q=0.9"), ("", "klingon"), ("", "*")]
)
def test_unknown_language_falls_back_to_english(
    client, published, activity_list_url, cookie, accept_language
):
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie

    response = client.get(activity_list_url, headers={"accept-language": accept_language})

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert "<h1>Museum Day activities</h1>" in response.content.decode()


def test_error_page_follows_the_language(client, db):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"

    response = client.get("/museum-day/activities/999999/")

    assert response.status_code == 404
    assert "<h1>Página no encontrada</h1>" in response.content.decode()


def test_server_error_page_follows_the_language(rf):
    with translation.override("fr"):
        response = server_error(rf.get("/"))

    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="fr">' in html
    assert "<h1>Une erreur s’est produite</h1>" in html


def test_catalogues_are_compiled_into_the_build_directory_not_the_source_tree(tmp_path):
    source_tree = PROJECT_CATALOGUES.parent
    before = {path: path.stat().st_mtime_ns for path in source_tree.rglob("*.mo")}
    written = compile_catalogues(tmp_path)
    after = {path: path.stat().st_mtime_ns for path in source_tree.rglob("*.mo")}
    assert sorted(path.relative_to(tmp_path).as_posix() for path in written) == [
        "es/LC_MESSAGES/django.mo",
        "fr/LC_MESSAGES/django.mo",
    ]
    assert after == before
    assert Path(settings.LOCALE_PATHS[0]) == COMPILED_LOCALE_DIR


def test_an_apps_own_catalogue_is_merged_into_the_compiled_one():
    with translation.override("fr"):
        assert translation.gettext(
            "This museum is no longer listed in the registry it came from."
        ) == ("Ce musée ne figure plus dans le registre dont il provient.")


def test_plurals_of_an_app_catalogue_follow_the_projects_plural_rule():
    """An app's Spanish catalogue with two forms still answers for every count in Spanish."""
    with translation.override("es"):
        for count in (1, 2, 5, 1_000_000):
            text = translation.ngettext(
                "%(count)d museum no longer in the file was marked inactive:",
                "%(count)d museums no longer in the file were marked inactive:",
                count,
            ) % {"count": count}
            assert "museo" in text, (count, text)
