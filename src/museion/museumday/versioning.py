"""Which changes reach Museum Day's public caches (core.versions, kind "museumday").

Every cached public answer (list, map, feeds, API, counters) shows published activities only.
A draft saved, submitted or rejected changes none of them, so it leaves them warm: a thousand
editors registering before a deadline would otherwise empty them with every save, while the
public reads them most. An activity that is published, or was until this save, bumps the kind.
"""

from django.db.models.signals import pre_save

from museion.core import versions

from .models import Activity, ActivityTranslation, Edition, Status


def _note_stored_row(sender, instance, update_fields=None, using=None, **kwargs) -> None:
    """Before an update, read once what the stored row says of what the caches care about:
    whether it was published (when it is not any more) and its edition (when the save may move
    it; see mapcells). `instance._stored` is (status, edition id), or None when not read."""
    instance._stored = None
    if instance._state.adding or instance.pk is None:
        return
    may_unpublish = instance.__dict__.get("status") != Status.PUBLISHED
    may_move = update_fields is None or bool({"edition", "edition_id"} & set(update_fields))
    if may_unpublish or may_move:
        rows = sender._base_manager.using(using).filter(pk=instance.pk)
        instance._stored = rows.values_list("status", "edition_id").first()


def stored_edition(activity: Activity) -> int | None:
    """The edition the activity had before this save, when `_note_stored_row` read it."""
    stored = getattr(activity, "_stored", None)
    return stored[1] if stored else None


def is_or_was_public(activity: Activity) -> bool:
    status = activity.__dict__.get("status")
    if status is None:  # not loaded (e.g. a deletion of many with only their ids): assume so
        return True
    stored = getattr(activity, "_stored", None)
    return status == Status.PUBLISHED or (stored is not None and stored[0] == Status.PUBLISHED)


def track() -> None:
    versions.track("museumday", Edition, ActivityTranslation)
    pre_save.connect(_note_stored_row, sender=Activity, dispatch_uid="activity-stored-row")
    versions.track("museumday", Activity, when=is_or_was_public)
