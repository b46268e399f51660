from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumDayConfig(AppConfig):
    name = "museion.museumday"
    label = "museumday"
    verbose_name = _("International Museum Day")

    def ready(self):
        from django.db.models.signals import post_delete

        from museion.network.sections import MuseumSection, register_museum_section

        from .models import Activity
        from .queries import museum_activities, note_deletion

        post_delete.connect(note_deletion, sender=Activity, dispatch_uid="museumday-deletions")
        register_museum_section(
            MuseumSection(
                name="museumday",
                template="museumday/museum_section.html",
                context=lambda request, museum: {"activities": museum_activities(museum)},
                order=10,
            )
        )
