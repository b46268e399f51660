"""Uploads go through Django's storage API: local disk by default, S3-compatible when configured."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import override_settings
from storages.backends.s3 import S3Storage

from museion.conference.models import Registration
from museion.core.storage import LocalPrivateStorage, storages_from_environment
from museion.redlists.models import ReportPhoto

S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "S3_BUCKET": "museion-media",
    "S3_ENDPOINT_URL": "https://s3.museion.example",
    "S3_REGION": "eu-west-3",
    "S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
    "S3_SECRET_ACCESS_KEY": "not-a-real-secret",
    "S3_CUSTOM_DOMAIN": "media.museion.example",
}
IN_MEMORY = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def backend(config: dict, alias: str):
    options = config[alias].get("OPTIONS", {})
    assert config[alias]["BACKEND"] == "storages.backends.s3.S3Storage"
    return S3Storage(**options)


def test_local_disk_is_the_default():
    config = storages_from_environment({})
    assert config["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert config["private"]["BACKEND"] == "museion.core.storage.LocalPrivateStorage"


def test_private_files_stay_outside_media_root(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    storage = LocalPrivateStorage()
    name = storage.save("proofs/card.pdf", ContentFile(b"%PDF-1.4"))
    assert (tmp_path / "private" / name).read_bytes() == b"%PDF-1.4"
    assert not str(storage.path(name)).startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        storage.url(name)  # no public address, ever


def test_public_files_on_s3_get_the_public_address():
    storage = backend(storages_from_environment(S3_ENV), "default")
    assert storage.bucket_name == "museion-media"
    assert storage.url("news/lead.jpg") == "https://media.museion.example/media/news/lead.jpg"


def test_private_files_on_s3_get_short_lived_signed_links():
    storage = backend(storages_from_environment(S3_ENV), "private")
    url = storage.url("proofs/2027/card.pdf")
    assert url.startswith("https://")
    assert "/private/proofs/2027/card.pdf?" in url
    assert "X-Amz-Signature=" in url
    assert "X-Amz-Expires=300" in url
    assert storage.endpoint_url == "https://s3.museion.example"


def test_a_private_bucket_can_be_separate():
    config = storages_from_environment({**S3_ENV, "S3_PRIVATE_BUCKET": "museion-private"})
    assert backend(config, "private").bucket_name == "museion-private"


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"MEDIA_STORAGE": "s3"}, "S3_BUCKET"),
        ({"MEDIA_STORAGE": "ftp"}, "'local' or 's3'"),
    ],
)
def test_incomplete_storage_settings_are_refused_clearly(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        storages_from_environment(environ)


@override_settings(STORAGES=IN_MEMORY)
def test_student_proofs_and_report_photos_use_the_configured_private_storage(tmp_path):
    for field in (Registration._meta.get_field("proof"), ReportPhoto._meta.get_field("image")):
        name = field.storage.save("uploads/file.bin", ContentFile(b"private bytes"))
        assert storages["private"].open(name).read() == b"private bytes"
        assert not storages["default"].exists(name)
        field.storage.delete(name)
        assert not storages["private"].exists(name)
