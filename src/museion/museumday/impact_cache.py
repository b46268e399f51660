"""The version of an edition's impact figures: part of every cache key they are stored under.

Services bump it on commit whenever a report changes, so cached aggregates and charts are never
served stale. A fresh random token (not a counter), so an evicted key never brings an old version
back; the TTL of what is cached under it bounds anything the bump cannot reach (a process with its
own local-memory cache).
"""

import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_TTL = None  # the version itself lives until replaced


def _key(edition_id: int) -> str:
    return f"museumday:impact:version:{edition_id}"


def impact_version(edition_id: int) -> str:
    return cache.get_or_set(_key(edition_id), lambda: uuid.uuid4().hex, VERSION_TTL)


def bump_impact_version(edition_id: int) -> None:
    cache.set(_key(edition_id), uuid.uuid4().hex, VERSION_TTL)


def bump_on_commit(edition_id: int) -> None:
    transaction.on_commit(lambda: bump_impact_version(edition_id))
