"""The PDF of a published list: every category and type in order, written once per version."""

from io import BytesIO

from django.urls import reverse
from pypdf import PdfReader

from museion.redlists.models import RedList
from museion.redlists.pdf import store_red_list_pdf
from museion.redlists.services import publish_red_list

from .builders import make_list


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


def read_pdf(red_list) -> str:
    with red_list.pdf.open("rb") as handle:
        return pdf_text(handle.read())


def test_pdf_contains_every_category_and_type_in_order(client, db):
    red_list = make_list(
        "ordered",
        categories=(
            ("Archaeology", ("Terracotta figurine", "Bronze bracelet")),
            ("Manuscripts", ("Illuminated leaf",)),
            ("Numismatics", ("Cob coin", "Gold weight", "Silver medal")),
        ),
    )
    response = client.get(reverse("redlists:pdf", args=[red_list.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(b"".join(response.streaming_content))
    response.close()
    expected = [
        "1. Archaeology", "1.1 Terracotta figurine", "1.2 Bronze bracelet",
        "2. Manuscripts", "2.1 Illuminated leaf",
        "3. Numismatics", "3.1 Cob coin", "3.2 Gold weight", "3.3 Silver medal",
    ]  # fmt: skip
    positions = [text.index(heading) for heading in expected]
    assert positions == sorted(positions)
    assert "Red List ordered" in text and "300 BC – AD 200" in text


def test_pdf_keeps_non_latin_letters(db):
    red_list = make_list("greek", categories=(("Αρχαιολογία", ("Ειδώλιο",)),), pictures=False)
    store_red_list_pdf(red_list.pk)
    red_list.refresh_from_db()
    text = read_pdf(red_list)
    assert "Αρχαιολογία" in text and "Ειδώλιο" in text


def test_pdf_written_once_per_published_version(db, staff_user, django_capture_on_commit_callbacks):
    red_list = make_list("versions", version=1)
    assert store_red_list_pdf(red_list.pk) is True
    assert store_red_list_pdf(red_list.pk) is False
    red_list.refresh_from_db()
    first = red_list.pdf.name
    red_list.categories.first().object_types.filter(position=1).update(title="Renamed figurine")
    with django_capture_on_commit_callbacks(execute=True):
        publish_red_list(red_list=red_list, user=staff_user)
    red_list = RedList.objects.get(pk=red_list.pk)
    assert (red_list.version, red_list.pdf_version) == (2, 2)
    assert red_list.pdf.name != first and "v2" in red_list.pdf.name
    assert "Renamed figurine" in read_pdf(red_list)
