"""Background work of the conference: the housekeeping pass, woken at each deadline."""

from django_tasks import task

from museion.core.dispatch import registered

from .dispatch import HOUSEKEEPING
from .services.housekeeping import run_housekeeping


@registered(HOUSEKEEPING)
@task()
def housekeeping() -> dict[str, int]:
    return run_housekeeping()
