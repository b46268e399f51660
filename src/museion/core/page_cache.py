"""Whole pages kept for anonymous readers, under the content versions they are made of.

A view marked `@public_page("museumday", "network")` may have its answer shared between readers
who are not logged in: the middleware then keeps the finished response in the cache under (the
path and query string, the interface language, the reader's preference cookies), with the
versions of those kinds read *before* the view ran. The next such request is answered from the
cache, without the session, authentication, CSRF, messages or CSP passes, as long as none of
those kinds changed since; an edit bumps its kind (museion.core.versions), so the very next
request rebuilds the page.

Never shared: anything for a logged-in reader (a request with a session cookie is not even
looked up), a response that set a cookie, one whose page carries a form's CSRF token, one marked
private or no-store, and anything but a plain 200. The same responses get
`Cache-Control: public, max-age=0, s-maxage=SHARED_SECONDS`, so the front server's microcache
holds them a few seconds while browsers ask again each time.
"""

import hashlib
import time
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

from . import versions

# Pages are also kept per minute of the clock: what follows the clock rather than an edit (the
# conference day in progress, "now and next", an edition getting under way) is at most a minute
# late, and a page costs one rebuild a minute at most. Also bounds what no version reports.
PAGE_SECONDS = 60
SHARED_SECONDS = 5  # what a shared cache (nginx's microcache) may hold a page for
KEY_PREFIX = "page:"
# Cookies a page may depend on besides the language (e.g. the conference's display timezone);
# the CSRF cookie does not count: shared pages carry no token.
IGNORED_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def public_page(*kinds: str, seconds: int | Callable[[], int] = PAGE_SECONDS):
    """Mark a view whose answer, for anonymous readers, depends only on the URL, the language,
    the reader's preference cookies and the content of `kinds`. `seconds` (or a function giving
    them, called when the page is kept) bounds what the clock changes: a post going live."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if is_anonymous_reader(request):
                # Read before the view: an edit made while it renders leaves a stale page under
                # the old versions, never reached again.
                request.page_versions = (kinds, versions.stamp(*kinds), seconds)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def is_anonymous_reader(request) -> bool:
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
    )


def is_shareable(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
        and vary <= {"cookie", "accept-language"}
    )


def page_key(request) -> str:
    language = translation.get_language_from_request(request)
    preferences = sorted(
        (name, value) for name, value in request.COOKIES.items() if name not in IGNORED_COOKIES
    )
    extra = "&".join(f"{name}={value}" for name, value in preferences)
    minute = int(time.time() // PAGE_SECONDS)
    where = f"{language}|{request.get_full_path()}|{extra}|{minute}".encode()
    return KEY_PREFIX + hashlib.blake2b(where, digest_size=20).hexdigest()


class AnonymousPageCacheMiddleware:
    """Place it above the session, locale, CSRF and CSP middleware: a page served from the
    cache skips them all (their headers are in the kept response)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_anonymous_reader(request):
            return self.get_response(request)
        key = page_key(request)
        kept = cache.get(key)
        if kept is not None:
            kinds, stamp, headers, body = kept
            if versions.stamp(*kinds) == stamp:
                response = HttpResponse(body)
                for name, value in headers:
                    response[name] = value
                return response
        response = self.get_response(request)
        marked = getattr(request, "page_versions", None)
        if marked and is_shareable(request, response):
            kinds, stamp, seconds = marked
            if callable(seconds):
                seconds = seconds()
            if not response.has_header("Cache-Control"):  # else the view has said its own
                shared = min(SHARED_SECONDS, seconds)
                patch_cache_control(response, public=True, max_age=0, s_maxage=shared)
            if request.method == "GET":
                headers = list(response.items())
                kept_for = min(seconds, PAGE_SECONDS)
                cache.set(key, (kinds, stamp, headers, response.content), kept_for)
        return response
