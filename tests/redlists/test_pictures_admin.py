"""Staff add pictures in the admin: checked with a message, cleaned and sized once."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from museion.redlists.models import Category, ObjectType

from .photo_fixtures import make_list, picture_storage  # noqa: F401
from .pictures import drawn_picture, jpeg_bytes
from .test_imaging import exif_with_gps_and_orientation

pytestmark = pytest.mark.usefixtures("picture_storage")


def type_form(object_type, upload) -> dict:
    return {
        "category": object_type.category_id,
        "position": 1,
        "title": object_type.title,
        "measurements-TOTAL_FORMS": 0,
        "measurements-INITIAL_FORMS": 0,
        "images-TOTAL_FORMS": 1,
        "images-INITIAL_FORMS": 0,
        "images-0-image": upload,
        "images-0-caption_object": "Figurine, terracotta",
        "images-0-credit": "© Test museum",
        "images-0-alt_text": "A standing figurine",
        "images-0-position": 1,
    }


def an_object_type(db):
    category = Category.objects.create(red_list=make_list("admin-list"), position=1, title="A")
    return ObjectType.objects.create(category=category, position=1, title="Figurine")


def test_staff_upload_is_stored_without_gps_with_renditions_and_hash(
    admin_client,
    django_capture_on_commit_callbacks,
):
    object_type = an_object_type(None)
    content = jpeg_bytes(drawn_picture(5), exif=exif_with_gps_and_orientation(1))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/redlists/objecttype/{object_type.pk}/change/",
            type_form(object_type, SimpleUploadedFile("p.jpg", content, "image/jpeg")),
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = object_type.images.get()
    with Image.open(image.image.path) as stored:
        assert not stored.getexif()
    assert image.thumbnail and image.large and image.phash is not None
    assert image.lookup_hashes.count() == 3


def test_staff_upload_of_a_non_image_gets_a_message_and_nothing_is_saved(
    admin_client,
):
    object_type = an_object_type(None)
    response = admin_client.post(
        f"/admin/redlists/objecttype/{object_type.pk}/change/",
        type_form(object_type, SimpleUploadedFile("p.jpg", b"not a picture", "image/jpeg")),
    )
    assert response.status_code == 200
    assert "Upload a valid image" in response.content.decode()
    assert not object_type.images.exists()


def test_staff_upload_of_a_decompression_bomb_gets_the_pixel_limit(
    admin_client,
):
    from .test_imaging import png_header_only

    object_type = an_object_type(None)
    bomb = SimpleUploadedFile("p.png", png_header_only(7_000, 7_000), "image/png")
    response = admin_client.post(
        f"/admin/redlists/objecttype/{object_type.pk}/change/", type_form(object_type, bomb)
    )
    assert response.status_code == 200
    assert "too many pixels to be processed safely" in response.content.decode()
    assert not object_type.images.exists()
