"""Fixtures for mentoring tests."""

from __future__ import annotations

import pytest

from ithaca.mentoring.tests.factories import active_relationship


@pytest.fixture
def rel():
    """An active one-to-one mentoring relationship."""
    return active_relationship()
