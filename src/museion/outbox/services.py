"""Transactional e-mail: queued with the change that needs it, retried with backoff until the
mail server takes it or refuses it for good (a 5xx answer), every outcome recorded.

Sending is at least once: a worker killed while talking to the mail server leaves the row
queued, and it is tried again after its backoff. A doubled confirmation is harmless; a lost
one strands a person.
"""

import logging
import smtplib
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from museion.core import dispatch

from .models import EmailStatus, OutgoingEmail

logger = logging.getLogger(__name__)

DELIVER_TASK = "outbox.deliver"
MAX_ATTEMPTS = 30  # with the default backoff (30 s doubling, at most an hour): about a day
Renderer = Callable[[OutgoingEmail], EmailMessage | None]
_RENDERERS: dict[str, Renderer] = {}


def register_renderer(app: str, renderer: Renderer) -> None:
    """`renderer(email)` builds the message for purposes "app:…", or None when there is no
    longer anything to send (the registration or the subscriber is gone)."""
    _RENDERERS[app] = renderer


def retry_delay(attempts: int) -> timedelta:
    """30 s after the first failure, doubling, at most an hour (EMAIL_RETRY_SECONDS scales it)."""
    base = getattr(settings, "EMAIL_RETRY_SECONDS", 30)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), max(base, 3600)))


def queue_email(
    *, purpose: str, object_id: int, to: str, params: dict | None = None
) -> OutgoingEmail:
    """Record the e-mail in the current transaction and send it once that commits. An older
    e-mail of the same purpose for the same object that has not left yet is replaced (the new
    one is rendered from the newer state)."""
    OutgoingEmail.objects.filter(
        purpose=purpose, object_id=object_id, status=EmailStatus.QUEUED
    ).update(status=EmailStatus.CANCELLED, last_error="Replaced by a newer e-mail.")
    email = OutgoingEmail.objects.create(
        purpose=purpose, object_id=object_id, to=to, params=params or {}
    )
    dispatch.enqueue_on_commit(DELIVER_TASK, email.pk)
    return email


def is_permanent(error: Exception) -> bool:
    """A 5xx answer about this message or its recipient: sending again would not help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code >= 500
    return False


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:500]


def _claim(email_id: int, now: datetime) -> OutgoingEmail | None:
    """Count the attempt and push the next one back before sending, in its own commit: two
    workers never send the same row at once, and a worker that dies leaves it to be retried."""
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=EmailStatus.QUEUED, next_attempt_at__lte=now)
            .first()
        )
        if email is None:
            return None
        email.attempts += 1
        email.next_attempt_at = now + retry_delay(email.attempts)
        email.save(update_fields=["attempts", "next_attempt_at", "updated_at"])
    return email


def deliver(*, email_id: int) -> str:
    """One attempt. Returns the row's status afterwards ("" when it was not due)."""
    now = timezone.now()
    email = _claim(email_id, now)
    if email is None:
        return ""
    renderer = _RENDERERS.get(email.purpose.split(":", 1)[0])
    message = renderer(email) if renderer else None
    if message is None:
        _finish(email, EmailStatus.CANCELLED, error="Nothing to send any more.")
        return EmailStatus.CANCELLED
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        if is_permanent(error):
            _finish(email, EmailStatus.FAILED, error=_describe(error), subject=message.subject)
            return EmailStatus.FAILED
        if email.attempts >= MAX_ATTEMPTS:
            reason = f"Gave up after {email.attempts} attempts. {_describe(error)}"
            _finish(email, EmailStatus.FAILED, error=reason, subject=message.subject)
            return EmailStatus.FAILED
        OutgoingEmail.objects.filter(pk=email.pk).update(
            last_error=_describe(error), subject=message.subject[:300], updated_at=timezone.now()
        )
        logger.warning("E-mail %s not sent (attempt %s): %s", email.pk, email.attempts, error)
        dispatch.enqueue_on_commit(DELIVER_TASK, email.pk, run_after=email.next_attempt_at)
        return EmailStatus.QUEUED
    _finish(email, EmailStatus.SENT, subject=message.subject)
    return EmailStatus.SENT


def _finish(email: OutgoingEmail, status: str, *, error: str = "", subject: str = "") -> None:
    now = timezone.now()
    OutgoingEmail.objects.filter(pk=email.pk, status=EmailStatus.QUEUED).update(
        status=status,
        last_error=error[:500],
        subject=(subject or email.subject)[:300],
        sent_at=now if status == EmailStatus.SENT else None,
        updated_at=now,
    )


def queue_due(*, now: datetime | None = None) -> int:
    """Queue a delivery for every e-mail whose next attempt is due (cron and the worker's
    periodic pass: a worker killed mid-send, a backend that cannot defer)."""
    now = now or timezone.now()
    due = list(
        OutgoingEmail.objects.filter(
            status=EmailStatus.QUEUED, next_attempt_at__lte=now
        ).values_list("pk", flat=True)[:1000]
    )
    for pk in due:
        dispatch.enqueue_on_commit(DELIVER_TASK, pk)
    return len(due)


def retry_now(*, emails) -> int:
    """Staff: try these again at once (failed ones too, e.g. after fixing an address)."""
    now = timezone.now()
    ids = list(
        emails.filter(status__in=[EmailStatus.QUEUED, EmailStatus.FAILED]).values_list(
            "pk", flat=True
        )
    )
    with transaction.atomic():
        OutgoingEmail.objects.filter(pk__in=ids).update(
            status=EmailStatus.QUEUED, next_attempt_at=now, attempts=0, updated_at=now
        )
        for pk in ids:
            dispatch.enqueue_on_commit(DELIVER_TASK, pk)
    return len(ids)
