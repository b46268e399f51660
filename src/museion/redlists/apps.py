from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedListsConfig(AppConfig):
    name = "museion.redlists"
    label = "redlists"
    verbose_name = _("Red Lists")

    def ready(self):
        from museion.core import versions

        from . import lookup_signals, models

        lookup_signals.connect()
        # Cached Red List pages and fragments are kept under this kind's version.
        versions.track(
            "redlists",
            models.RedList,
            models.Category,
            models.ObjectType,
            models.Measurement,
            models.ObjectImage,
            models.Authority,
            models.LegalInstrument,
            m2m=[models.ObjectType.cross_references.through],
        )
