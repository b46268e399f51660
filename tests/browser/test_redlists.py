"""Red Lists in the browser: every page passes axe-core, and an officer's whole journey works."""

from io import BytesIO

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect
from pypdf import PdfReader

from museion.demo.redlists import placeholder_picture
from museion.redlists.models import ObjectImage, ObjectType, Report
from museion.redlists.pictures import process_object_image
from tests.factories import UserFactory
from tests.redlists.builders import make_list, picture_bytes

pytestmark = pytest.mark.browser


def drawn_jpeg(seed: int, side: int = 640) -> bytes:
    out = BytesIO()
    placeholder_picture(seed).resize((side, side)).save(out, format="JPEG", quality=90)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def lists(transactional_db):
    sahel = make_list(
        "sahel",
        countries=["ML", "NE"],
        categories=(
            ("Archaeology", ("Terracotta figurine", "Bronze bracelet")),
            ("Ethnographic objects", ("Bronze gold weight", "Wooden mask")),
        ),
    )
    make_list(
        "sahel-fr",
        language="fr",
        original=sahel,
        countries=["ML", "NE"],
        categories=(("Archéologie", ("Figurine en terre cuite",)),),
    )
    andes = make_list("andes", countries=["PE"], categories=(("Archaeology", ("Bronze knife",)),))
    editor = UserFactory(username="rl-editor")
    sahel.editors.add(editor)
    staff = UserFactory(username="rl-staff", is_staff=True)
    weight = ObjectType.objects.get(category__red_list=sahel, title="Bronze gold weight")
    for seed in (101, 102):  # distinct drawn pictures, processed and hashed for the look-up
        process_object_image(
            image=ObjectImage(
                object_type=weight,
                position=seed,
                image=SimpleUploadedFile(f"{seed}.jpg", drawn_jpeg(seed), "image/jpeg"),
                caption_object="Gold weight, bronze",
                credit="© Test museum",
                alt_text=f"Drawn gold weight {seed}",
            )
        )
    report = Report.objects.create(
        description="A bronze weight",
        where_seen="Market",
        reporter_name="Officer",
        reporter_email="o@example.org",
    )
    return {"sahel": sahel, "andes": andes, "editor": editor, "staff": staff, "report": report}


def public_pages(lists):
    sahel = lists["sahel"]
    category = sahel.categories.get(position=2)
    object_type = category.object_types.get(position=1)
    return {
        "all lists": "/red-lists/",
        "lists for a country": "/red-lists/?country=ML",
        "list": sahel.get_absolute_url(),
        "translated list": "/red-lists/sahel-fr/",
        "category": category.get_absolute_url(),
        "type": object_type.get_absolute_url(),
        "search": "/red-lists/search/?q=bronze&country=ML",
        "search with errors": "/red-lists/search/?year_from=soon&year_to=100+BC",
        "report form": "/red-lists/report/",
        "report status": lists["report"].get_status_url(),
    }


@pytest.mark.parametrize("language", ["en", "fr"])
def test_public_red_list_pages_have_no_wcag_violation(
    page, live_server, lists, assert_accessible, language
):
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url}]
    )
    for path in public_pages(lists).values():
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(page)


def test_report_form_with_errors_has_no_wcag_violation(page, lists, assert_accessible):
    page.goto("/red-lists/report/")
    page.get_by_role("button", name="Send the report").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the errors below.")
    assert_accessible(page)


def test_editor_and_staff_pages_have_no_wcag_violation(page, lists, log_in, assert_accessible):
    sahel = lists["sahel"]
    category = sahel.categories.first()
    object_type = category.object_types.first()
    log_in(lists["editor"])
    for path in [
        "/red-lists/my/",
        f"/red-lists/my/{sahel.pk}/",
        f"/red-lists/my/{sahel.pk}/changes/",
        f"/red-lists/my/categories/{category.pk}/",
        f"/red-lists/my/types/{object_type.pk}/",
        f"/red-lists/my/categories/{category.pk}/types/new/",
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)
    log_in(lists["staff"])
    for path in ["/red-lists/reports/", f"/red-lists/reports/{lists['report'].pk}/"]:
        page.goto(path)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)


def test_officer_searches_opens_a_category_downloads_the_pdf_looks_up_and_reports(
    page, lists, tmp_path
):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Red Lists").click()
    page.get_by_role("link", name="Search the lists").click()
    page.get_by_label("Words").fill("bronze")
    page.get_by_label("Country covered").select_option("ML")
    page.get_by_role("button", name="Search").click()
    results = page.locator(".result h3")
    expect(results).to_have_text(["Bronze bracelet", "Bronze gold weight"])
    page.get_by_role("link", name="Bronze gold weight").click()
    expect(page.locator("h1")).to_contain_text("2.1 Bronze gold weight")
    page.get_by_role("navigation", name="Breadcrumbs").get_by_role(
        "link", name="2. Ethnographic objects"
    ).click()
    expect(page.locator("h1")).to_have_text("2. Ethnographic objects")
    expect(page.locator(".object-type h2")).to_have_text(
        ["2.1 Bronze gold weight", "2.2 Wooden mask"]
    )
    page.get_by_role("navigation", name="Breadcrumbs").get_by_role(
        "link", name="Red List sahel"
    ).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the list (PDF)").click()
    saved = tmp_path / "list.pdf"
    download.value.save_as(saved)
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(saved.read_bytes())).pages)
    assert text.index("1.2 Bronze bracelet") < text.index("2.1 Bronze gold weight")

    page.goto("/red-lists/lookup/")
    seen = tmp_path / "seen.jpg"
    seen.write_bytes(drawn_jpeg(101, side=480))  # the officer's photo of the object
    page.get_by_label("Photo of the object").set_input_files(str(seen))
    page.get_by_role("button", name="Look up").click()
    matches = page.locator(".lookup-match")
    expect(matches.first).to_contain_text("Bronze gold weight")

    page.goto("/red-lists/report/")
    page.get_by_role("textbox", name="Description of the object", exact=True).fill(
        "Small bronze figure weights for sale."
    )
    page.get_by_role("textbox", name="Where it was seen", exact=True).fill("Antiques fair, Lyon")
    page.get_by_role("textbox", name="Your name", exact=True).fill("C. Douane")
    page.get_by_role("textbox", name="Your e-mail", exact=True).fill("douane@example.org")
    photo = tmp_path / "seen.png"
    photo.write_bytes(picture_bytes((30, 90, 160), size=(200, 150)))
    page.get_by_label("Photos").set_input_files(str(photo))
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send the report").click()
    expect(page.locator("h1")).to_have_text("Your report")
    expect(page.get_by_role("status")).to_contain_text("your report was received")
    report = Report.objects.get(reporter_email="douane@example.org")
    assert report.photos.count() == 1 and report.photos.get().phash is not None
