from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import Permission

from museion.news.models import Post
from museion.site.models import Page

from ..factories import UserFactory


@pytest.fixture
def news_editor(db):
    user = UserFactory(username="news-editor", is_staff=True)
    editable = Permission.objects.filter(content_type__app_label__in=["news", "site"])
    user.user_permissions.add(*editable)
    return user


def post_form(**overrides):
    data = {
        "title": "ICOM meets in Prague",
        "summary": "",
        "body": "Hello #ICOMPrague2022 <script>alert(1)</script>",
        "language": "en",
        "publish_at_0": "2022-08-20",
        "publish_at_1": "09:00:00",
        "lead_image_alt": "",
        "lead_image_credit": "",
        "translation_of": "",
        "author": "",
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "0",
        "sources-0-outlet": "Le Monde",
        "sources-0-title": "",
        "sources-0-url": "https://lemonde.example/a",
        "related_items-TOTAL_FORMS": "0",
        "related_items-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def test_staff_write_a_post_in_the_admin(client, news_editor):
    client.force_login(news_editor)
    response = client.post("/admin/news/post/add/", post_form())
    assert response.status_code == 302, response.content.decode()[:3000]
    post = Post.objects.get()
    assert post.author == news_editor
    assert post.publish_at == datetime(2022, 8, 20, 9, tzinfo=UTC)
    assert list(post.hashtags.values_list("name", flat=True)) == ["ICOMPrague2022"]
    assert "<script>" not in post.body_html
    assert post.sources.get().outlet == "Le Monde"


def test_admin_form_shows_translation_errors(client, news_editor):
    client.force_login(news_editor)
    client.post("/admin/news/post/add/", post_form())
    original = Post.objects.get()
    response = client.post(
        "/admin/news/post/add/", post_form(translation_of=str(original.pk), title="Copy")
    )
    assert response.status_code == 200
    assert (
        "A translation must be in another language than the original." in response.content.decode()
    )
    assert Post.objects.count() == 1


def test_people_without_news_permissions_cannot_open_the_post_admin(client, db):
    staffer = UserFactory(username="other-staff", is_staff=True)
    client.force_login(staffer)
    assert client.get("/admin/news/post/add/").status_code == 403


def test_staff_write_a_page_in_the_admin(client, news_editor):
    client.force_login(news_editor)
    data = {"slug": "about", "language": "en", "title": "About", "body": "We are **many**."}
    assert client.post("/admin/site/page/add/", data).status_code == 302
    assert Page.objects.get().body_html == "<p>We are <strong>many</strong>.</p>\n"
    duplicate = client.post("/admin/site/page/add/", data)
    assert duplicate.status_code == 200
    assert Page.objects.count() == 1
