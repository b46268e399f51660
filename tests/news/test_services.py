from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from museion.news import services
from museion.news.models import Hashtag, Post

from ..factories import UserFactory
from .factories import PostFactory

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def post_data(**overrides):
    data = {
        "title": "ICOM meets in Prague",
        "body": "The General Conference opens. #ICOMPrague2022 #Museums",
        "language": "en",
        "publish_at": datetime(2022, 8, 20, 9, tzinfo=UTC),
    }
    data.update(overrides)
    return data


@pytest.fixture
def writer(db):
    from django.contrib.auth.models import Permission

    user = UserFactory(username="writer", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["add_post", "change_post"]))
    return user


def test_create_post_renders_body_and_records_hashtags(writer):
    post = services.create_post(author=writer, data=post_data())
    assert post.slug == "icom-meets-in-prague"
    assert post.body_html.startswith("<p>The General Conference opens. <a href=")
    assert sorted(post.hashtags.values_list("name", flat=True)) == ["ICOMPrague2022", "Museums"]
    assert post.author == writer


def test_editing_the_body_updates_hashtags(writer):
    post = services.create_post(author=writer, data=post_data())
    services.update_post(user=writer, post=post, data={"body": "Now only #IMD2023"})
    assert list(post.hashtags.values_list("slug", flat=True)) == ["imd2023"]
    assert Hashtag.objects.count() == 3


def test_hashtag_spelling_variants_share_one_tag(writer):
    services.create_post(author=writer, data=post_data(body="#ICOMPrague2022"))
    services.create_post(author=writer, data=post_data(title="Two", body="#icomprague2022"))
    assert list(Hashtag.objects.values_list("name", "slug")) == [
        ("ICOMPrague2022", "icomprague2022")
    ]


def test_visitors_and_editors_without_permission_cannot_write(db):
    for user in (UserFactory(username="plain"), UserFactory(username="staffer", is_staff=True)):
        with pytest.raises(PermissionDenied):
            services.create_post(author=user, data=post_data())
    assert Post.objects.count() == 0


def test_lead_image_needs_alt_text_and_credit(writer):
    image = SimpleUploadedFile("lead.png", PNG, content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.create_post(author=writer, data=post_data(lead_image=image))
    assert set(error.value.error_dict) == {"lead_image_alt", "lead_image_credit"}
    assert Post.objects.count() == 0


def test_lead_image_must_be_an_image(writer):
    fake = SimpleUploadedFile("lead.png", b"<html>not an image</html>", content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.create_post(
            author=writer,
            data=post_data(lead_image=fake, lead_image_alt="A hall", lead_image_credit="ICOM"),
        )
    assert error.value.error_dict["lead_image"][0].messages == [
        "This file is not a JPEG, PNG, GIF, WebP or AVIF image."
    ]


@pytest.mark.parametrize(
    "field,value",
    [("language", "klingon"), ("title", ""), ("body", "x" * 50_001), ("title", "t" * 201)],
)
def test_bad_values_are_refused_with_a_field_error(writer, field, value):
    with pytest.raises(ValidationError) as error:
        services.create_post(author=writer, data=post_data(**{field: value}))
    assert field in error.value.error_dict
    assert Post.objects.count() == 0


def test_translation_rules(writer):
    original = PostFactory(language="en")
    french = PostFactory(language="fr", translation_of=original)
    assert list(original.translations.all()) == [french]
    cases = [
        ({"language": "en", "translation_of": original}, "language"),
        ({"language": "fr", "translation_of": original}, "language"),
        ({"language": "es", "translation_of": french}, "translation_of"),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as error:
            services.create_post(author=writer, data=post_data(**data))
        assert field in error.value.error_dict
    assert Post.objects.count() == 2


def test_scheduled_post_is_published_at_its_time(db):
    post = PostFactory(publish_at=timezone.now() + timedelta(hours=1))
    draft = PostFactory(publish_at=None)
    assert list(Post.objects.published()) == []
    Post.objects.filter(pk=post.pk).update(publish_at=timezone.now() - timedelta(seconds=1))
    assert list(Post.objects.published()) == [post]
    assert not draft.is_published
