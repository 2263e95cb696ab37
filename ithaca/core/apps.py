from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ithaca.core"
    label = "core"
    verbose_name = "Core"
