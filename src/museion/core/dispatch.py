"""Queue background tasks by name, so that services never import the tasks that call them.

Each app's `tasks.py` registers its tasks here when the app is ready (`AppConfig.ready`); the
app's small `dispatch.py` names them for its services. Tasks import services, services import
dispatch, and dispatch imports neither: there is no services ↔ tasks circle.
"""

from collections.abc import Callable
from datetime import datetime

from django.db import transaction
from django_tasks.base import Task

_TASKS: dict[str, Task] = {}


def registered(name: str) -> Callable[[Task], Task]:
    """Decorator for a task (put it above `@task()`): services may now enqueue it by name."""

    def add(task: Task) -> Task:
        _TASKS[name] = task
        return task

    return add


def task_named(name: str) -> Task:
    try:
        return _TASKS[name]
    except KeyError:
        raise LookupError(
            f"No task is registered as {name!r}: its app must import its tasks in ready()."
        ) from None


def can_defer(name: str) -> bool:
    """Whether the task backend can run this task later (the database worker can)."""
    return task_named(name).get_backend().supports_defer


def enqueue_on_commit(name: str, *args, run_after: datetime | None = None) -> bool:
    """Queue the task once the current transaction commits (at once outside a transaction).
    With `run_after`, only where the backend can defer work; False when it cannot."""
    task = task_named(name)
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return False
        task = task.using(run_after=run_after)
    transaction.on_commit(lambda: task.enqueue(*args))
    return True
