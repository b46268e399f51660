"""The e-mails a change of registration needs, recorded in the same transaction (the outbox
sends them once it commits, and retries until the mail server takes them)."""

from museion.outbox.services import queue_email

from ..models import Registration

PURPOSE = "conference:{kind}"


def notify(registration: Registration, kind: str) -> None:
    queue_email(purpose=PURPOSE.format(kind=kind), object_id=registration.pk, to=registration.email)
