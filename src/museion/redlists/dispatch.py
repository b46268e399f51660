"""Services queue background work here, once the transaction has committed."""

from django.db import transaction


def generate_pdf(red_list_id: int) -> None:
    from .tasks import generate_red_list_pdf

    transaction.on_commit(lambda: generate_red_list_pdf.enqueue(red_list_id))


def acknowledge_report(report_id: int) -> None:
    from .tasks import send_report_acknowledgement

    transaction.on_commit(lambda: send_report_acknowledgement.enqueue(report_id))
