"""Uploaded photos go to memory, not to var/media, in these tests."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _photos_in_memory(settings: pytest.FixtureRequest) -> None:
    settings.STORAGES = {  # type: ignore[attr-defined]
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
