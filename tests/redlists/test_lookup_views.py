"""The look-up page and POST /api/v1/redlists/lookup, as a person or a program uses them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from museion.redlists.models import Report, ReportPhoto
from museion.redlists.pictures import process_report_photo
from tests.factories import UserFactory

from .photo_fixtures import add_pictures, jpeg_upload, make_list, picture_storage  # noqa: F401
from .pictures import EDITS, drawn_picture, jpeg_bytes
from .test_imaging import png_header_only

pytestmark = pytest.mark.usefixtures("picture_storage")
API = "/api/v1/redlists/lookup"


@pytest.fixture
def published(db, django_capture_on_commit_callbacks):
    return add_pictures(
        make_list("west-africa"), [10, 11, 12], capture=django_capture_on_commit_callbacks
    )


@pytest.fixture
def reported(db, django_capture_on_commit_callbacks):
    report = Report.objects.create(
        description="Mask at a market",
        where_seen="Market",
        reporter_name="Reporter",
        reporter_email="reporter@example.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        process_report_photo(photo=ReportPhoto(report=report, image=jpeg_upload(drawn_picture(50))))
    return report


def test_page_shows_an_empty_form(client, db):
    response = client.get(reverse("redlists:lookup"))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'type="file" name="image"' in page and 'enctype="multipart/form-data"' in page
    assert "matches" not in page.split("</form>")[1]
    assert response["Cache-Control"].startswith("max-age=0")


def test_page_shows_the_match_beside_the_photo_with_its_score(client, published):
    photo = jpeg_upload(EDITS["rotated 5°"](drawn_picture(11)))
    response = client.post(reverse("redlists:lookup"), {"image": photo})
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 match" in page
    assert 'src="data:image/jpeg;base64,' in page  # the photo itself, never stored
    assert published[1].thumbnail.url in page
    assert "Figurine 11" in page and "match score" in page
    assert published[1].object_type.get_absolute_url() in page


def test_page_says_when_nothing_matches(client, published):
    response = client.post(reverse("redlists:lookup"), {"image": jpeg_upload(drawn_picture(99))})
    assert response.status_code == 200
    assert "No picture of the Red Lists looks like this photo" in response.content.decode()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The submitted file is empty."),
        (b"plain text, not a picture", "This file is not a picture we can read"),
        (png_header_only(9_000, 9_000), "too many pixels to be processed safely"),
    ],
)
def test_page_refuses_bad_files_with_a_message(client, db, content, message):
    upload = SimpleUploadedFile("photo.jpg", content, "image/jpeg")
    response = client.post(reverse("redlists:lookup"), {"image": upload})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_page_without_a_file_asks_for_one(client, db):
    response = client.post(reverse("redlists:lookup"), {})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_page_refuses_a_file_over_the_limit_without_keeping_it(client, db, settings):
    settings.REDLISTS_MAX_IMAGE_BYTES = 50_000
    big = jpeg_upload(drawn_picture(3, (1600, 1200)), quality=98)
    assert big.size > 50_000
    response = client.post(reverse("redlists:lookup"), {"image": big})
    assert response.status_code == 400
    assert "The file is too large; the limit is 48.8\xa0KB." in response.content.decode()


def test_page_in_french(client, published):
    client.cookies["django_language"] = "fr"
    response = client.post(reverse("redlists:lookup"), {"image": jpeg_upload(drawn_picture(10))})
    page = response.content.decode()
    assert "Rechercher un objet par photo" in page and "1 correspondance" in page


def test_staff_see_a_reported_object_and_the_public_do_not(client, published, reported):
    photo = jpeg_bytes(EDITS["photographed"](drawn_picture(50)))
    public = client.post(reverse("redlists:lookup"), {"image": SimpleUploadedFile("p.jpg", photo)})
    assert "Already reported" not in public.content.decode()
    assert f"/reports/{reported.pk}/" not in public.content.decode()

    client.force_login(UserFactory(username="triage", is_staff=True))
    staff = client.post(reverse("redlists:lookup"), {"image": SimpleUploadedFile("p.jpg", photo)})
    page = staff.content.decode()
    assert f"Already reported: report {reported.pk}" in page
    assert reverse("redlists:triage_detail", args=[reported.pk]) in page


def test_api_returns_ranked_matches_as_json(client, published):
    photo = jpeg_upload(EDITS["cropped 10 %"](drawn_picture(12)))
    response = client.post(API, {"image": photo})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    [match] = body["matches"]
    image = published[2]
    assert match["kind"] == "type"
    assert 0.5 < match["score"] <= 1 and match["matching_keypoints"] >= 24
    assert match["type"]["title"] == "Figurine 12"
    assert match["type"]["url"] == "http://testserver" + image.object_type.get_absolute_url()
    assert match["type"]["category"] == {"number": 1, "title": "Archaeology"}
    assert match["type"]["red_list"]["slug"] == "west-africa"
    assert match["image"]["thumbnail"] == "http://testserver" + image.thumbnail.url
    assert match["image"]["large"] == "http://testserver" + image.large.url
    assert match["image"]["alt"] == "Drawn placeholder 12"


def test_api_with_no_match_returns_an_empty_list(client, published):
    response = client.post(API, {"image": jpeg_upload(drawn_picture(98))})
    assert response.json() == {"count": 0, "matches": []}


def test_api_report_matches_for_staff_only(client, published, reported):
    photo = jpeg_bytes(drawn_picture(50))
    assert client.post(API, {"image": SimpleUploadedFile("p.jpg", photo)}).json()["count"] == 0
    client.force_login(UserFactory(username="triage", is_staff=True))
    [match] = client.post(API, {"image": SimpleUploadedFile("p.jpg", photo)}).json()["matches"]
    assert match["kind"] == "report" and match["report"]["id"] == reported.pk


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({}, 400, "send the photo as the multipart form field 'image'"),
        ({"image": SimpleUploadedFile("a.jpg", b"nope")}, 400, "not a picture we can read"),
        ({"image": SimpleUploadedFile("a.png", png_header_only(60_000, 60_000))}, 400, "pixels"),
    ],
)
def test_api_bad_input_is_a_json_error(client, db, data, status, message):
    response = client.post(API, data)
    assert response.status_code == status
    assert message in response.json()["error"]


def test_api_file_over_the_limit_is_413(client, db, settings):
    settings.REDLISTS_MAX_IMAGE_BYTES = 50_000
    big = jpeg_upload(drawn_picture(3, (1600, 1200)), quality=98)
    response = client.post(API, {"image": big})
    assert response.status_code == 413
    assert response.json() == {"error": "The file is too large; the limit is 48.8\xa0KB."}


def test_api_declared_length_over_the_limit_is_refused_before_reading(client, db, settings):
    settings.REDLISTS_MAX_IMAGE_BYTES = 1_000
    response = client.generic(
        "POST",
        API,
        b"x" * 10,
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH="5000000",
    )
    assert response.status_code == 413


def test_api_answers_get_with_a_json_405(client, db):
    response = client.get(API)
    assert response.status_code == 405
    assert response.json() == {"error": "method not allowed"}


def test_look_ups_are_rate_limited_per_client_across_page_and_api(client, published, settings):
    settings.REDLISTS_LOOKUP_RATE = "3/m"
    photo = jpeg_bytes(drawn_picture(97))
    statuses = [
        client.post(API, {"image": SimpleUploadedFile("p.jpg", photo)}).status_code,
        client.post(
            reverse("redlists:lookup"), {"image": SimpleUploadedFile("p.jpg", photo)}
        ).status_code,
        client.post(API, {"image": SimpleUploadedFile("p.jpg", photo)}).status_code,
    ]
    assert statuses == [200, 200, 200]
    api = client.post(API, {"image": SimpleUploadedFile("p.jpg", photo)})
    assert api.status_code == 429 and "too many requests" in api.json()["error"]
    page = client.post(reverse("redlists:lookup"), {"image": SimpleUploadedFile("p.jpg", photo)})
    assert page.status_code == 429
    assert client.get(reverse("redlists:lookup")).status_code == 200  # reading the form is free


@pytest.mark.parametrize("count", [1, 3])
def test_page_query_count_does_not_grow_with_matches(
    client, db, django_capture_on_commit_callbacks, django_assert_num_queries, count
):
    add_pictures(make_list("many"), [60] * count, capture=django_capture_on_commit_callbacks)
    client.post(API, {"image": jpeg_upload(drawn_picture(1))})  # builds the index
    with django_assert_num_queries(2):  # candidate pictures; translations of their types
        response = client.post(
            reverse("redlists:lookup"), {"image": jpeg_upload(drawn_picture(60))}
        )
    assert response.content.decode().count('class="lookup-match"') == count


def test_openapi_describes_the_look_up(client, db):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"]["/redlists/lookup"]["post"]
    body = operation["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert body["required"] == ["image"]
    assert set(operation["responses"]) == {"200", "400", "413", "429"}
    assert "LookupMatch" in document["components"]["schemas"]


def test_page_in_spanish_uses_the_plural_for_many_details(client, published):
    client.cookies["django_language"] = "es"
    response = client.post(reverse("redlists:lookup"), {"image": jpeg_upload(drawn_picture(10))})
    page = response.content.decode()
    assert "Buscar un objeto por foto" in page and "1 coincidencia" in page
    assert "detalles coincidentes" in page
