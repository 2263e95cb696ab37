"""Settings are read from the environment and a bad value stops start-up by name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.env import Env

ROOT = Path(__file__).resolve().parents[3]


def test_it_reads_booleans_in_common_spellings() -> None:
    env = Env({"A": "yes", "B": "0", "C": "True"})
    assert (env.bool("A"), env.bool("B"), env.bool("C"), env.bool("MISSING", True)) == (
        True,
        False,
        True,
        True,
    )


def test_it_names_the_variable_when_a_boolean_is_unreadable() -> None:
    with pytest.raises(ImproperlyConfigured, match="DEBUG='maybe'"):
        Env({"DEBUG": "maybe"}).bool("DEBUG")


def test_it_names_the_variable_when_a_number_is_unreadable() -> None:
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        Env({"EMAIL_PORT": "twenty-five"}).int("EMAIL_PORT", 587)


def test_it_defaults_to_sqlite() -> None:
    config = Env({}).database("DATABASE_URL", "sqlite:////tmp/x.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"


def test_it_reads_a_postgres_url() -> None:
    config = Env({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/ithaca"}).database(
        "DATABASE_URL", "sqlite:///x"
    )
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["HOST"], config["PORT"]) == ("ithaca", "127.0.0.1", 5432)


@pytest.mark.parametrize(
    "url", ["not a url", "mysql://root@localhost/x", "postgres://", "postgres://host:notaport/db"]
)
def test_it_refuses_a_malformed_database_url(url: str) -> None:
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        Env({"DATABASE_URL": url}).database("DATABASE_URL", "sqlite:///x")


def test_it_refuses_an_unknown_time_zone() -> None:
    with pytest.raises(ImproperlyConfigured, match="TIME_ZONE='Mars/Olympus'"):
        Env({"TIME_ZONE": "Mars/Olympus"}).time_zone("TIME_ZONE", "UTC")


def _start(**overrides: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    env.update({"SECRET_KEY": "x" * 50, **overrides})
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_it_stops_start_up_on_a_bad_debug_value() -> None:
    result = _start(DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG='maybe' is not a boolean" in result.stderr


def test_it_stops_start_up_on_a_malformed_database_url() -> None:
    result = _start(DATABASE_URL="postgres//oops")
    assert result.returncode != 0
    assert "DATABASE_URL='postgres//oops' is not a database URL" in result.stderr


def test_it_refuses_to_start_in_production_without_a_secret_key() -> None:
    result = _start(SECRET_KEY="", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_it_hashes_passwords_with_argon2_in_production_settings() -> None:
    from config import settings as raw_settings

    assert raw_settings.PASSWORD_HASHERS[0].endswith("Argon2idPasswordHasher")


def test_it_keeps_times_zone_aware() -> None:
    from django.conf import settings

    assert settings.USE_TZ is True
