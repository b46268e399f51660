"""Report an object: stored, acknowledged by e-mail, followed privately, triaged by staff."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from museion.redlists.models import Report, ReportStatus

from .builders import upload

URL = "/red-lists/report/"


def form_data(**extra):
    return {
        "description": "A terracotta head with red slip, offered in a market stall.",
        "where_seen": "Flea market, Brussels",
        "country_seen": "BE",
        "seen_on": "2024-11-30",  # a past day, whatever day the suite runs
        "reporter_kind": "officer",
        "reporter_name": "A. Officer",
        "reporter_email": "officer@example.org",
        "confirm": "on",
        **extra,
    }


def submit(client, **extra):
    return client.post(URL, form_data(**extra))


@pytest.fixture
def report_sent(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, photos=[upload("a.png"), upload("b.jpg", fmt="JPEG")])
    return response


def test_report_is_stored_with_photos_and_acknowledged(report_sent):
    report = Report.objects.get()
    assert report_sent.status_code == 302
    assert report_sent["Location"] == report.get_status_url()
    assert report.status == ReportStatus.NEW and report.photos.count() == 2
    (message,) = mail.outbox
    assert message.to == ["officer@example.org"]
    assert f"#{report.pk}" in message.subject
    assert report.get_status_url() in message.body


def test_acknowledgement_in_the_reporters_language(client, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form_data(), HTTP_ACCEPT_LANGUAGE="fr")
    assert Report.objects.get().language == "fr"
    assert "Nous avons reçu" in mail.outbox[0].subject


def test_status_page_shows_status_not_contact_details(client, report_sent):
    report = Report.objects.get()
    report.status = ReportStatus.PASSED
    report.save()
    response = client.get(report.get_status_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Passed to the authorities" in html
    assert "officer@example.org" not in html
    assert response["Cache-Control"] == "private, no-store"


def test_status_link_cannot_be_guessed(client, report_sent):
    report = Report.objects.get()
    assert len(report.token) >= 32
    assert client.get(f"/red-lists/report/status/{report.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"description": ""}, "description"),
        ({"reporter_email": "not-an-address"}, "reporter_email"),
        ({"country_seen": "XX"}, "country_seen"),
        ({"seen_on": "2999-01-01"}, "seen_on"),
        ({"seen_on": "31/31/2026"}, "seen_on"),
        ({"confirm": ""}, "confirm"),
        ({"description": "x" * 6000}, "description"),
    ],
)
def test_bad_report_gets_a_clear_message_and_nothing_is_saved(client, db, extra, field):
    response = submit(client, **extra)
    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert Report.objects.count() == 0


def test_report_photo_that_is_not_an_image_is_refused(client, db):
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not a picture", content_type="image/jpeg")
    response = submit(client, photos=[fake])
    assert response.status_code == 400
    assert "photos" in response.context["form"].errors
    assert Report.objects.count() == 0


def test_html_in_a_report_is_shown_as_text(client, report_sent, staff_user):
    Report.objects.update(description="<script>alert(1)</script><b>bold</b>")
    client.force_login(staff_user)
    html = client.get(reverse("redlists:triage_detail", args=[Report.objects.get().pk])).content
    assert b"<script>alert(1)" not in html and b"&lt;script&gt;alert(1)" in html


def test_flood_of_reports_from_one_client_is_limited(client, db, settings):
    settings.RATELIMIT_ENABLE = True
    statuses = [submit(client).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert Report.objects.count() == 5


def test_report_details_are_for_staff_only(client, report_sent, list_editor, staff_user):
    report = Report.objects.get()
    photo = report.photos.first()
    urls = [
        reverse("redlists:triage"),
        reverse("redlists:triage_detail", args=[report.pk]),
        reverse("redlists:report_photo", args=[photo.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 302  # to the log-in page
    client.force_login(list_editor)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "officer@example.org" not in str(response.content)
    assert client.get(f"/api/v1/redlists/reports/{report.pk}").status_code == 404
    client.force_login(staff_user)
    assert "officer@example.org" in client.get(urls[1]).content.decode()
    photo_response = client.get(urls[2])
    assert photo_response.status_code == 200
    assert b"".join(photo_response.streaming_content).startswith(b"\x89PNG")
    photo_response.close()


def test_report_photos_are_not_under_the_public_media_root(report_sent, settings):
    photo = Report.objects.get().photos.first()
    assert str(settings.PRIVATE_MEDIA_ROOT) in photo.image.path
    assert str(settings.MEDIA_ROOT) not in photo.image.path


def test_staff_triage_changes_status_and_notes(client, report_sent, staff_user):
    report = Report.objects.get()
    client.force_login(staff_user)
    response = client.post(
        reverse("redlists:triage_detail", args=[report.pk]),
        {"status": "in_progress", "staff_notes": "Asked the seller for papers."},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "in_progress" and report.staff_notes == "Asked the seller for papers."
    bad = client.post(reverse("redlists:triage_detail", args=[report.pk]), {"status": "lost"})
    assert bad.status_code == 400
    report.refresh_from_db()
    assert report.status == "in_progress"


def test_report_photo_loses_its_gps_position_and_keeps_its_orientation(
    client, db, django_capture_on_commit_callbacks
):
    from io import BytesIO

    from PIL import Image

    picture = Image.new("RGB", (120, 60), (200, 40, 40))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotated: shown 90° clockwise
    exif[0x8825] = {2: (48.0, 51.0, 24.0), 4: (2.0, 21.0, 3.0)}  # GPS latitude, longitude
    out = BytesIO()
    picture.save(out, format="JPEG", exif=exif)
    photo = SimpleUploadedFile("gps.jpg", out.getvalue(), content_type="image/jpeg")
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(client, photos=[photo]).status_code == 302
    stored = Report.objects.get().photos.get()
    with stored.image.open("rb") as handle, Image.open(handle) as kept:
        assert kept.getexif().get(0x8825) is None and not kept.getexif().get(0x0112)
        assert kept.size == (60, 120)  # turned upright before the EXIF went
