"""The look-up's index goes stale when a picture is removed or a list changes status.

Adding a picture goes through pictures.py, which bumps the index version itself; these
receivers cover deletions (also by cascade) and publishing or withdrawing a list, whichever
path made them (services, admin).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .hash_index import bump_index_version
from .models import Category, ObjectImage, ObjectType, RedList, ReportPhoto


def _stale(**_ignored) -> None:
    transaction.on_commit(bump_index_version)


def connect() -> None:
    for model in (ObjectImage, ReportPhoto):
        post_delete.connect(_stale, sender=model, dispatch_uid=f"lookup-stale-{model.__name__}")
    # A list published or withdrawn, a type moved to another list: which pictures are public
    # changes. Cheap: the next look-up reloads the hashes once.
    for model in (RedList, Category, ObjectType):
        post_save.connect(_stale, sender=model, dispatch_uid=f"lookup-saved-{model.__name__}")
        post_delete.connect(_stale, sender=model, dispatch_uid=f"lookup-gone-{model.__name__}")
