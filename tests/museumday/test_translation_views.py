"""Editors' and moderators' screens for translations of activities."""

import pytest

from museion.museumday import translations
from museion.museumday.models import ActivityTranslation

from ..factories import ActivityFactory, CommitteeFactory, UserFactory
from ..pages import visible_text

QUEUE = "/museum-day/moderation/"
SPANISH = {"title": "Noche en el museo", "description": "Una visita con linternas."}


@pytest.fixture
def activity(edition, museum):
    return ActivityFactory(edition=edition, museum=museum, title="Nuit au musée", language="fr")


def add_url(activity) -> str:
    return f"/museum-day/my/activities/{activity.pk}/translations/add/"


def edit_url(activity, language) -> str:
    return f"/museum-day/my/activities/{activity.pk}/translations/{language}/"


def activity_edit_url(activity) -> str:
    return f"/museum-day/my/activities/{activity.pk}/edit/"


def posted(language="es", **overrides) -> dict:
    data = {"language": language, **SPANISH, "accessibility_notes": "", **overrides}
    return {f"translation-{key}": value for key, value in data.items()}


def test_edit_page_lists_translations_and_offers_the_form(client, editor, activity):
    ActivityTranslation.objects.create(activity=activity, language="es", **SPANISH)
    client.force_login(editor)
    response = client.get(activity_edit_url(activity))
    text = visible_text(response)
    assert "español (es): Noche en el museo — Awaiting moderation" in text
    assert "Add a translation" in text
    choices = dict(response.context["translation_form"].fields["language"].choices)
    assert "fr" not in choices and choices["es"] == "español" and choices["pt-BR"]


def test_editor_adds_a_translation_of_a_published_activity(client, editor, activity):
    client.force_login(editor)
    response = client.post(add_url(activity), posted(), follow=True)
    assert response.redirect_chain == [(activity_edit_url(activity) + "#translations", 302)]
    assert "The translation awaits moderation." in visible_text(response)
    translation = ActivityTranslation.objects.get()
    assert (translation.language, translation.title, translation.status) == (
        "es",
        "Noche en el museo",
        "pending",
    )
    assert translation.created_by == editor


def test_editing_an_approved_translation_shows_the_pending_change(client, editor, activity):
    ActivityTranslation.objects.create(
        activity=activity, language="es", status="approved", **SPANISH
    )
    client.force_login(editor)
    response = client.post(edit_url(activity, "es"), posted(language="de", title="Noche nueva"))
    assert response.status_code == 302
    translation = ActivityTranslation.objects.get()
    # The language of an existing translation stays; the change waits as a proposal.
    assert (translation.language, translation.title) == ("es", "Noche en el museo")
    assert translation.proposal["title"] == "Noche nueva"
    form = client.get(edit_url(activity, "es"))
    assert form.context["form"]["title"].value() == "Noche nueva"
    assert "awaits moderation" in visible_text(form)


@pytest.mark.parametrize(
    "data,field,message",
    [
        (posted(language="fr"), "language", "Select a valid choice."),
        (posted(language="klingon"), "language", "Select a valid choice."),
        (posted(description="x" * 10_001), "description", "at most 10000 characters"),
        (posted(title=""), "title", "This field is required."),
    ],
)
def test_bad_input_is_a_400_with_the_reason_next_to_the_field(
    client, editor, activity, data, field, message
):
    client.force_login(editor)
    response = client.post(add_url(activity), data)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert ActivityTranslation.objects.count() == 0


def test_editors_of_other_museums_and_visitors_cannot_translate(client, other_museum, activity):
    stranger = UserFactory(username="prado-editor")
    other_museum.editors.add(stranger)
    ActivityTranslation.objects.create(activity=activity, language="en", title="T", description="D")
    assert client.post(add_url(activity), posted())["Location"].startswith("/accounts/login/")
    client.force_login(stranger)
    assert client.get(add_url(activity)).status_code == 404
    assert client.post(add_url(activity), posted()).status_code == 404
    assert client.post(edit_url(activity, "en") + "delete/").status_code == 404
    assert list(ActivityTranslation.objects.values_list("language", flat=True)) == ["en"]


def test_editor_deletes_a_translation(client, editor, activity):
    ActivityTranslation.objects.create(activity=activity, language="es", **SPANISH)
    client.force_login(editor)
    response = client.post(edit_url(activity, "es") + "delete/")
    assert response.status_code == 302
    assert ActivityTranslation.objects.count() == 0
    assert client.get(edit_url(activity, "es") + "delete/").status_code == 405


def test_moderation_queue_shows_pending_translations_of_the_coordinators_country(
    client, editor, coordinator, activity, other_museum, edition
):
    translations.save_translation(user=editor, activity=activity, language="es", data=SPANISH)
    spanish = ActivityFactory(museum=other_museum, edition=edition, language="es")
    ActivityTranslation.objects.create(activity=spanish, language="fr", title="Hors champ")
    client.force_login(coordinator)
    text = visible_text(client.get(QUEUE))
    assert "Translation into español" in text and "Noche en el museo" in text
    assert "Hors champ" not in text


def test_moderator_approves_and_rejects_through_the_queue(client, editor, coordinator, activity):
    pending = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    url = f"/museum-day/moderation/translations/{pending.pk}/"
    client.force_login(coordinator)
    response = client.post(url, {"action": "reject", "reason": ""}, follow=True)
    assert "Tell the editor why, so they can fix it." in visible_text(response)
    pending.refresh_from_db()
    assert pending.status == "pending"
    response = client.post(url, {"action": "approve"}, follow=True)
    assert "The translation is published." in visible_text(response)
    pending.refresh_from_db()
    assert pending.status == "approved"
    assert "No translations waiting." in visible_text(response)


def test_editors_and_other_coordinators_cannot_moderate(client, editor, activity):
    pending = translations.save_translation(
        user=editor, activity=activity, language="es", data=SPANISH
    )
    url = f"/museum-day/moderation/translations/{pending.pk}/"
    spanish = UserFactory(username="es-coordinator")
    CommitteeFactory(country="ES").coordinators.add(spanish)
    for user in (editor, spanish):
        client.force_login(user)
        assert client.post(url, {"action": "approve"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == "pending"
