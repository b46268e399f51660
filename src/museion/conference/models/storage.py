"""Private files (student proofs): the "private" storage (museion.core.storage), outside
MEDIA_ROOT or in the bucket's private part, served only to staff through a view."""

from django.utils.deconstruct import deconstructible

from museion.core.storage import ConfiguredStorage


@deconstructible(path="museion.conference.models.storage.PrivateStorage")
class PrivateStorage(ConfiguredStorage):
    alias = "private"


private_storage = PrivateStorage()
