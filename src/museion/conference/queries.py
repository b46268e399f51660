"""Reads used by several views and by other apps (the home page shows the next conference)."""

from itertools import groupby

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from museion.network.models import Committee

from .models import Conference, Session, SessionPerson, Speaker

UPCOMING_ON_HOME = 5


def public_conferences() -> QuerySet:
    return Conference.objects.filter(is_published=True)


def public_sessions(conference: Conference) -> QuerySet:
    return Session.objects.filter(conference=conference, is_published=True)


def with_people(queryset: QuerySet) -> QuerySet:
    """Sessions with room, track, speakers, chairs and organisers in four queries in all."""
    return queryset.select_related("room", "track", "conference").prefetch_related(
        Prefetch("people", queryset=SessionPerson.objects.select_related("speaker")),
        Prefetch("organisers", queryset=Committee.objects.only("name", "slug", "acronym")),
    )


def by_day(sessions) -> list[tuple]:
    """[(date, [sessions…])…] by the conference's own calendar day."""
    return [(day, list(items)) for day, items in groupby(sessions, key=lambda s: s.local_date)]


def next_conference(*, now=None, limit: int = UPCOMING_ON_HOME) -> Conference | None:
    """The current or next published conference, with `upcoming_sessions` (at most `limit`).

    Two queries, plus the people of those few sessions.
    """
    now = now or timezone.now()
    conference = (
        public_conferences()
        .filter(ends_on__gte=now.astimezone(timezone.get_current_timezone()).date())
        .order_by("starts_on")
        .first()
    )
    if conference is None:
        return None
    conference.upcoming_sessions = list(
        with_people(public_sessions(conference).filter(ends_at__gt=now)).order_by(
            "starts_at", "id"
        )[:limit]
    )
    return conference


def speaker_sessions(speaker: Speaker) -> QuerySet:
    return with_people(
        Session.objects.filter(
            people__speaker=speaker, is_published=True, conference__is_published=True
        ).distinct()
    ).order_by("starts_at", "id")


def organiser_sessions(committee: Committee) -> QuerySet:
    return with_people(
        Session.objects.filter(
            organisers=committee, is_published=True, conference__is_published=True
        )
    ).order_by("starts_at", "id")
