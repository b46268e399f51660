"""Who sees what: drafts hidden from the public and the API, withdrawn lists, editors' scope."""

import pytest
from django.urls import reverse

from museion.redlists.models import ListStatus, RedList
from museion.redlists.services import can_edit_red_list
from tests.factories import UserFactory

from .builders import make_list


@pytest.fixture
def draft(db):
    return make_list("secret-draft", status=ListStatus.DRAFT)


def draft_urls(draft):
    category = draft.categories.first()
    object_type = category.object_types.first()
    return [
        reverse("redlists:list", args=[draft.slug]),
        reverse("redlists:category", args=[draft.slug, category.pk]),
        reverse("redlists:type", args=[draft.slug, object_type.pk]),
        reverse("redlists:pdf", args=[draft.slug]),
        f"/api/v1/redlists/lists/{draft.slug}",
        f"/api/v1/redlists/categories/{category.pk}",
        f"/api/v1/redlists/types/{object_type.pk}",
        f"/api/v1/redlists/types/{object_type.pk}/linked-art",
    ]


def test_draft_is_invisible_to_the_public_everywhere(client, draft):
    for url in draft_urls(draft):
        assert client.get(url).status_code == 404, url
    assert "secret-draft" not in client.get("/red-lists/").content.decode()
    assert client.get("/api/v1/redlists/lists").json()["count"] == 0
    assert client.get("/api/v1/redlists/search", {"q": "bronze"}).json()["count"] == 0


def test_draft_is_invisible_to_an_editor_of_another_list(client, draft, red_list, list_editor):
    client.force_login(list_editor)
    assert client.get(reverse("redlists:list", args=[draft.slug])).status_code == 404


def test_draft_preview_for_its_editor(client, draft):
    user = UserFactory(username="draft-editor")
    draft.editors.add(user)
    client.force_login(user)
    response = client.get(reverse("redlists:list", args=[draft.slug]))
    assert response.status_code == 200
    assert "Draft: only the list" in response.content.decode()


def test_editor_of_list_a_cannot_edit_list_b(client, red_list, list_editor):
    other = make_list("list-b", pictures=False)
    assert can_edit_red_list(list_editor, red_list)
    assert not can_edit_red_list(list_editor, other)
    client.force_login(list_editor)
    category = other.categories.first()
    object_type = category.object_types.first()
    for url in [
        reverse("redlists:edit_list", args=[other.pk]),
        reverse("redlists:edit_category", kwargs={"category": category.pk}),
        reverse("redlists:edit_type", kwargs={"object_type": object_type.pk}),
        reverse("redlists:changes", args=[other.pk]),
    ]:
        assert client.get(url).status_code == 403, url
    for url in [
        reverse("redlists:edit_list", args=[other.pk]),
        reverse("redlists:publish", args=[other.pk]),
        reverse("redlists:withdraw", args=[other.pk]),
        reverse("redlists:move", args=["category", category.pk, "down"]),
        reverse("redlists:new_category", args=[other.pk]),
    ]:
        assert client.post(url, {"title": "Hijack", "reason": "x"}).status_code == 403, url
    other.refresh_from_db()
    assert other.title == "Red List list-b" and other.status == ListStatus.PUBLISHED
    assert not other.categories.filter(title="Hijack").exists()


def test_editor_of_an_original_edits_its_translations(red_list, list_editor):
    translation = make_list("west-africa-fr", language="fr", original=red_list, pictures=False)
    assert can_edit_red_list(list_editor, translation)


def test_anonymous_visitor_is_sent_to_log_in_for_editor_pages(client, red_list):
    response = client.get(reverse("redlists:edit_list", args=[red_list.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_withdrawn_list_says_so_and_hides_its_content(client, red_list):
    RedList.objects.filter(pk=red_list.pk).update(
        status=ListStatus.WITHDRAWN, withdrawn_reason="Replaced by a new edition."
    )
    response = client.get(red_list.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 410
    assert "This Red List has been withdrawn." in html and "Replaced by a new edition." in html
    assert "Terracotta figurine" not in html
    category = red_list.categories.first()
    assert client.get(category.get_absolute_url()).status_code == 404
    assert client.get(reverse("redlists:pdf", args=[red_list.slug])).status_code == 404
    assert client.get(f"/api/v1/redlists/lists/{red_list.slug}").status_code == 404
