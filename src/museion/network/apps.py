from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "museion.network"
    label = "network"
    verbose_name = _("Network directory")

    def ready(self):
        from museion.core import versions

        from .models import Committee, Museum

        versions.track("network", Committee, Museum, m2m=[Museum.committees.through])
