from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "ithaca.messaging"
    label = "messaging"
    verbose_name = "Messages between the people who work together"
