"""Loaded by pytest (`-p config.pytest_env`) before Django's settings are read.

Tests run with a throwaway secret key and run background tasks at once, unless
the environment says otherwise; individual tests switch to the database queue.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-not-secret")
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
