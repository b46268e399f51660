"""System checks for a production configuration (`manage.py check --deploy`, `make prod`)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.http.request import validate_host

# Caches whose content lives in one process (or nowhere): each gunicorn worker would keep its
# own rate-limit counters, cached pages and cached sessions.
PROCESS_LOCAL_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@register(Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    backend = settings.CACHES["default"]["BACKEND"]
    if backend not in PROCESS_LOCAL_CACHES:
        return []
    return [
        Warning(
            f"The cache ({backend.rsplit('.', 1)[-1]}) lives inside one process: with several "
            "app server workers, rate limits, cached pages and sessions differ between them.",
            hint="Set REDIS_URL (e.g. redis://127.0.0.1:6379/0): Redis then holds the cache, "
            "the rate-limit counters and the sessions.",
            id="museion.W001",
        )
    ]


@register()
def check_site_url(app_configs, **kwargs):
    """Links in e-mails, feeds and the API are built from SITE_URL: it must be this site."""
    parts = urlsplit(settings.SITE_URL)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return [
            Warning(
                f"SITE_URL={settings.SITE_URL!r} is not an absolute http(s) address.",
                hint="Set SITE_URL to where the site is served, e.g. https://museion.example",
                id="museion.W002",
            )
        ]
    if not validate_host(parts.hostname, settings.ALLOWED_HOSTS):
        return [
            Warning(
                f"SITE_URL ({settings.SITE_URL}) names a host that ALLOWED_HOSTS "
                f"({', '.join(settings.ALLOWED_HOSTS) or 'empty'}) does not serve: links in "
                "e-mails and feeds would point elsewhere.",
                hint="Set SITE_URL to the public address of this site, or add its host to "
                "ALLOWED_HOSTS.",
                id="museion.W002",
            )
        ]
    if parts.scheme == "http" and settings.SECURE_SSL_REDIRECT:
        return [
            Warning(
                f"SITE_URL ({settings.SITE_URL}) is plain http while the site redirects to "
                "https: every link in e-mails and feeds would go through a redirect.",
                hint="Use https:// in SITE_URL.",
                id="museion.W003",
            )
        ]
    return []
