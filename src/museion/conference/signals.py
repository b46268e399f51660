"""Any programme edit bumps its conference's `updated_at`, the version in programme cache keys.

The version lives in the database, so every process (and every cache) sees the change at once.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils import timezone

from museion.network.models import Committee

from .models import Conference, Day, Room, Session, SessionPerson, Speaker, Track


def bump(conference_ids) -> None:
    ids = {pk for pk in conference_ids if pk}
    if ids:
        Conference.objects.filter(pk__in=ids).update(updated_at=timezone.now())


@receiver(post_save, sender=Session)
@receiver(post_delete, sender=Session)
@receiver(post_save, sender=Day)
@receiver(post_delete, sender=Day)
@receiver(post_save, sender=Room)
@receiver(post_delete, sender=Room)
@receiver(post_save, sender=Track)
@receiver(post_delete, sender=Track)
def _programme_object_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump([instance.conference_id])


@receiver(post_save, sender=SessionPerson)
@receiver(post_delete, sender=SessionPerson)
def _person_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump(Session.objects.filter(pk=instance.session_id).values_list("conference_id", flat=True))


@receiver(post_save, sender=Speaker)
def _speaker_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump(
            Session.objects.filter(people__speaker=instance).values_list("conference_id", flat=True)
        )


@receiver(post_save, sender=Committee)
def _committee_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump(Session.objects.filter(organisers=instance).values_list("conference_id", flat=True))


@receiver(pre_delete, sender=Committee)
def _committee_deleted(sender, instance, **kwargs):
    # Before the delete: afterwards the committee's sessions can no longer be found.
    bump(Session.objects.filter(organisers=instance).values_list("conference_id", flat=True))


@receiver(post_save, sender=Conference)
def _conference_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and not created:
        from .services.programme import follow_conference_timezone

        follow_conference_timezone(instance)


@receiver(m2m_changed, sender=Session.organisers.through)
def _organisers_changed(sender, instance, action, pk_set=None, **kwargs):
    if not action.startswith("post_"):
        return
    if isinstance(instance, Session):
        bump([instance.conference_id])
    else:
        sessions = Session.objects.filter(organisers=instance) if pk_set is None else None
        if sessions is None:
            sessions = Session.objects.filter(pk__in=pk_set)
        bump(sessions.values_list("conference_id", flat=True))
