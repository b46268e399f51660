"""Hard bounces from delivery status notifications (RFC 3464) or a provider's JSON webhook."""

import email
import email.policy
import mailbox
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .services import mark_undeliverable


@dataclass(frozen=True)
class Bounce:
    email: str
    status: str
    reason: str

    @property
    def is_hard(self) -> bool:
        return self.status.startswith("5")


def _address(value: str) -> str:
    # "rfc822; someone@example.org" → someone@example.org
    return value.split(";", 1)[-1].strip().strip("<>").lower()


def parse_dsn(raw: bytes) -> list[Bounce]:
    """The failed recipients a bounce message reports; empty when it is not a DSN."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    bounces = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        payload = part.get_payload()
        groups = payload if isinstance(payload, list) else []
        for group in groups[1:]:  # the first group describes the reporting server
            recipient = group.get("Final-Recipient") or group.get("Original-Recipient")
            action = (group.get("Action") or "").strip().lower()
            status = (group.get("Status") or "").strip()
            if not recipient or action != "failed":
                continue
            reason = (group.get("Diagnostic-Code") or status).strip()
            bounces.append(Bounce(email=_address(recipient), status=status, reason=reason))
    return bounces


def record_bounces(bounces: Iterable[Bounce]) -> tuple[int, int]:
    """Mark hard-bounced addresses undeliverable. Returns (marked, ignored)."""
    marked = ignored = 0
    for bounce in bounces:
        if bounce.is_hard and mark_undeliverable(email=bounce.email, reason=bounce.reason):
            marked += 1
        else:
            ignored += 1
    return marked, ignored


def messages_in(path: Path) -> Iterable[bytes]:
    """The messages of an .eml file, a directory of them, or an mbox file."""
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.is_file():
                yield child.read_bytes()
        return
    head = path.read_bytes()[:5]
    if head == b"From ":
        for message in mailbox.mbox(str(path)):
            yield message.as_bytes()
    else:
        yield path.read_bytes()
