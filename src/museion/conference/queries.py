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


def conference_today(conference: Conference, *, now=None):
    return (now or timezone.now()).astimezone(conference.zone).date()


def is_running(conference: Conference, *, now=None) -> bool:
    return conference.starts_on <= conference_today(conference, now=now) <= conference.ends_on


def default_day(conference: Conference, days: list, *, now=None):
    """The day in progress while the conference runs (or its next day with sessions), else the
    first day with sessions; None when the programme is empty."""
    if not days:
        return None
    if is_running(conference, now=now):
        today = conference_today(conference, now=now)
        coming = [day for day in days if day >= today]
        if coming:
            return coming[0]
    return days[0]


NEXT_SLOTS = 2


def now_and_next(conference: Conference, *, now=None) -> tuple[list, list]:
    """Sessions under way at `now`, and those of the next NEXT_SLOTS start times after it."""
    now = now or timezone.now()
    sessions = with_people(public_sessions(conference)).order_by("starts_at", "title", "id")
    current = list(sessions.filter(starts_at__lte=now, ends_at__gt=now))
    starts = list(
        public_sessions(conference)
        .filter(starts_at__gt=now)
        .order_by("starts_at")
        .values_list("starts_at", flat=True)
        .distinct()[:NEXT_SLOTS]
    )
    coming = list(sessions.filter(starts_at__in=starts)) if starts else []
    return current, coming


def selected_sessions(conference: Conference, ids: list[int]) -> QuerySet:
    """The published sessions among `ids` (others are silently left out: deleted or hidden)."""
    return with_people(public_sessions(conference).filter(pk__in=ids)).order_by(
        "starts_at", "title", "id"
    )
