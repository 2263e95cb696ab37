from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "ithaca.matching"
    label = "matching"
    verbose_name = "Matching"
