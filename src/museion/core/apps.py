from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "museion.core"
    label = "core"
