"""Settings for the test suite: the real settings, with fast hashing and tasks run inline."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("MUSEION_ALLOW_INSECURE_KEY", "1")
os.environ.setdefault("MUSEION_INSECURE_HTTP", "1")
os.environ.setdefault("TASKS_BACKEND", "immediate")
# Dropping a test database on a busy machine can take longer than production's query timeout;
# the outage tests set their own short timeouts.
os.environ.setdefault("DATABASE_QUERY_TIMEOUT", "120")
os.environ.setdefault("MAP_TILE_URL", "")
os.environ.setdefault("MUSEION_DEMO", "1")

from museion.settings import *  # noqa: E402, F403

ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
