from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumDayConfig(AppConfig):
    name = "museion.museumday"
    label = "museumday"
    verbose_name = _("International Museum Day")
