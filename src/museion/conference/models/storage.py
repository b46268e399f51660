"""Private files (student proofs): outside MEDIA_ROOT, served only to staff through a view."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="museion.conference.models.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Reads its root from settings on every use, so tests can point it at a temporary folder."""

    @property
    def base_location(self):
        return str(
            getattr(settings, "CONFERENCE_PRIVATE_ROOT", None) or settings.VAR_DIR / "private"
        )

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


private_storage = PrivateStorage()
