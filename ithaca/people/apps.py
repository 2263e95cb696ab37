from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "ithaca.people"
    label = "people"
    verbose_name = "People: profiles, cards and directories"

    def ready(self) -> None:
        from ithaca.people import zone  # noqa: F401  (remembers each person's zone at sign-in)
