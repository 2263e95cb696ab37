"""The periodic command finds each app's jobs and reports their counts."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from ithaca.home.management.commands.periodic import discover_jobs


@pytest.mark.django_db
def test_it_runs_every_discovered_job_and_prints_its_counts(capsys) -> None:
    names = [name for name, _ in discover_jobs()]
    call_command("periodic")
    out = capsys.readouterr().out
    assert all(f"{name}:" in out for name in names)
