"""Loading the URL configuration leaves the SCIM library for the first SCIM request."""

from __future__ import annotations

import subprocess
import sys

CODE = (
    "import django, sys; django.setup(); "
    "from django.urls import get_resolver; get_resolver().url_patterns; "
    "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith('scim2')}))"
)


def test_loading_the_urls_does_not_import_the_scim_library() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
