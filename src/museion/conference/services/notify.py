"""Queue the e-mails of a registration once the transaction that changed it commits."""

from django.db import transaction


def notify(registration, kind: str) -> None:
    from ..tasks import send_registration_email

    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))
