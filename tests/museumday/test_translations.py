"""Activities in other languages: who writes and approves them, and what the public reads."""

import json
import re
from html import unescape

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from museion.museumday import translations
from museion.museumday.models import ActivityTranslation, Status, Transition

from ..factories import ActivityFactory, CommitteeFactory, UserFactory

LIST = "/museum-day/activities/"
API = "/api/v1/activities"
SPANISH = {"title": "Noche en el museo", "description": "Una visita con linternas."}
ENGLISH = {"title": "Night at the museum", "description": "A lantern-lit visit."}


@pytest.fixture
def activity(edition, museum):
    return ActivityFactory(
        edition=edition,
        museum=museum,
        title="Nuit au musée",
        description="Une visite à la lanterne.",
        accessibility_notes="Accès de plain-pied.",
        language="fr",
    )


def approved(activity, language, text, **extra):
    return ActivityTranslation.objects.create(
        activity=activity, language=language, status="approved", **text, **extra
    )


def heading(response) -> tuple[str, str]:
    """The page's h1: its lang attribute and its text."""
    match = re.search(r'<h1 lang="([^"]*)">(.*?)</h1>', response.text, re.S)
    return match.group(1), unescape(match.group(2))


def list_titles(response) -> list[tuple[str, str]]:
    """Each listed activity's title, with the lang it is marked with."""
    return [
        (lang, unescape(title))
        for lang, title in re.findall(
            r'<h[23] lang="([^"]*)"><a [^>]*>(.*?)</a></h[23]>', response.text
        )
    ]


def api_item(client, activity) -> dict:
    response = client.get(f"{API}/{activity.pk}")
    assert response.status_code == 200
    return json.loads(response.content)


def search(client, q: str) -> list[str]:
    response = client.get(LIST, {"q": q})
    assert response.status_code == 200
    return [a.title for a in response.context["page"].object_list]


# --- Writing and moderating ---------------------------------------------------------------


def test_translation_of_a_draft_is_approved_and_public_once_the_activity_is(
    client, editor, coordinator, activity
):
    activity.status = Status.DRAFT
    activity.save()
    saved = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    assert saved.status == "approved"
    assert client.get(activity.get_absolute_url() + "?lang=es").status_code == 404
    activity.status = Status.PUBLISHED
    activity.save()
    assert heading(client.get(activity.get_absolute_url() + "?lang=es")) == (
        "es",
        "Noche en el museo",
    )


def test_translation_of_a_published_activity_waits_for_a_moderator(
    client, editor, coordinator, activity
):
    pending = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    assert pending.status == "pending"
    url = activity.get_absolute_url()
    assert heading(client.get(url, HTTP_ACCEPT_LANGUAGE="es")) == ("fr", "Nuit au musée")
    assert api_item(client, activity)["translations"] == {}
    assert search(client, "noche") == []

    translations.approve_translation(moderator=coordinator, translation=pending)
    assert heading(client.get(url, HTTP_ACCEPT_LANGUAGE="es")) == ("es", "Noche en el museo")
    # The cached count of the search is stale the moment the translation is approved.
    assert search(client, "noche") == ["Nuit au musée"]
    steps = Transition.objects.filter(activity=activity).values_list("action", "language", "actor")
    assert list(steps) == [
        ("translate", "es", editor.pk),
        ("approve_translation", "es", coordinator.pk),
    ]


def test_edit_of_an_approved_translation_leaves_the_approved_text_online_until_approved(
    client, editor, coordinator, activity
):
    spanish = approved(activity, "es", SPANISH)
    edit = {"title": "Noche de linternas", "description": "Nueva visita."}
    translations.save_translation(user=editor, activity=activity, language="es", data=edit)
    url = activity.get_absolute_url() + "?lang=es"
    assert heading(client.get(url))[1] == "Noche en el museo"

    spanish.refresh_from_db()
    translations.reject_translation(moderator=coordinator, translation=spanish, reason="Typo.")
    spanish.refresh_from_db()
    assert (spanish.status, spanish.proposal, spanish.reason) == ("approved", None, "Typo.")
    assert heading(client.get(url))[1] == "Noche en el museo"

    translations.save_translation(user=editor, activity=activity, language="es", data=edit)
    translations.approve_translation(moderator=coordinator, translation=spanish)
    assert heading(client.get(url))[1] == "Noche de linternas"
    assert ActivityTranslation.objects.filter(activity=activity).count() == 1


def test_rejected_translation_is_never_public_and_the_reason_is_required(
    client, editor, coordinator, activity
):
    pending = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    with pytest.raises(ValidationError):
        translations.reject_translation(moderator=coordinator, translation=pending, reason=" ")
    translations.reject_translation(
        moderator=coordinator, translation=pending, reason="Machine translation."
    )
    pending.refresh_from_db()
    assert (pending.status, pending.reason) == ("rejected", "Machine translation.")
    assert heading(client.get(activity.get_absolute_url() + "?lang=es"))[1] == "Nuit au musée"
    assert api_item(client, activity)["translations"] == {}
    with pytest.raises(ValidationError):
        translations.approve_translation(moderator=coordinator, translation=pending)


def test_only_editors_of_the_museum_write_translations(editor, other_museum, edition, activity):
    theirs = ActivityFactory(museum=other_museum, edition=edition, language="es")
    with pytest.raises(PermissionDenied):
        translations.save_translation(user=editor, activity=theirs, language="en", data=ENGLISH)
    stranger = UserFactory(username="stranger")
    with pytest.raises(PermissionDenied):
        translations.save_translation(user=stranger, activity=activity, language="es", data=SPANISH)
    spanish = approved(activity, "es", SPANISH)
    with pytest.raises(PermissionDenied):
        translations.delete_translation(user=stranger, translation=spanish)
    assert ActivityTranslation.objects.count() == 1


def test_only_moderators_of_the_museum_approve_or_reject(editor, activity):
    pending = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    spanish_coordinator = UserFactory(username="es-coordinator")
    CommitteeFactory(country="ES").coordinators.add(spanish_coordinator)
    for user in (editor, spanish_coordinator):
        with pytest.raises(PermissionDenied):
            translations.approve_translation(moderator=user, translation=pending)
        with pytest.raises(PermissionDenied):
            translations.reject_translation(moderator=user, translation=pending, reason="No.")
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_staff_approve_any_translation(staff, editor, activity):
    pending = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    assert translations.approve_translation(moderator=staff, translation=pending).status == (
        "approved"
    )


@pytest.mark.parametrize(
    "language,data,field",
    [
        ("fr", SPANISH, "language"),
        ("FR", SPANISH, "language"),
        ("klingon", SPANISH, "language"),
        ("xx", SPANISH, "language"),
        ("es", {"title": "", "description": "Una visita."}, "title"),
        ("es", {"title": "Noche", "description": "x" * 10_001}, "description"),
        ("es", {**SPANISH, "accessibility_notes": "x" * 2001}, "accessibility_notes"),
    ],
)
def test_bad_translations_are_refused_with_the_field_at_fault(
    editor, activity, language, data, field
):
    with pytest.raises(ValidationError) as error:
        translations.save_translation(user=editor, activity=activity, language=language, data=data)
    assert list(error.value.message_dict) == [field]
    assert ActivityTranslation.objects.count() == 0


def test_language_codes_are_stored_in_their_usual_case(editor, activity):
    saved = translations.save_translation(
        user=editor, activity=activity, language="pt-br", data=SPANISH
    )
    assert saved.language == "pt-BR"


def test_deleting_an_approved_translation_takes_it_offline_and_out_of_search(
    client, editor, staff, activity
):
    spanish = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    translations.approve_translation(moderator=staff, translation=spanish)
    assert search(client, "noche") == ["Nuit au musée"]
    translations.delete_translation(user=editor, translation=spanish)
    assert search(client, "noche") == []
    assert api_item(client, activity)["translations"] == {}
    assert list(Transition.objects.values_list("action", flat=True))[-1] == "delete_translation"


# --- What the public reads ------------------------------------------------------------------


@pytest.fixture
def translated(activity):
    approved(activity, "es", SPANISH, accessibility_notes="Acceso sin escalones.")
    approved(activity, "en", ENGLISH)
    ActivityTranslation.objects.create(
        activity=activity, language="de", status="pending", title="Nacht im Museum", description="…"
    )
    ActivityTranslation.objects.create(
        activity=activity, language="it", status="rejected", title="Notte", description="…"
    )
    # Rows made here, not through the services: copy the approved ones into the search text.
    translations.refresh_public_text(activity)
    return activity


@pytest.mark.parametrize(
    "interface,expected",
    [
        ("fr", ("fr", "Nuit au musée")),
        ("es", ("es", "Noche en el museo")),
        ("en", ("en", "Night at the museum")),
        ("de", ("en", "Night at the museum")),  # not an interface language: English
    ],
)
def test_detail_page_speaks_the_readers_language(client, translated, interface, expected):
    response = client.get(translated.get_absolute_url(), HTTP_ACCEPT_LANGUAGE=interface)
    assert heading(response) == expected
    assert f'<div class="description" lang="{expected[0]}">' in response.text


def test_detail_page_links_to_the_other_languages(client, translated):
    response = client.get(translated.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es")
    links = re.findall(
        r'<a href="\?lang=([^"]+)" hreflang="[^"]+" lang="[^"]+">([^<]+)</a>', response.text
    )
    assert links == [("fr", "français"), ("en", "English")]
    assert '<span aria-current="true" lang="es">español</span>' in response.text
    assert "Nacht im Museum" not in response.text and "Notte" not in response.text


@pytest.mark.parametrize(
    "lang,expected",
    [
        ("es", ("es", "Noche en el museo")),
        ("fr", ("fr", "Nuit au musée")),
        ("de", ("fr", "Nuit au musée")),  # pending
        ("it", ("fr", "Nuit au musée")),  # rejected
        ("zz-!!", ("fr", "Nuit au musée")),
    ],
)
def test_lang_parameter_picks_a_version_and_unknown_ones_fall_back_to_the_original(
    client, translated, lang, expected
):
    response = client.get(translated.get_absolute_url(), {"lang": lang}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert heading(response) == expected


def test_translated_page_keeps_the_original_in_its_structured_data(client, translated):
    response = client.get(translated.get_absolute_url(), {"lang": "es"})
    data = json.loads(
        re.search(
            r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.text, re.S
        ).group(1)
    )
    assert (data["name"], data["inLanguage"]) == ("Nuit au musée", "fr")
    assert '<dd lang="es">Acceso sin escalones.</dd>' in response.text


def test_translation_without_accessibility_notes_shows_the_originals(client, translated):
    response = client.get(translated.get_absolute_url(), {"lang": "en"})
    assert '<dd lang="fr">Accès de plain-pied.</dd>' in response.text


@pytest.mark.parametrize(
    "interface,expected",
    [
        ("es", ("es", "Noche en el museo")),
        ("en", ("en", "Night at the museum")),
        ("fr", ("fr", "Nuit au musée")),
    ],
)
def test_list_and_embed_show_titles_in_the_readers_language(
    client, translated, museum, edition, interface, expected
):
    ActivityFactory(museum=museum, edition=edition, title="Atelier", language="fr")
    for url in (LIST, "/museum-day/embed/"):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=interface)
        assert list_titles(response) == [expected, ("fr", "Atelier")]


def test_museum_page_shows_titles_in_the_readers_language(client, translated, museum):
    response = client.get(museum.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es")
    link = f'<a href="{translated.get_absolute_url()}" lang="es">Noche en el museo</a>'
    assert link in response.text


def test_api_lists_the_approved_translations(client, translated):
    expected = {
        "en": {**ENGLISH, "accessibility_notes": ""},
        "es": {**SPANISH, "accessibility_notes": "Acceso sin escalones."},
    }
    assert api_item(client, translated)["translations"] == expected
    response = client.get(API)
    (item,) = json.loads(response.content)["results"]
    assert (item["title"], item["language"], item["translations"]) == (
        "Nuit au musée",
        "fr",
        expected,
    )


def test_search_finds_activities_by_their_approved_translations(client, translated):
    assert search(client, "noche museo") == ["Nuit au musée"]
    assert search(client, "lantern") == ["Nuit au musée"]
    assert search(client, "nacht") == []  # pending
    assert search(client, "notte") == []  # rejected
    assert [a["title"] for a in json.loads(client.get(API, {"q": "noche"}).content)["results"]] == [
        "Nuit au musée"
    ]


def test_approving_a_translation_marks_the_activity_changed(editor, coordinator, activity):
    before = activity.updated_at
    pending = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    activity.refresh_from_db()
    assert activity.updated_at == before  # nothing public changed yet
    translations.approve_translation(moderator=coordinator, translation=pending)
    activity.refresh_from_db()
    assert activity.updated_at > before


def queries_for(client, url, **headers) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **headers).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [LIST + "?country=FR", API + "?country=FR", "/museum-day/embed/?country=FR", "museum"],
)
def test_query_counts_do_not_grow_with_translations(client, edition, museum, url):
    def count() -> int:
        target = museum.get_absolute_url() if url == "museum" else url
        return queries_for(client, target, HTTP_ACCEPT_LANGUAGE="es")

    ActivityFactory(museum=museum, edition=edition)
    one = count()
    for n in range(5):
        other = ActivityFactory(museum=museum, edition=edition)
        for language in ("es", "es-MX", "en", "de"):
            approved(other, language, {"title": f"T{n} {language}", "description": "…"})
    assert count() == one


def test_detail_query_count_does_not_grow_with_translations(client, activity):
    url = activity.get_absolute_url()
    one = queries_for(client, url)
    for language in ("es", "en", "de", "it", "pt-BR"):
        approved(activity, language, {"title": language, "description": "…"})
    assert queries_for(client, url) == one


def test_regional_translation_serves_readers_of_its_language(client, activity):
    approved(activity, "es-MX", {"title": "Noche mexicana", "description": "…"})
    assert heading(client.get(activity.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="es")) == (
        "es-MX",
        "Noche mexicana",
    )
    response = client.get(LIST, HTTP_ACCEPT_LANGUAGE="es")
    assert list_titles(response) == [("es-MX", "Noche mexicana")]
