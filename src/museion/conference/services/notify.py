"""Queue work once the transaction that changed a registration commits: its e-mails, and the
housekeeping pass that must run when an offer or a payment falls due."""

from django.db import transaction


def notify(registration, kind: str) -> None:
    from ..tasks import send_registration_email

    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, kind))


def wake_housekeeping_at(*moments) -> None:
    """Run the housekeeping at these moments (an offer expires, a payment is due), so that seats
    move on without a cron job wherever the task backend can defer work (the database worker
    can). `manage.py conference_housekeeping` from cron remains the safety net."""
    from ..tasks import housekeeping

    if not housekeeping.get_backend().supports_defer:
        return
    for moment in moments:
        transaction.on_commit(housekeeping.using(run_after=moment).enqueue)
