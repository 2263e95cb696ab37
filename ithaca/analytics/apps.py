from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "ithaca.analytics"
    label = "analytics"
    verbose_name = "Analytics, surveys and reports"
