from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "museion.api"
    label = "api"
