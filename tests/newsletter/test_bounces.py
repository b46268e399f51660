import json
from pathlib import Path

import pytest
from django.core.management import call_command

from museion.newsletter.models import Subscriber

from .conftest import confirmed

DSN = b"""From: MAILER-DAEMON@mx.example.org
To: bounces@museion.example
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Your message could not be delivered.
--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

Final-Recipient: rfc822; Gone@Example.org
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 User unknown

Final-Recipient: rfc822; later@example.org
Action: delayed
Status: 4.2.2

--B--
"""


@pytest.fixture
def people(english_list):
    return confirmed(english_list, "gone@example.org", "later@example.org")


def test_bounce_endpoint_marks_hard_bounces_undeliverable(client, people, settings):
    settings.NEWSLETTER_BOUNCE_SECRET = "s3cret"
    response = client.post(
        "/newsletter/bounces/",
        DSN,
        content_type="message/rfc822",
        HTTP_AUTHORIZATION="Bearer s3cret",
    )
    assert response.status_code == 200
    assert response.json() == {"marked_undeliverable": 1, "ignored": 0}
    gone = Subscriber.objects.get(email="gone@example.org")
    assert gone.undeliverable and gone.bounce_reason == "smtp; 550 5.1.1 User unknown"
    assert not Subscriber.objects.get(email="later@example.org").undeliverable


def test_bounce_endpoint_accepts_json(client, people, settings):
    settings.NEWSLETTER_BOUNCE_SECRET = "s3cret"
    payload = [{"email": "later@example.org", "type": "soft"}, {"email": "gone@example.org"}]
    response = client.post(
        "/newsletter/bounces/",
        json.dumps(payload),
        content_type="application/json",
        HTTP_AUTHORIZATION="Bearer s3cret",
    )
    assert response.json() == {"marked_undeliverable": 1, "ignored": 1}


@pytest.mark.parametrize(
    "secret,header,body,content_type,status,error",
    [
        ("", "Bearer ", b"{}", "application/json", 401, "a valid bearer token is required"),
        (
            "s3cret",
            "Bearer wrong",
            b"{}",
            "application/json",
            401,
            "a valid bearer token is required",
        ),
        (
            "s3cret",
            "Bearer s3cret",
            b"[1]",
            "application/json",
            400,
            'send {"email": ..., "type": "hard"|"soft", "reason": ...}',
        ),
        (
            "s3cret",
            "Bearer s3cret",
            b"{bad",
            "application/json",
            400,
            'send {"email": ..., "type": "hard"|"soft", "reason": ...}',
        ),
        (
            "s3cret",
            "Bearer s3cret",
            b"hello",
            "text/plain",
            400,
            "no failed recipient found in this delivery status notification",
        ),
        (
            "s3cret",
            "Bearer s3cret",
            b"x" * 1_100_000,
            "text/plain",
            413,
            "the report is too large (1 MB at most)",
        ),
    ],
)
def test_bad_bounce_reports_get_a_clear_error(
    client, people, settings, secret, header, body, content_type, status, error
):
    settings.NEWSLETTER_BOUNCE_SECRET = secret
    response = client.post(
        "/newsletter/bounces/", body, content_type=content_type, HTTP_AUTHORIZATION=header
    )
    assert response.status_code == status
    assert response.json() == {"error": error}
    assert Subscriber.objects.filter(undeliverable=True).count() == 0


def test_process_bounces_command_reads_files(people, tmp_path: Path, capsys):
    (tmp_path / "1.eml").write_bytes(DSN)
    call_command("process_bounces", str(tmp_path))
    assert (
        capsys.readouterr().out == "1 message(s): 1 address(es) marked undeliverable, 0 ignored.\n"
    )
    assert Subscriber.objects.get(email="gone@example.org").undeliverable
