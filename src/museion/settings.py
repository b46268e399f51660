"""Museion settings: one file, configured by environment variables.

Unset, everything runs on one machine: SQLite (WAL), local-memory cache, the database task worker.
"""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from csp.constants import SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from museion.core.catalogues import COMPILED_LOCALE_DIR
from museion.core.hashers import PASSWORD_HASHERS  # noqa: F401 - a setting
from museion.core.storage import storages_from_environment

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("MUSEION_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("MUSEION_ALLOW_INSECURE_KEY"):
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "template_partials",
    "csp",
    "museion.core",
    "museion.outbox",
    "museion.network",
    "museion.museumday",
    "museion.conference",
    "museion.redlists",
    "museion.news",
    "museion.newsletter",
    "museion.site",
    "museion.api",
]
# The demo and benchmark data generators (`make run`, the tests, the benches); off in production.
if env_bool("MUSEION_DEMO", DEBUG):
    INSTALLED_APPS.append("museion.demo")

MIDDLEWARE = [
    "museion.core.health.HeadWithoutBodyMiddleware",
    "museion.core.health.HealthCheckMiddleware",
    "museion.core.logging.RequestIdMiddleware",
    "museion.core.db_router.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "museion.core.shared_cache.PrivatePagesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above everything a page kept for anonymous readers can skip (museion/core/page_cache.py).
    "museion.core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "museion.core.middleware.JsonErrorMiddleware",
]

ROOT_URLCONF = "museion.urls"
WSGI_APPLICATION = "museion.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "museion.core.context_processors.site",
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    }
]

# --- Database -------------------------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'museion.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
# A dropped connection is noticed before the request uses it, not by a 500.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Give up on an unreachable or frozen database quickly (below the app server's 30 s timeout): the
# visitor gets a 503 with Retry-After instead of a hung worker. 0 switches a timeout off (e.g. for
# a migration that rewrites a big table: DATABASE_QUERY_TIMEOUT=0 manage.py migrate).
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
DATABASE_QUERY_TIMEOUT = float(os.environ.get("DATABASE_QUERY_TIMEOUT", "15"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "museion.core.db.postgresql"
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = DATABASE_CONNECT_TIMEOUT
    if DATABASE_QUERY_TIMEOUT:  # the server stops a runaway statement a little before we give up
        statement_ms = int(DATABASE_QUERY_TIMEOUT * 1000) - 1000
        DATABASES["default"]["OPTIONS"]["options"] = f"-c statement_timeout={statement_ms}"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL + immediate transactions: readers never block, writers queue instead of failing.
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;"
        ),
        "transaction_mode": "IMMEDIATE",
    }
# A read replica for the public pages' reads (museion/core/db_router.py): anonymous GET and
# HEAD requests read from it; writes, logged-in people and the requests right after a write
# (REPLICA_LAG_SECONDS) stay on the primary.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
READ_REPLICA = "replica" if DATABASE_REPLICA_URL else None
REPLICA_LAG_SECONDS = int(os.environ.get("REPLICA_LAG_SECONDS", "10"))
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=60)
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["museion.core.db_router.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A cache that hangs must not hang the pages: give up after a few seconds.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "museion",
            # Lists keep their cards one by one; the default of 300 entries is far too few.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }

# Sessions: with Redis, read from the cache and written through to the database (so a Redis
# restart logs nobody out); without it, from the database alone.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# --- Tasks ----------------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[os.environ.get("TASKS_BACKEND", "database")],
        # default: transactional e-mail and housekeeping; campaigns: newsletter campaigns, on a
        # worker of their own so that a long campaign never delays a confirmation.
        "QUEUES": ["default", "campaigns"],
    }
}

# --- Auth -----------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "museumday:dashboard"
LOGOUT_REDIRECT_URL = "home"

# --- I18n -----------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("es", _("Spanish"))]
# Compiled out of the source tree by `make messages` (bin/compile_messages.py), and by the tests.
LOCALE_PATHS = [COMPILED_LOCALE_DIR]
USE_I18N = True
FORMAT_MODULE_PATH = ["museion.formats"]
USE_TZ = True
TIME_ZONE = "UTC"

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", PROJECT_DIR / "static_root"))
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Files only staff may see (photos sent with Red List reports), never served by the web server.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# Uploads: MEDIA_STORAGE=local (default; MEDIA_ROOT and PRIVATE_MEDIA_ROOT) or s3 (S3_BUCKET,
# S3_ENDPOINT_URL, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_CUSTOM_DOMAIN,
# S3_PRIVATE_BUCKET): museion/core/storage.py.
STORAGES = storages_from_environment(os.environ, debug=DEBUG)
WHITENOISE_USE_FINDERS = DEBUG

# --- E-mail ---------------------------------------------------------------------------------
# EMAIL_URL: smtp://user:password@host:587?tls=1, smtps://…:465 (implicit TLS), or console://
EMAIL_URL = urlsplit(os.environ.get("EMAIL_URL", "console://"))
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    {
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
    }.get(EMAIL_URL.scheme, "django.core.mail.backends.console.EmailBackend"),
)
EMAIL_HOST = EMAIL_URL.hostname or "localhost"
EMAIL_PORT = EMAIL_URL.port or (465 if EMAIL_URL.scheme == "smtps" else 25)
EMAIL_HOST_USER = unquote(EMAIL_URL.username or "")
EMAIL_HOST_PASSWORD = unquote(EMAIL_URL.password or "")
EMAIL_USE_SSL = EMAIL_URL.scheme == "smtps"
EMAIL_USE_TLS = not EMAIL_USE_SSL and parse_qs(EMAIL_URL.query).get("tls", ["0"])[0] in {
    "1",
    "true",
}
EMAIL_TIMEOUT = 30
# Bounce webhook: the mail provider sends "Authorization: Bearer <secret>"; unset disables it.
NEWSLETTER_BOUNCE_SECRET = os.environ.get("NEWSLETTER_BOUNCE_SECRET", "")
NEWSLETTER_CONFIRM_MAX_AGE = int(os.environ.get("NEWSLETTER_CONFIRM_MAX_AGE", str(3 * 24 * 3600)))
# Parallel SMTP connections per campaign batch (useful on PostgreSQL; keep 1 on SQLite).
NEWSLETTER_SENDER_THREADS = int(os.environ.get("NEWSLETTER_SENDER_THREADS", "1"))
# A campaign's sending chain beats this often x3; silent for longer, another worker takes over.
NEWSLETTER_LEASE_SECONDS = float(os.environ.get("NEWSLETTER_LEASE_SECONDS", "30"))
# A campaign whose mail server is down tries again by itself after this many seconds.
NEWSLETTER_RETRY_SECONDS = float(os.environ.get("NEWSLETTER_RETRY_SECONDS", "60"))
# Transactional e-mail not taken by the mail server is tried again after this, doubling (≤ 1 h).
EMAIL_RETRY_SECONDS = float(os.environ.get("EMAIL_RETRY_SECONDS", "30"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Museion <no-reply@museion.example>")

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG and not env_bool("MUSEION_INSECURE_HTTP")
SECURE_SSL_REDIRECT = not DEBUG and not env_bool("MUSEION_INSECURE_HTTP")
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Django's own RedisCache works for rate limits (atomic increments) though django_ratelimit only
# names django-redis. A process-local cache is fine for one development process; for a
# deployment, `check --deploy` warns instead (museion.W001, museion/core/checks.py).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] + (
    [] if REDIS_URL else ["django_ratelimit.E003"]
)
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMIT_VIEW = "museion.core.views.ratelimited"
# Behind a proxy every request comes from the proxy: name the header that carries the client's
# address (e.g. HTTP_X_REAL_IP), or the limits apply to everyone at once.
RATELIMIT_IP_META_KEY = os.environ.get("RATELIMIT_IP_META_KEY") or None
LOGIN_RATE = os.environ.get("LOGIN_RATE", "10/m")
# Photo look-ups (page and API together) per client address.
REDLISTS_LOOKUP_RATE = os.environ.get("REDLISTS_LOOKUP_RATE", "20/m")
# Optional embedding back end for the photo look-up: an ONNX model file (none is shipped).
REDLISTS_EMBEDDING_MODEL = os.environ.get("REDLISTS_EMBEDDING_MODEL", "")
REDLISTS_EMBEDDING_MIN_SIMILARITY = float(
    os.environ.get("REDLISTS_EMBEDDING_MIN_SIMILARITY", "0.9")
)

MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
_tile_origin = "/".join(MAP_TILE_URL.split("/")[:3]) if MAP_TILE_URL.startswith("http") else ""

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],  # our own files only: no inline code, no nonce
        "style-src": [SELF],
        "img-src": [SELF, "data:"] + ([_tile_origin] if _tile_origin else []),
        "connect-src": [SELF],
        "font-src": [SELF],
        "object-src": ["'none'"],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Logs: JSON lines carrying the request id (LOG_FORMAT=json, the default without DEBUG), or
# plain text lines; errors reported to sentry-sdk when SENTRY_DSN is set.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "museion.core.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "museion.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        send_default_pii=False,  # no addresses, cookies or user names leave the site
    )
