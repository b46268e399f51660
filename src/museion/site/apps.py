from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    name = "museion.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from museion.core import versions

        from .models import Page

        versions.track("site", Page)
