"""The home page: the headline Museum Day edition, the next conference, the latest stories.

Everything is read once per language and content versions (museion.core.versions) and kept in
the cache, so a warm home page costs no query at all; a change to a post, page, edition,
activity, conference, session or newsletter list bumps the version of its kind. The entry also
expires when the next scheduled post goes live, and after HOME_TTL at most.
"""

from datetime import timedelta

from django.apps import apps
from django.core.cache import cache
from django.utils import timezone

from museion.core import versions
from museion.museumday import queries as museumday_queries
from museion.news import queries
from museion.newsletter.queries import public_lists

HOME_TTL = 300
# What the home page shows: stories, the edition's numbers, the next conference, the lists.
HOME_KINDS = ("news", "museumday", "conference", "newsletter")
LATEST = 6
SESSIONS = 5


def home_page_seconds() -> int:
    """How long a whole home page may be kept: until the next post goes live, a minute at most
    (the conference's coming sessions move on with the clock)."""
    return queries.seconds_until_next_post(cap=60)


def upcoming_conference(now) -> tuple[object | None, list]:
    """The next conference and its coming sessions, when the conference app is installed."""
    if not apps.is_installed("museion.conference"):
        return None, []
    from museion.conference import queries as conference_queries

    conference = conference_queries.next_conference(now=now, limit=SESSIONS)
    return conference, (conference.upcoming_sessions if conference else [])


def home_data(language: str) -> dict:
    key = f"site:home:{language}:{versions.stamp(*HOME_KINDS)}"
    data = cache.get(key)
    if data is not None:
        return data
    now = timezone.now()
    edition = museumday_queries.current_edition()
    conference, sessions = upcoming_conference(now)
    data = {
        "edition": edition,
        "numbers": museumday_queries.participation(edition) if edition else None,
        "lists": list(public_lists()),
        "stories": [queries.shown(post) for post in queries.stories(language)[:LATEST]],
        "conference": conference,
        "sessions": sessions,
        "built_at": now,
        "data_key": key,  # with built_at, names the data the page's content is made of
    }
    timeout = queries.seconds_until_next_post(now=now, cap=HOME_TTL)
    if conference is not None:
        timeout = min(timeout, int(timedelta(minutes=1).total_seconds()))
    cache.set(key, data, timeout)
    return data
