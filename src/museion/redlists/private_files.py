"""What reports keep private: where their photos are stored, and the token of the status link."""

import secrets

from django.core.files.storage import Storage

from museion.core.storage import PrivateStorage


def private_storage() -> Storage:
    """Reporters' photos: the "private" storage (outside MEDIA_ROOT), served to staff by a view."""
    return PrivateStorage()


def new_report_token() -> str:
    return secrets.token_urlsafe(24)
