from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "museion.conference"
    label = "conference"
    verbose_name = _("General Conference")

    def ready(self):
        from museion.outbox.services import register_renderer

        from . import emails, signals, tasks  # noqa: F401

        register_renderer("conference", emails.render)
