"""Content versions: one number per kind of content, bumped whenever that content changes.

A cached answer (a page, a feed, a map, a count) is stored under the versions of the kinds it is
made of; a change bumps its kind, so every answer built from the old data becomes unreachable at
once, while the answers made of other kinds stay warm: an edited activity rebuilds Museum Day's
pages, not the news or the conference programme.

    from museion.core import versions

    versions.track("museumday", Activity, Edition)          # in AppConfig.ready()
    versions.bump("museumday")                              # after a bulk write signals miss
    versions.cached(("museumday", "network"), "map:…", build, 60)
    key = f"report:{edition.pk}:{versions.stamp('museumday')}"

Kinds in use: museumday (editions, activities, their translations), network (museums,
committees), conference (the programme), news (posts, sources, hashtags), site (standing pages),
newsletter (public lists). Add a kind by tracking its models; nothing needs declaring.

The numbers live in the default cache, shared by every process when it is Redis (required with
more than one process). A missing number (first use, a flushed or evicted cache) restarts from
the current time in microseconds, above any number handed out before, so an old entry is never
mistaken for a fresh one.
"""

import time
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY_PREFIX = "version:"


def _key(kind: str) -> str:
    return KEY_PREFIX + kind


def _fresh_number() -> int:
    return time.time_ns() // 1000


def numbers(*kinds: str) -> dict[str, int]:
    """The current number of each kind (one cache round trip when they all exist)."""
    keys = [_key(kind) for kind in kinds]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        start = _fresh_number()
        for key in missing:
            cache.add(key, start, None)
        found.update(cache.get_many(missing))
    return {kind: found.get(_key(kind), 0) for kind in kinds}


def stamp(*kinds: str) -> str:
    """The versions of `kinds` as one short string for cache keys: "museumday=…,network=…"."""
    return ",".join(f"{kind}={number}" for kind, number in numbers(*kinds).items())


def _increment(kinds: Iterable[str]) -> None:
    for kind in kinds:
        key = _key(kind)
        try:
            cache.incr(key)
        except ValueError:  # not there (yet, or any more): restart above every earlier number
            cache.add(key, _fresh_number(), None)
            cache.incr(key)


def bump(*kinds: str, using: str | None = None) -> None:
    """A change to `kinds`: bump now, so a reader in the same transaction never keeps an answer
    built before it, and again after the commit, so an answer another process built from the
    data before the commit (under the first bump) is dropped too."""
    _increment(kinds)
    transaction.on_commit(lambda: _increment(kinds), using=using, robust=True)


def _receiver(kind: str, when: Callable | None = None) -> Callable:
    def changed(sender, using=None, **kwargs) -> None:
        action = kwargs.get("action")
        if action is not None and not action.startswith("post_"):
            return
        if when is not None and not when(kwargs["instance"]):
            return
        bump(kind, using=using)

    changed.__name__ = f"bump_{kind}"
    return changed


_receivers: dict[str, Callable] = {}


def track(kind: str, *models, m2m: Iterable = (), when: Callable | None = None) -> None:
    """Bump `kind` whenever one of `models` is saved or deleted, or an `m2m` relation (a
    `through` model) changes; with `when`, only for the saved or deleted instances for which
    when(instance) is true (e.g. those the public can see). Bulk writes (`update()`,
    `bulk_create()`) send no signal: the code doing them calls `bump(kind)` itself."""
    if when is None:
        receiver = _receivers.setdefault(kind, _receiver(kind))
    else:
        receiver = _receiver(kind, when)
    for model in models:
        uid = f"version-{kind}-{model._meta.label_lower}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid)
    for through in m2m:
        uid = f"version-{kind}-{through._meta.label_lower}"
        m2m_changed.connect(receiver, sender=through, weak=False, dispatch_uid=uid)


def cached(kinds: Iterable[str], key: str, compute: Callable, seconds: int | None):
    """compute(), kept under `key` until one of `kinds` changes (or `seconds` pass)."""
    versioned = f"{key}@{stamp(*kinds)}"
    value = cache.get(versioned)
    if value is None:
        value = compute()
        cache.set(versioned, value, seconds)
    return value
