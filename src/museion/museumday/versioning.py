"""Which changes reach Museum Day's public caches (core.versions, kind "museumday").

Every cached public answer (list, map, feeds, API, counters) shows published activities only.
A draft saved, submitted or rejected changes none of them, so it leaves them warm: a thousand
editors registering before a deadline would otherwise empty them with every save, while the
public reads them most. An activity that is published, or was until this save, bumps the kind.
"""

from django.db.models.signals import pre_save

from museion.core import versions

from .models import Activity, ActivityTranslation, Edition, Status


def _note_whether_it_was_public(sender, instance, using=None, **kwargs) -> None:
    instance._was_public = (
        instance.__dict__.get("status") != Status.PUBLISHED
        and not instance._state.adding
        and Activity.objects.using(using).filter(pk=instance.pk, status=Status.PUBLISHED).exists()
    )


def is_or_was_public(activity: Activity) -> bool:
    status = activity.__dict__.get("status")
    if status is None:  # not loaded (e.g. a deletion of many with only their ids): assume so
        return True
    return status == Status.PUBLISHED or getattr(activity, "_was_public", False)


def track() -> None:
    versions.track("museumday", Edition, ActivityTranslation)
    pre_save.connect(_note_whether_it_was_public, sender=Activity, dispatch_uid="was-public")
    versions.track("museumday", Activity, when=is_or_was_public)
