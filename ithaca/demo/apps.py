from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ithaca.demo"
    label = "demo"
    verbose_name = "Demo organization"
