"""Background work of the outbox, on the default queue (campaigns have their own)."""

from django_tasks import task

from museion.core.dispatch import registered

from . import services

EMAIL_QUEUE = "default"


@registered(services.DELIVER_TASK)
@task(queue_name=EMAIL_QUEUE)
def deliver_email(email_id: int) -> str:
    return services.deliver(email_id=email_id)


@registered("outbox.queue_due")
@task(queue_name=EMAIL_QUEUE)
def queue_due_email() -> int:
    return services.queue_due()
