from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "ithaca.notifications"
    label = "notifications"
    verbose_name = "Notifications"
