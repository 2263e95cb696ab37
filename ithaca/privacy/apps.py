from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "ithaca.privacy"
    label = "privacy"
    verbose_name = "Privacy"
