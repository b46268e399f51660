from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedListsConfig(AppConfig):
    name = "museion.redlists"
    label = "redlists"
    verbose_name = _("Red Lists")

    def ready(self):
        from . import lookup_signals

        lookup_signals.connect()
