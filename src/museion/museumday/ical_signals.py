"""Calendar events made ready off the request: once a published activity or its museum is saved
(an edit, a publication, an approved translation, a renamed museum), a task serialises the
activity's events in every interface language, so the next feed finds them stored.

Only a head start: a feed checks each stored event's stamp and builds whatever is missing or
stale itself, so a task that is late, lost or failed never shows an old event.
"""

from django.db import transaction
from django.db.models.signals import post_save

from museion.core.models import AttendanceMode
from museion.network.models import Museum

from .models import Activity, Status
from .tasks import store_calendar_events


def connect() -> None:
    post_save.connect(_activity_saved, sender=Activity, dispatch_uid="calendar-events-activity")
    post_save.connect(_museum_saved, sender=Museum, dispatch_uid="calendar-events-museum")


def _store_later(activity_ids: list[int]) -> None:
    if activity_ids:
        # robust: a queue that cannot take the task must not fail a save already committed.
        transaction.on_commit(lambda: store_calendar_events.enqueue(activity_ids), robust=True)


def _activity_saved(sender, instance: Activity, raw: bool = False, **kwargs) -> None:
    if not raw and instance.status == Status.PUBLISHED:
        _store_later([instance.pk])


def _museum_saved(sender, instance: Museum, created: bool, raw: bool = False, **kwargs) -> None:
    if raw or created:
        return
    # Only an event without a venue names its museum (as its location).
    named = Activity.objects.filter(museum=instance, status=Status.PUBLISHED, venue="").exclude(
        attendance_mode=AttendanceMode.ONLINE
    )
    _store_later(list(named.values_list("pk", flat=True)))
