"""Campaign messages, built once per batch and stamped per recipient.

Building a MIME message with Python's email package costs more than sending it; a campaign's
messages differ only in the recipient, two links and the Message-ID. With an SMTP connection the
message is rendered once with marks and the marks replaced in the bytes; any other backend (the
test outbox, the console) gets ordinary EmailMessage objects. Both carry the same headers.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.core.mail.message import sanitize_address
from django.urls import reverse

from .compose import PREFERENCES_MARK, UNSUBSCRIBE_MARK, Composed
from .tokens import MANAGE_SALT, UNSUBSCRIBE_SALT, make_token

TO_MARK = "recipient-mark@museion.invalid"
ID_MARK = "message-id-mark"
_TOKEN_MARK = "TOKEN-MARK"  # noqa: S105 - a mark in a URL, not a secret


def build_message(
    composed: Composed, *, to: str, unsubscribe: str, preferences: str, message_id: str = ""
) -> EmailMultiAlternatives:
    text = composed.text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(
        PREFERENCES_MARK, preferences
    )
    html = composed.html.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(
        PREFERENCES_MARK, preferences
    )
    headers = {
        "List-Unsubscribe": f"<{unsubscribe}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    if composed.list_id:
        headers["List-Id"] = composed.list_id
    if message_id:
        headers["Message-ID"] = message_id
    message = EmailMultiAlternatives(composed.subject, text, to=[to], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


class Links:
    """Per-recipient link builders, with the URL around the token resolved once."""

    def __init__(self, list_ids: list[int]):
        self.list_ids = list_ids
        self.unsubscribe_url = settings.SITE_URL + reverse(
            "newsletter:unsubscribe", kwargs={"token": _TOKEN_MARK}
        )
        self.preferences_url = settings.SITE_URL + reverse(
            "newsletter:preferences", kwargs={"token": _TOKEN_MARK}
        )

    def unsubscribe(self, subscriber) -> str:
        token = make_token(subscriber, UNSUBSCRIBE_SALT, self.list_ids)
        return self.unsubscribe_url.replace(_TOKEN_MARK, token)

    def preferences(self, subscriber) -> str:
        return self.preferences_url.replace(_TOKEN_MARK, make_token(subscriber, MANAGE_SALT))


def message_id(campaign_id: int, delivery_id: int) -> str:
    host = settings.SITE_URL.split("://", 1)[-1].split("/")[0].split(":")[0] or "museion"
    return f"<campaign-{campaign_id}.delivery-{delivery_id}@{host}>"


class CampaignSender:
    def __init__(self, composed: Composed, connection):
        self.composed = composed
        self.connection = connection
        self.raw = self._raw_template() if isinstance(connection, SmtpBackend) else None

    def _raw_template(self) -> bytes | None:
        message = build_message(
            self.composed,
            to=TO_MARK,
            unsubscribe=UNSUBSCRIBE_MARK,
            preferences=PREFERENCES_MARK,
            message_id=ID_MARK,
        )
        raw = message.message().as_bytes(linesep="\r\n")
        self.from_email = sanitize_address(message.from_email, settings.DEFAULT_CHARSET)
        expected = 1 + (self.composed.text + self.composed.html).count(UNSUBSCRIBE_MARK)
        # A mark split by a line fold or an encoding cannot be stamped: build each message.
        if raw.count(UNSUBSCRIBE_MARK.encode()) != expected or TO_MARK.encode() not in raw:
            return None
        return raw

    def send(self, *, to: str, unsubscribe: str, preferences: str, message_id: str) -> None:
        if self.raw is None or not to.isascii():
            message = build_message(
                self.composed,
                to=to,
                unsubscribe=unsubscribe,
                preferences=preferences,
                message_id=message_id,
            )
            self.connection.send_messages([message])
            return
        raw = (
            self.raw.replace(TO_MARK.encode(), to.encode())
            .replace(UNSUBSCRIBE_MARK.encode(), unsubscribe.encode())
            .replace(PREFERENCES_MARK.encode(), preferences.encode())
            .replace(ID_MARK.encode(), message_id.encode())
        )
        self.connection.connection.sendmail(self.from_email, [to], raw)
