"""One version number for everything the home page and feeds show; bumped on every change.

Cached entries carry the version in their key, so a change makes them unreachable at once,
on every process sharing the cache (Redis beyond one machine).
"""

from django.core.cache import cache
from django.utils import timezone

VERSION_KEY = "site:content-version"


def content_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = int(timezone.now().timestamp() * 1000)
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def bump_content_version(**_ignored) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        content_version()
        cache.incr(VERSION_KEY)
