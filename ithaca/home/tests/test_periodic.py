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


@pytest.mark.django_db
def test_a_failing_job_is_logged_and_the_other_jobs_still_run(monkeypatch, caplog) -> None:
    from ithaca.home.management.commands import periodic

    ran = []

    def broken(*, now):
        raise ValueError("a program's bad value")

    def fine(*, now):
        ran.append(now)
        return {"done": 1}

    monkeypatch.setattr(
        periodic, "discover_jobs", lambda: iter([("a.broken", broken), ("b.fine", fine)])
    )
    results = periodic.run_all()
    assert results == {"a.broken": {"failed": 1}, "b.fine": {"done": 1}} and len(ran) == 1
    assert "a.broken failed" in caplog.text and "ValueError" in caplog.text
