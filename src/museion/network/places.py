"""A gazetteer made of the directory itself: every city that has a museum, with its position.

Offline by construction (no service, no download): "Ishøj", "ishoj" and "ISHØJ" all find the
museums' Ishøj, accents and case aside. The point is the mean position of the city's museums.
"""

from django.db.models import Avg, Count

from museion.core.text import fold

from .models import Museum


def city_point(name: str) -> tuple[float, float] | None:
    """(latitude, longitude) of the city called `name` in the directory, or None."""
    wanted = fold(" ".join((name or "").split()))
    if not wanted:
        return None
    found = (
        Museum.objects.filter(city__folded=wanted, latitude__isnull=False, longitude__isnull=False)
        .values("country")
        .annotate(n=Count("id"), lat=Avg("latitude"), lng=Avg("longitude"))
        .order_by("-n")
        .first()
    )
    return (found["lat"], found["lng"]) if found else None
