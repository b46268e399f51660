from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "museion.demo"
    label = "demo"
    verbose_name = "Demo data"
