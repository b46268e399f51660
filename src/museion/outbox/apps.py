from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "museion.outbox"
    label = "outbox"
    verbose_name = _("Outgoing e-mail")

    def ready(self):
        from . import tasks  # noqa: F401  (registers the delivery task with core.dispatch)
