"""The conference's background tasks, as its services queue them (see core.dispatch)."""

from museion.core import dispatch

HOUSEKEEPING = "conference.housekeeping"


def wake_housekeeping_at(*moments) -> None:
    """Run the housekeeping at these moments (an offer expires, a payment is due), so that seats
    move on without a cron job wherever the task backend can defer work (the database worker
    can). `manage.py conference_housekeeping` from cron remains the safety net."""
    for moment in moments:
        if not dispatch.enqueue_on_commit(HOUSEKEEPING, run_after=moment):
            return
