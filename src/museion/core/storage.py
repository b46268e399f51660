"""Where uploads go: Django's storage API only, local disk by default, S3-compatible on request.

Two storages (settings.STORAGES, from MEDIA_STORAGE):
- "default": public files (post and speaker pictures, Red List images, PDFs), served by nginx
  from MEDIA_ROOT, or from the bucket (S3_CUSTOM_DOMAIN for a CDN in front).
- "private": files only staff may see (student proofs, photos sent with reports), outside
  MEDIA_ROOT, or under `private/` in the bucket with short-lived signed links; the app serves
  them to staff through its own views.
"""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible


def storages_from_environment(environ=os.environ, *, debug: bool = False) -> dict:
    static = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if debug
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    }
    kind = environ.get("MEDIA_STORAGE", "local").strip().lower()
    if kind == "local":
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {"BACKEND": "museion.core.storage.LocalPrivateStorage"},
            "staticfiles": static,
        }
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {kind!r}.")
    if not environ.get("S3_BUCKET"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs S3_BUCKET (and its credentials).")
    common = {
        "bucket_name": environ["S3_BUCKET"],
        "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
        "region_name": environ.get("S3_REGION") or None,
        "access_key": environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "location": "media",
                "custom_domain": environ.get("S3_CUSTOM_DOMAIN") or None,
                "querystring_auth": environ.get("S3_QUERYSTRING_AUTH", "0") == "1",
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": environ.get("S3_PRIVATE_BUCKET") or common["bucket_name"],
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
        "staticfiles": static,
    }


@deconstructible(path="museion.core.storage.LocalPrivateStorage")
class LocalPrivateStorage(FileSystemStorage):
    """PRIVATE_MEDIA_ROOT, read on every use (tests point it elsewhere); no public URL."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


class ConfiguredStorage(Storage):
    """Hands every call to storages[alias], so a model field keeps one storage object (and its
    migrations) while the backend behind it is chosen by the settings."""

    alias = "default"

    @property
    def backend(self) -> Storage:
        return storages[self.alias]

    def open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend.save(name, content, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def get_valid_name(self, name):
        return self.backend.get_valid_name(name)

    def path(self, name):
        return self.backend.path(name)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def size(self, name):
        return self.backend.size(name)

    def url(self, name):
        return self.backend.url(name)

    def get_accessed_time(self, name):
        return self.backend.get_accessed_time(name)

    def get_created_time(self, name):
        return self.backend.get_created_time(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)


@deconstructible(path="museion.core.storage.PrivateStorage")
class PrivateStorage(ConfiguredStorage):
    alias = "private"


def private_storage() -> Storage:
    """For a FileField's `storage=`: files only staff may see."""
    return PrivateStorage()
