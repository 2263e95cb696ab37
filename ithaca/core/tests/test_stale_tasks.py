"""A task whose worker died mid-run is retried once, and sends nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ithaca.accounts.models import User
from ithaca.accounts.services import user_invite
from ithaca.core.periodic import requeue_stale_tasks


@pytest.mark.django_db(transaction=True)
def test_a_task_left_running_by_a_dead_worker_is_retried_and_sent_once(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    user_invite(email="lost@example.org")
    # A worker claimed the task and was killed before finishing it.
    claimed = timezone.now() - dt.timedelta(hours=2)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=claimed)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert mail.outbox == []  # nothing picks up a RUNNING task by itself

    assert requeue_stale_tasks(now=timezone.now()) == {"requeued": 1}
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.to for m in mail.outbox] == [["lost@example.org"]]

    # Once it ran, the job finds nothing more; a second run of the task sends nothing.
    assert requeue_stale_tasks(now=timezone.now()) == {"requeued": 0}
    invited = User.objects.get(email="lost@example.org")
    invited.set_password("chosen-password-9")
    invited.save()
    DBTaskResult.objects.update(status=TaskResultStatus.READY)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_recently_started_task_is_left_alone() -> None:
    DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - dt.timedelta(minutes=5),
        args_kwargs={"args": [], "kwargs": {}},
        task_path="ithaca.accounts.tasks.send_invitation_email",
        backend_name="default",
        run_after=timezone.now(),
    )
    assert requeue_stale_tasks(now=timezone.now()) == {"requeued": 0}
