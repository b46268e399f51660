from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumDayConfig(AppConfig):
    name = "museion.museumday"
    label = "museumday"
    verbose_name = _("International Museum Day")

    def ready(self):
        from museion.network.sections import MuseumSection, register_museum_section

        from . import ical_signals, mapcells, versioning
        from .queries import museum_activities

        versioning.track()
        ical_signals.connect()
        mapcells.track()
        register_museum_section(
            MuseumSection(
                name="museumday",
                template="museumday/museum_section.html",
                context=lambda request, museum: {"activities": museum_activities(museum)},
                order=10,
            )
        )
