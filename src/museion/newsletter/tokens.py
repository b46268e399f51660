"""Signed links in e-mails: confirm (expiring), manage and unsubscribe (valid while the address is).

Each token names the subscriber and carries their random key, so a tampered id fails the
signature and an erased person's old links stop working.
"""

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from .models import Subscriber

CONFIRM_SALT = "museion.newsletter.confirm"
MANAGE_SALT = "museion.newsletter.manage"
UNSUBSCRIBE_SALT = "museion.newsletter.unsubscribe"


class InvalidLink(Exception):
    """A link that is tampered, expired or no longer valid; the message says which."""


def confirm_max_age() -> int:
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", 3 * 24 * 3600)


def make_token(subscriber: Subscriber, salt: str, lists: list[int] | None = None) -> str:
    payload: dict = {"s": subscriber.pk, "k": subscriber.key}
    if lists is not None:
        payload["l"] = sorted(lists)
    return signing.dumps(payload, salt=salt, compress=True)


def read_token(token: str, salt: str, max_age: int | None = None) -> tuple[Subscriber, list[int]]:
    try:
        payload = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise InvalidLink(_("This link has expired. Please subscribe again.")) from None
    except signing.BadSignature:
        raise InvalidLink(
            _("This link is not valid. Please use the link exactly as it was in the e-mail.")
        ) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        raise InvalidLink(_("This link is not valid."))
    subscriber = Subscriber.objects.filter(pk=payload["s"], key=payload.get("k")).first()
    if subscriber is None:
        raise InvalidLink(_("This address is no longer on our lists."))
    lists = payload.get("l") or []
    if not isinstance(lists, list) or not all(isinstance(pk, int) for pk in lists):
        raise InvalidLink(_("This link is not valid."))
    return subscriber, lists
