"""Whatever changes a post, a page or the headline content invalidates the cached home page.

Activities count too: the home page shows how many museums and activities take part; and the
newsletter lists, whose sign-up form it carries.
"""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from museion.museumday.models import Activity, Edition
from museion.news.models import Page, Post, RelatedItem, Source
from museion.newsletter.models import MailingList

from .cache import bump_content_version


def _bump_after_commit(**_ignored) -> None:
    transaction.on_commit(bump_content_version)
    # A reader inside the same transaction must not keep the stale version either.
    bump_content_version()


for model in (Post, Source, RelatedItem, Page, Edition, Activity, MailingList):
    post_save.connect(_bump_after_commit, sender=model, dispatch_uid=f"site-bump-{model.__name__}")
    post_delete.connect(_bump_after_commit, sender=model, dispatch_uid=f"site-del-{model.__name__}")
if apps.is_installed("museion.conference"):
    for name in ("Conference", "Session"):
        model = apps.get_model("conference", name)
        post_save.connect(_bump_after_commit, sender=model, dispatch_uid=f"site-bump-{name}")
        post_delete.connect(_bump_after_commit, sender=model, dispatch_uid=f"site-del-{name}")
m2m_changed.connect(_bump_after_commit, sender=Post.hashtags.through, dispatch_uid="site-tags")
