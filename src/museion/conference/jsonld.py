"""schema.org Event JSON-LD for a session page and JSON for the programme: never remote access.

Online sessions point their VirtualLocation at the public session page, where registered
participants find their own way in.
"""

from django.conf import settings

from museion.core.models import AttendanceMode

from .models import Session


def session_jsonld(session: Session) -> dict:
    url = settings.SITE_URL + session.get_absolute_url()
    conference = session.conference
    zone = conference.zone
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": session.title,
        "description": session.abstract[:500],
        "startDate": session.starts_at.astimezone(zone).isoformat(),
        "endDate": session.ends_at.astimezone(zone).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": AttendanceMode(session.attendance_mode).schema_org,
        "inLanguage": session.languages,
        "url": url,
        "superEvent": {
            "@type": "Event",
            "name": conference.name,
            "url": settings.SITE_URL + conference.get_absolute_url(),
        },
        "performer": [
            {"@type": "Person", "name": p.speaker.name, "affiliation": p.speaker.affiliation}
            for p in session.people.all()
        ],
        "organizer": [{"@type": "Organization", "name": c.name} for c in session.organisers.all()],
    }
    locations = []
    if session.attendance_mode != AttendanceMode.ONLINE:
        locations.append(
            {
                "@type": "Place",
                "name": ", ".join(
                    part
                    for part in [session.room.name if session.room else "", conference.venue]
                    if part
                ),
                "address": {
                    "@type": "PostalAddress",
                    "addressLocality": conference.city,
                    "addressCountry": str(conference.country),
                },
            }
        )
    if session.attendance_mode != AttendanceMode.OFFLINE:
        locations.append({"@type": "VirtualLocation", "url": url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    return data


def session_json(session: Session) -> dict:
    """One session in the programme's JSON (the public fields only)."""
    return {
        "id": session.pk,
        "title": session.title,
        "type": session.type,
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
        "timezone": session.conference.timezone,
        "local_date": session.local_date.isoformat(),
        "attendance_mode": session.attendance_mode,
        "room": session.room.name if session.room else None,
        "track": session.track.slug if session.track else None,
        "languages": session.languages,
        "interpretation": session.interpretation,
        "organisers": [c.slug for c in session.organisers.all()],
        "people": [
            {"name": p.speaker.name, "role": p.role, "affiliation": p.speaker.affiliation}
            for p in session.people.all()
        ],
        "abstract": session.abstract,
        "url": settings.SITE_URL + session.get_absolute_url(),
    }
