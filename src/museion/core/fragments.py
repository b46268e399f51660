"""Pieces of HTML rendered once and reused: per row in the shared cache, per language per process.

Whole pages are kept for anonymous readers (museion.core.page_cache), but a page the cache
cannot answer (after any edit of what it is made of, or for a logged-in reader) used to render
every row again. Here a fragment is keyed on *everything it shows*, not on a version to bump: an
activity card's key holds its title, its date, its museum's name… so an edit, an approved
translation or a renamed museum gives a new key by itself, even when saved without signals.
What is not data (templates, catalogues, formats, URLs, static file names) is covered by
`build()`, a hash of the code and catalogues the process runs, so a deploy never serves the
previous release's fragments.

    html = fragments.cached_many(rows, key_of=lambda row: ("card", row.pk, row.title),
                                 render=lambda row: render_to_string(...))
    html = fragments.per_language("site-footer", lambda: template.render(...))

Only what every reader may see goes in here: never a CSRF token, a user's name or messages.
"""

import hashlib
import importlib.metadata
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.urls import get_script_prefix
from django.utils.translation import get_language

SOURCE_ROOT = Path(__file__).resolve().parent.parent  # src/museion
# What a fragment is made of besides its data: templates and code, and the catalogues' sources;
# the libraries whose words end up in fragments (dates and country names).
SOURCE_SUFFIXES = (".html", ".py", ".po")
LIBRARIES = ("django", "django-countries")
SECONDS = 24 * 3600  # rows not shown for a day make room for others
KEY_PREFIX = "fragment:"

# A form's CSRF token belongs to one reader: HTML carrying one is never kept.
CSRF_MARK = 'name="csrfmiddlewaretoken"'

_build: str | None = None
_local: dict[tuple, str] = {}
_local_lock = threading.Lock()
LOCAL_LIMIT = 1000


def build() -> str:
    """A hash of the source, templates and catalogues this process runs, the static files'
    manifest and the libraries' versions: fragments of another release are never reached."""
    global _build
    if _build is None:
        digest = hashlib.blake2b(digest_size=8)
        for library in LIBRARIES:
            digest.update(importlib.metadata.version(library).encode())
        digest.update(str(settings.STATIC_URL).encode())
        for path in sorted(SOURCE_ROOT.rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(SOURCE_ROOT)).encode())
                digest.update(path.read_bytes())
        manifest = Path(settings.STATIC_ROOT or ".") / "staticfiles.json"
        if manifest.is_file():
            digest.update(manifest.read_bytes())
        _build = digest.hexdigest()
    return _build


def _context() -> str:
    """What every fragment of this request depends on: the build, the language, the URL prefix."""
    return f"{build()}\x1f{get_language()}\x1f{get_script_prefix()}"


def key(*parts, context: str | None = None) -> str:
    """The cache key of a fragment made of `parts` (anything with a faithful str()), in the
    active language, under this build."""
    material = "\x1f".join(map(str, (context or _context(), *parts)))
    return KEY_PREFIX + hashlib.blake2b(material.encode(), digest_size=20).hexdigest()


def row_parts(instance) -> tuple:
    """A model instance as fragment key parts: its model and every value loaded from its row
    (deferred fields left out, as they would cost a query each)."""
    deferred = instance.get_deferred_fields()
    return (
        instance._meta.label,
        *(
            getattr(instance, field.attname)
            for field in instance._meta.concrete_fields
            if field.attname not in deferred
        ),
    )


def cached_many(
    items: Iterable,
    *,
    key_of: Callable[[object], tuple],
    render: Callable[[object], str],
    seconds: int = SECONDS,
) -> list[str]:
    """render(item) for each item, from the shared cache where a fragment with the same parts
    is there (one round trip for all), rendering and storing only the others."""
    items, context = list(items), _context()
    keys = [key(*key_of(item), context=context) for item in items]
    found = cache.get_many(keys)
    rendered = {}
    for item, item_key in zip(items, keys, strict=True):
        if item_key not in found:
            found[item_key] = html = str(render(item))
            if CSRF_MARK not in html:
                rendered[item_key] = html
    if rendered:
        cache.set_many(rendered, seconds)
    return [found[item_key] for item_key in keys]


def cached(parts: tuple, render: Callable[[], str], seconds: int = SECONDS) -> str:
    """One fragment: render() kept in the shared cache under `parts`."""
    fragment_key = key(*parts)
    html = cache.get(fragment_key)
    if html is None:
        html = str(render())
        if CSRF_MARK not in html:
            cache.set(fragment_key, html, seconds)
    return html


def per_language(name: str, render: Callable[[], str]) -> str:
    """render() once per process and language: for HTML made of the code alone (links, labels,
    static files), the same for every reader and request."""
    local_key = (name, get_language(), get_script_prefix())
    html = _local.get(local_key)
    if html is None:
        html = str(render())
        if CSRF_MARK in html:
            return html
        with _local_lock:
            if len(_local) >= LOCAL_LIMIT:
                _local.clear()
            _local[local_key] = html
    return html


def _forget(**kwargs) -> None:
    """Tests that change settings (URLs, static files, languages) get fresh fragments."""
    global _build
    _build = None
    with _local_lock:
        _local.clear()


setting_changed.connect(_forget, dispatch_uid="museion-fragments-forget")
