"""An officer looks a photo up: the form, the result beside the photo, a refused file; axe-clean."""

import pytest
from playwright.sync_api import expect

from tests.redlists.photo_fixtures import add_pictures, make_list
from tests.redlists.pictures import EDITS, drawn_picture, jpeg_bytes

pytestmark = pytest.mark.browser


@pytest.fixture
def listed(transactional_db, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path / "media"
    return add_pictures(
        make_list("west-africa"), [10, 11], capture=django_capture_on_commit_callbacks
    )


def test_officer_finds_the_listed_type_of_a_photographed_object(
    page, listed, tmp_path, assert_accessible
):
    photo = tmp_path / "phone.jpg"
    photo.write_bytes(jpeg_bytes(EDITS["photographed"](EDITS["rotated 5°"](drawn_picture(11)))))
    page.goto("/red-lists/lookup/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Look up an object by photo")
    assert_accessible(page)

    page.get_by_label("Photo of the object").set_input_files(str(photo))
    page.get_by_role("button", name="Look up").click()

    expect(page.get_by_role("heading", name="1 match")).to_be_visible()
    result = page.locator(".lookup-match")
    expect(result.get_by_role("link", name="Figurine 11")).to_be_visible()
    expect(result.get_by_role("img", name="Your photo")).to_be_visible()
    expect(result.get_by_role("img", name="Drawn placeholder 11")).to_have_count(1)
    assert_accessible(page)


def test_a_file_that_is_not_a_photo_is_refused_with_a_message(
    page, listed, tmp_path, assert_accessible
):
    document = tmp_path / "notes.jpg"
    document.write_bytes(b"these are notes, not a photo")
    page.goto("/red-lists/lookup/")
    page.get_by_label("Photo of the object").set_input_files(str(document))
    page.get_by_role("button", name="Look up").click()
    expect(page.get_by_role("alert")).to_contain_text("could not be looked up")
    expect(page.get_by_text("This file is not a picture we can read")).to_be_visible()
    assert_accessible(page)
