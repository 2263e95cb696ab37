from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ithaca.api"
    label = "api"
    verbose_name = "API"
