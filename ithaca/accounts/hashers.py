"""Password hashing with Argon2id at OWASP's recommended cost.

Django's `Argon2PasswordHasher` asks for 100 MiB of memory and 8 lanes, which
on a two-core server made every sign-in and API token request cost about a
quarter of a second of CPU, and let a burst of sign-ins exhaust memory.
OWASP's Password Storage Cheat Sheet recommends Argon2id with at least 19 MiB,
2 iterations and 1 lane; this hasher uses exactly that
(docs/decisions/0002-argon2id-owasp-parameters.md).

The algorithm name stays "argon2", so stored hashes keep verifying; Django's
`must_update` sees the different parameters in a hash made with the old
defaults and re-hashes the password at the next successful sign-in.
"""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    """Argon2id with m=19 MiB, t=2, p=1 (OWASP's first recommended configuration)."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
