from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "ithaca.home"
    label = "home"
    verbose_name = "Home pages"
