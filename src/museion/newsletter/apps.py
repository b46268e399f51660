from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "museion.newsletter"
    label = "newsletter"
    verbose_name = _("Newsletter")

    def ready(self):
        from museion.core import versions
        from museion.outbox.services import register_renderer

        from . import emails, tasks  # noqa: F401
        from .models import MailingList

        versions.track("newsletter", MailingList)
        register_renderer("newsletter", emails.render)
