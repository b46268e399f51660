"""The look-up on the demo lists: edited copies of demo pictures come back, others do not."""

import pytest
from PIL import Image

from museion.demo.redlists import load_redlists_demo, placeholder_picture
from museion.redlists.lookup import look_up_photo
from museion.redlists.models import ObjectImage

from .photo_fixtures import jpeg_upload, picture_storage  # noqa: F401
from .pictures import EDITS, drawn_picture

pytestmark = pytest.mark.usefixtures("picture_storage")


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load_redlists_demo()
    images = list(ObjectImage.objects.order_by("pk"))
    return images[::5]  # a spread across both lists and their categories


def stored_picture(image: ObjectImage) -> Image.Image:
    with image.image.open("rb") as handle, Image.open(handle) as picture:
        return picture.convert("RGB")


def test_edited_copies_of_demo_pictures_are_found_in_the_top_three(demo):
    misses = []
    for image in demo:
        original = stored_picture(image)
        for name, edit in EDITS.items():
            matches = look_up_photo(upload=jpeg_upload(edit(original)))
            if image.pk not in [match.image.pk for match in matches[:3]]:
                misses.append((image.pk, name, [(m.image.pk, m.score) for m in matches]))
    assert misses == []


def test_unrelated_pictures_match_no_demo_picture(demo):
    unrelated = [drawn_picture(seed) for seed in (400, 401, 402)]
    unrelated += [placeholder_picture(seed) for seed in (1, 2, 3)]  # same style, other seeds
    for picture in unrelated:
        assert look_up_photo(upload=jpeg_upload(picture)) == []
