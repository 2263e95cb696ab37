"""Application configurations for libraries whose own names are not translatable.

django-tasks-db names its app "Tasks Database Backend" in a plain string, so the
admin shows it in English whatever the reader's language. Listing this subclass
in INSTALLED_APPS instead of "django_tasks_db" gives the same app (same label,
models and migrations) a name that goes through gettext.
"""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class BackgroundTasksConfig(TasksAppConfig):
    verbose_name = _("Background tasks")  # type: ignore[assignment]  # a lazy name, as Django allows
