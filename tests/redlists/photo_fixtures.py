"""Red Lists with processed pictures for the look-up tests; files go to a temporary folder."""

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from museion.redlists.models import Category, ObjectImage, ObjectType, RedList, ReportPhoto
from museion.redlists.pictures import process_object_image

from .pictures import drawn_picture, jpeg_bytes


@pytest.fixture
def picture_storage(settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    private = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(ReportPhoto._meta.get_field("image"), "storage", private)
    return tmp_path


def jpeg_upload(picture, name="photo.jpg", **options) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(picture, **options), content_type="image/jpeg")


def make_list(slug: str, *, status: str = "published", language: str = "en", original=None):
    return RedList.objects.create(
        slug=slug,
        title=slug.replace("-", " ").title(),
        region="Test region",
        language=language,
        status=status,
        original=original,
    )


def add_pictures(red_list: RedList, seeds, *, capture) -> list[ObjectImage]:
    """One type per seed in one category, each with the drawn picture of that seed."""
    category = Category.objects.create(red_list=red_list, position=1, title="Archaeology")
    images = []
    for number, seed in enumerate(seeds, start=1):
        object_type = ObjectType.objects.create(
            category=category, position=number, title=f"Figurine {seed}"
        )
        image = ObjectImage(
            object_type=object_type,
            image=jpeg_upload(drawn_picture(seed)),
            caption_object=f"Figurine {seed}, terracotta",
            credit="© Test museum",
            alt_text=f"Drawn placeholder {seed}",
        )
        with capture(execute=True):
            images.append(process_object_image(image=image))
    return images
