"""schema.org Event JSON-LD for an activity page."""

from django.conf import settings

from museion.core.models import AttendanceMode


def event_jsonld(activity, request) -> dict:
    url = settings.SITE_URL + activity.get_absolute_url()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "description": activity.description[:500],
        "startDate": activity.local_starts_at.isoformat(),
        "endDate": activity.local_ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": AttendanceMode(activity.attendance_mode).schema_org,
        "inLanguage": activity.language,
        "url": url,
        "isAccessibleForFree": activity.is_free,
        "organizer": {
            "@type": "Organization",
            "name": activity.museum.name,
            "url": settings.SITE_URL + activity.museum.get_absolute_url(),
        },
    }
    locations = []
    if activity.attendance_mode in ("offline", "mixed"):
        place = {
            "@type": "Place",
            "name": activity.venue or activity.museum.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": activity.address,
                "addressLocality": activity.city,
                "addressCountry": str(activity.country),
            },
        }
        if activity.latitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": activity.latitude,
                "longitude": activity.longitude,
            }
        locations.append(place)
    if activity.attendance_mode in ("online", "mixed"):
        locations.append({"@type": "VirtualLocation", "url": activity.online_url})
    data["location"] = locations[0] if len(locations) == 1 else locations
    if activity.booking_url:
        data["offers"] = {"@type": "Offer", "url": activity.booking_url}
        if activity.is_free:
            data["offers"].update(price="0", priceCurrency="EUR")
    return data
