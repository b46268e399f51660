from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "museion.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from museion.news.signals import _bump_after_commit

        from .models import MailingList

        post_save.connect(_bump_after_commit, sender=MailingList, dispatch_uid="newsletter-lists")
        post_delete.connect(_bump_after_commit, sender=MailingList, dispatch_uid="newsletter-del")
