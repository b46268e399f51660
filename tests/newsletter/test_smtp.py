"""The SMTP path stamps one rendered message per recipient; it must equal a message built alone."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from museion.newsletter import sending
from museion.newsletter.models import CampaignStatus, Subscription, SubscriptionStatus

from .conftest import confirmed


class Sink:
    def __init__(self):
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 OK"


@pytest.fixture
def smtp_sink(settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port, decode_data=False)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    yield sink
    controller.stop()


def test_campaign_over_smtp_gives_each_recipient_their_own_links(
    campaign, english_list, smtp_sink, django_capture_on_commit_callbacks
):
    emails = ["a@example.org", "b@example.org", "c@example.org", "d@example.org"]
    confirmed(english_list, *emails)
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_campaign(campaign=campaign)
    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENT
    assert sorted(to for rcpt, _raw in smtp_sink.messages for to in rcpt) == emails
    parsed = [
        email.message_from_bytes(raw, policy=email.policy.default)
        for _rcpt, raw in smtp_sink.messages
    ]
    assert [m["To"] for m in parsed] == [rcpt[0] for rcpt, _raw in smtp_sink.messages]
    assert len({m["Message-ID"] for m in parsed}) == 4
    assert len({m["List-Unsubscribe"] for m in parsed}) == 4
    for message in parsed:
        assert message["Subject"] == "May news"
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message["List-Id"] == '"Museum Day news" <imd-en.lists.localhost>'
        unsubscribe = message["List-Unsubscribe"].strip("<>")
        html = message.get_body(("html",)).get_content()
        text = message.get_body(("plain",)).get_content()
        assert f'href="{unsubscribe}"' in html and unsubscribe in text
        assert "<strong>coming</strong>" in html
    first = parsed[0]
    path = first["List-Unsubscribe"].strip("<>").removeprefix("http://127.0.0.1:8000")
    response = Client(enforce_csrf_checks=True).post(
        path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    left = Subscription.objects.get(status=SubscriptionStatus.UNSUBSCRIBED)
    assert left.subscriber.email == first["To"]
