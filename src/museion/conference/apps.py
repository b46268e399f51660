from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConferenceConfig(AppConfig):
    name = "museion.conference"
    label = "conference"
    verbose_name = _("General Conference")

    def ready(self):
        from . import signals  # noqa: F401
