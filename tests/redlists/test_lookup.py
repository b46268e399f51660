"""The photo look-up against the database: what a person uploading a photo gets back."""

import io
import os

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from museion.redlists.lookup import look_up_photo
from museion.redlists.lookup_models import PictureHash
from museion.redlists.models import Report, ReportPhoto
from museion.redlists.pictures import process_report_photo

from .photo_fixtures import add_pictures, jpeg_upload, make_list, picture_storage  # noqa: F401
from .pictures import EDITS, drawn_picture

SEEDS = [10, 11, 12, 13, 14, 15]

pytestmark = pytest.mark.usefixtures("picture_storage")


@pytest.fixture
def published(db, django_capture_on_commit_callbacks):
    red_list = make_list("west-africa")
    return add_pictures(red_list, SEEDS, capture=django_capture_on_commit_callbacks)


@pytest.mark.parametrize("edit", EDITS)
def test_edited_photo_of_a_listed_object_finds_its_type_first(published, edit):
    image = published[2]
    matches = look_up_photo(upload=jpeg_upload(EDITS[edit](drawn_picture(12))))
    assert [match.image.pk for match in matches[:3]].count(image.pk) == 1
    assert matches[0].object_type == image.object_type
    assert matches[0].kind == "type"


def test_unrelated_photo_matches_nothing(published):
    for seed in (200, 201, 202):
        assert look_up_photo(upload=jpeg_upload(drawn_picture(seed))) == []


def test_pictures_of_a_draft_list_are_never_matched(published, django_capture_on_commit_callbacks):
    draft = make_list("draft-list", status="draft")
    add_pictures(draft, [30], capture=django_capture_on_commit_callbacks)
    assert look_up_photo(upload=jpeg_upload(drawn_picture(30))) == []

    with django_capture_on_commit_callbacks(execute=True):
        draft.status = "published"
        draft.save()
    assert [m.object_type.title for m in look_up_photo(upload=jpeg_upload(drawn_picture(30)))] == [
        "Figurine 30"
    ]


def test_picture_added_after_a_look_up_is_found_by_the_next(
    published, django_capture_on_commit_callbacks
):
    assert look_up_photo(upload=jpeg_upload(drawn_picture(40))) == []
    add_pictures(make_list("later"), [40], capture=django_capture_on_commit_callbacks)
    assert len(look_up_photo(upload=jpeg_upload(drawn_picture(40)))) == 1


def test_deleted_picture_is_no_longer_matched(published, django_capture_on_commit_callbacks):
    assert look_up_photo(upload=jpeg_upload(drawn_picture(11)))
    with django_capture_on_commit_callbacks(execute=True):
        published[1].delete()
    assert look_up_photo(upload=jpeg_upload(drawn_picture(11))) == []


def test_reported_object_is_matched_only_when_reports_are_included(
    published, django_capture_on_commit_callbacks
):
    report = Report.objects.create(
        description="Mask seen at a market",
        where_seen="Market",
        reporter_name="A",
        reporter_email="a@example.org",
    )
    photo = ReportPhoto(report=report, image=jpeg_upload(drawn_picture(50)))
    with django_capture_on_commit_callbacks(execute=True):
        process_report_photo(photo=photo)
    photographed = jpeg_upload(EDITS["photographed"](drawn_picture(50)))

    assert look_up_photo(upload=photographed) == []
    matches = look_up_photo(upload=photographed, include_reports=True)
    assert [(m.kind, m.photo.report_id) for m in matches] == [("report", report.pk)]


def test_reader_gets_the_type_in_their_language_where_translated(published):
    original = published[0].object_type
    french = make_list("afrique-de-l-ouest", language="fr", original=original.category.red_list)
    category = french.categories.create(position=1, title="Archéologie", original=original.category)
    translated = category.object_types.create(
        position=1, title="Figurine 10 (fr)", original=original
    )

    in_french = look_up_photo(upload=jpeg_upload(drawn_picture(10)), language="fr")
    in_spanish = look_up_photo(upload=jpeg_upload(drawn_picture(10)), language="es")
    assert in_french[0].object_type == translated
    assert in_french[0].image == published[0]  # pictures belong to the original type
    assert in_spanish[0].object_type == original


def test_refused_upload_raises_the_readable_message(published):
    with pytest.raises(ValidationError) as error:
        look_up_photo(upload=jpeg_upload(drawn_picture(1)).__class__("x.jpg", b"GIF89a nonsense"))
    assert error.value.code in {"not_image", "damaged"}


@pytest.mark.parametrize("count", [1, 6])
def test_look_up_queries_do_not_grow_with_matches(
    db,
    django_capture_on_commit_callbacks,
    django_assert_num_queries,
    count,
):
    # The same picture under several types: every one of them is a confirmed match.
    red_list = make_list("many")
    add_pictures(red_list, [60] * count, capture=django_capture_on_commit_callbacks)
    look_up_photo(upload=jpeg_upload(drawn_picture(1)))  # builds the index
    with django_assert_num_queries(2):  # candidate pictures; their translations
        matches = look_up_photo(upload=jpeg_upload(drawn_picture(60)), language="fr")
    assert len(matches) == count


def test_stored_picture_keeps_no_gps_and_has_renditions_and_hashes(published):
    image = published[0]
    with Image.open(image.image.path) as stored:
        assert not stored.getexif()
    with Image.open(image.thumbnail.path) as thumbnail, Image.open(image.large.path) as large:
        assert (thumbnail.size, large.size) == ((480, 360), (800, 600))
    hashes = PictureHash.objects.filter(image=image).order_by("-crop")
    assert [h.crop for h in hashes] == [100, 90, 80]
    assert hashes[0].value == image.phash


def test_processing_again_replaces_the_files_and_hashes(
    published, django_capture_on_commit_callbacks
):
    from museion.redlists.pictures import process_object_image

    image = published[0]
    old_path = image.thumbnail.path
    with django_capture_on_commit_callbacks(execute=True):
        process_object_image(image=image)
    assert image.thumbnail.path != old_path
    assert not os.path.exists(old_path)
    assert PictureHash.objects.filter(image=image).count() == 3


def test_command_processes_pictures_stored_without_hashes(
    published, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    from museion.redlists.models import ObjectImage

    from .pictures import jpeg_bytes

    raw = ObjectImage(
        object_type=published[0].object_type,
        caption_object="Raw",
        credit="©",
        alt_text="Raw picture",
    )
    raw.image.save("raw.jpg", ContentFile(jpeg_bytes(drawn_picture(70))), save=True)
    broken = ObjectImage(object_type=raw.object_type, caption_object="B", credit="©", alt_text="B")
    broken.image.save("broken.jpg", ContentFile(b"not a picture"), save=True)
    output, errors = io.StringIO(), io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("process_red_list_pictures", stdout=output, stderr=errors)
    assert output.getvalue() == "1 pictures processed, 1 could not be read\n"
    assert f"ObjectImage {broken.pk}: This file is not a picture" in errors.getvalue()
    raw.refresh_from_db()
    assert raw.thumbnail and raw.phash is not None
    assert len(look_up_photo(upload=jpeg_upload(drawn_picture(70)))) == 1
