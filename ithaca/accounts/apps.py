from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ithaca.accounts"
    label = "accounts"
    verbose_name = "People and accounts"
