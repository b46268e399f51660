"""Cache keys for the programme: (programme version, language, timezone, filters).

The version is the "conference" and "network" content versions (museion.core.versions), bumped on
any programme edit or organising committee's edit, so a change shows at once in every process
sharing the cache; old entries simply expire.
"""

import hashlib
from urllib.parse import urlencode

from django.core.cache import cache
from django.utils.translation import get_language

from museion.core import versions

from .filters import FILTER_KEYS
from .models import Conference

PROGRAMME_TTL = 600


# The programme shows sessions, rooms, speakers, and the committees that organise sessions.
PROGRAMME_KINDS = ("conference", "network")


def programme_version(conference: Conference) -> str:
    return f"{conference.pk}.{versions.stamp(*PROGRAMME_KINDS)}"


def filters_key(query) -> str:
    """The filters of a query string as sent (other parameters do not count), in a stable
    order and URL-encoded, so that two different queries never share a key."""
    return urlencode(sorted((key, query[key]) for key in FILTER_KEYS if query.get(key)))


def export_key(kind: str, slug: str, zone: str, variant: str) -> str:
    """The key of an export by the conference's slug, so a cache hit needs no database: any
    change to a conference (published or not, renamed, moved) bumps the version in the key.
    `zone` is the timezone asked for (query string or cookie), as sent."""
    parts = [slug, versions.stamp(*PROGRAMME_KINDS), get_language() or "", zone, variant]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return f"conference:{kind}:{digest}"


def cached_body(key: str, build) -> bytes:
    """The cached bytes under `key`, built (and stored) on a miss; `build` may raise to refuse."""
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, PROGRAMME_TTL)
    return body
