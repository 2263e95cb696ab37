from django.apps import AppConfig


class SsoConfig(AppConfig):
    name = "ithaca.sso"
    label = "sso"
    verbose_name = "Single sign-on"
