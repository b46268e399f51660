"""Any programme edit bumps the "conference" content version (see museion.core.versions), the
version in the programme's cache keys; organisers are committees, whose edits bump "network"."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from museion.core import versions

from .models import Conference, Day, Room, Session, SessionPerson, Speaker, Track, WorkshopSignup
from .services.programme import follow_conference_timezone

versions.track(
    "conference",
    Conference,
    Day,
    Room,
    Track,
    Session,
    SessionPerson,
    Speaker,
    WorkshopSignup,  # a workshop's seats left
    m2m=[Session.organisers.through],
)


@receiver(post_save, sender=Conference)
def _conference_saved(sender, instance, created, raw=False, **kwargs):
    if not raw and not created:
        follow_conference_timezone(instance)
