"""A place written on one line, each part once."""

from museion.core.text import fold


def place_parts(place, *, with_venue: bool = True) -> list[str]:
    """The venue, the address, the postcode and city, the country: trimmed, without repeats."""
    venue = (getattr(place, "venue", "") or "").strip() if with_venue else ""
    address = " ".join((getattr(place, "address", "") or "").split())
    postcode = (getattr(place, "postcode", "") or "").strip()
    city = (getattr(place, "city", "") or "").strip()
    country = getattr(place, "country", None)
    country_name = str(country.name) if country else ""
    parts = [venue, address]
    locality = " ".join(p for p in (postcode, city) if p and fold(p) not in fold(address))
    parts.append(locality)
    parts.append(country_name)
    seen: list[str] = []
    for part in parts:
        if part and fold(part) not in (fold(s) for s in seen):
            seen.append(part)
    return seen
