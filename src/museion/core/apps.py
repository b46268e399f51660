from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "museion.core"
    label = "core"

    def ready(self):
        from . import (
            checks,  # noqa: F401 (registers the system checks)
            text,  # noqa: F401 (registers the accent-blind lookup and SQLite function)
        )
