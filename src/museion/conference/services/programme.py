"""Programme rules: clash detection for rooms and people booked twice at the same time."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from museion.core import versions

from ..models import Session, SessionPerson


@dataclass(frozen=True)
class Clash:
    kind: str  # "room" or "speaker"
    resource: str
    first: Session
    second: Session

    @property
    def message(self) -> str:
        values = {"resource": self.resource, "first": self.first, "second": self.second}
        if self.kind == "room":
            return _("Room “%(resource)s” is booked twice: “%(first)s” and “%(second)s”.") % values
        return _("%(resource)s is booked twice: “%(first)s” and “%(second)s”.") % values


def _overlapping(session: Session):
    return (
        Session.objects.filter(
            conference_id=session.conference_id,
            starts_at__lt=session.ends_at,
            ends_at__gt=session.starts_at,
        )
        .exclude(pk=session.pk)
        .order_by("starts_at", "pk")
    )


def clashes_for(session: Session) -> list[Clash]:
    """Other sessions that overlap this one in the same room or with the same person."""
    found: list[Clash] = []
    others = _overlapping(session)
    if session.room_id:
        for other in others.filter(room_id=session.room_id).select_related("room"):
            found.append(Clash("room", other.room.name, session, other))
    people = SessionPerson.objects.filter(session=session).values("speaker_id")
    shared = (
        SessionPerson.objects.filter(session__in=others, speaker_id__in=people)
        .select_related("speaker", "session")
        .order_by("session__starts_at", "session_id", "speaker__name")
    )
    seen = set()
    for person in shared:
        key = (person.speaker_id, person.session_id)
        if key not in seen:
            seen.add(key)
            found.append(Clash("speaker", person.speaker.name, session, person.session))
    return found


def find_clashes(conference) -> list[Clash]:
    """Every clash of the conference once, in programme order."""
    sessions = list(
        Session.objects.filter(conference=conference)
        .select_related("room")
        .order_by("starts_at", "pk")
    )
    people: dict[int, set[int]] = {}
    names: dict[int, str] = {}
    for person in SessionPerson.objects.filter(session__conference=conference).select_related(
        "speaker"
    ):
        people.setdefault(person.session_id, set()).add(person.speaker_id)
        names[person.speaker_id] = person.speaker.name
    found = []
    for index, first in enumerate(sessions):
        for second in sessions[index + 1 :]:
            if second.starts_at >= first.ends_at:
                break
            if first.room_id and first.room_id == second.room_id:
                found.append(Clash("room", first.room.name, first, second))
            for speaker_id in sorted(people.get(first.pk, set()) & people.get(second.pk, set())):
                found.append(Clash("speaker", names[speaker_id], first, second))
    return found


def follow_conference_timezone(conference) -> int:
    """The conference's timezone changed: its sessions (stored in UTC) move to its days."""
    zone = ZoneInfo(conference.timezone)
    stale = list(
        Session.objects.filter(conference=conference).exclude(timezone=conference.timezone)
    )
    for session in stale:
        session.timezone = conference.timezone
        session.local_date = session.starts_at.astimezone(zone).date()
    Session.objects.bulk_update(stale, ["timezone", "local_date"], batch_size=500)
    versions.bump("conference")
    return len(stale)


def overlaps(a: Session, b: Session) -> bool:
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at
