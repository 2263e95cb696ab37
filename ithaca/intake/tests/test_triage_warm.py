"""The prepared copy of the sentence encoder: same embeddings, or not used at all."""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest

from ithaca.intake.triage import semantic, warm

SENTENCES = [
    "I want to get better at presenting to the board by March.",
    "Je voudrais parler à quelqu'un de la suite de ma carrière.",
    "Mi jefe quiere que mejore mis presentaciones.",
    "Ich möchte verstehen, wie diese Organisation wirklich funktioniert.",
]


@pytest.fixture
def encoder():
    loaded = semantic._load()
    if loaded is None:
        pytest.skip("the sentence encoder is not installed")
    return loaded


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ITHACA_TRIAGE_CACHE", str(tmp_path))
    return tmp_path


def _only_file(folder: Path) -> Path:
    (path,) = folder.glob("*.pickle")
    return path


def test_a_restored_encoder_embeds_exactly_as_the_loaded_one(encoder, folder: Path) -> None:
    assert warm.restore(semantic.THREADS) is None  # nothing kept yet
    assert warm.keep(encoder, semantic.THREADS)
    restored = warm.restore(semantic.THREADS)
    assert restored is not None and restored is not encoder
    assert np.array_equal(restored.encode(SENTENCES), encoder.encode(SENTENCES))


def test_a_copy_for_other_threads_or_versions_is_not_read(encoder, folder: Path) -> None:
    assert warm.keep(encoder, semantic.THREADS)
    assert warm.restore(semantic.THREADS + 1) is None
    _only_file(folder).rename(folder / "use-m3-0.0.1-numpy-1.0-py3.0-t1.pickle")
    assert warm.restore(semantic.THREADS) is None


def test_a_damaged_copy_is_ignored(encoder, folder: Path) -> None:
    assert warm.keep(encoder, semantic.THREADS)
    _only_file(folder).write_bytes(b"not a pickle")
    assert warm.restore(semantic.THREADS) is None


def test_a_copy_whose_probe_disagrees_is_ignored(encoder, folder: Path) -> None:
    assert warm.keep(encoder, semantic.THREADS)
    path = _only_file(folder)
    saved = pickle.loads(path.read_bytes())
    saved["probe"] = saved["probe"] + np.float32(0.01)
    path.write_bytes(pickle.dumps(saved))
    assert warm.restore(semantic.THREADS) is None


def test_switched_off_nothing_is_written_or_read(encoder, folder: Path, monkeypatch) -> None:
    monkeypatch.setenv("ITHACA_TRIAGE_CACHE", "off")
    assert warm.directory() is None
    assert not warm.keep(encoder, semantic.THREADS)
    assert warm.restore(semantic.THREADS) is None
    assert list(folder.iterdir()) == []


def test_an_unwritable_place_falls_back_quietly(encoder, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    monkeypatch.setenv("ITHACA_TRIAGE_CACHE", str(blocker / "triage"))
    assert not warm.keep(encoder, semantic.THREADS)
    assert warm.restore(semantic.THREADS) is None


def test_the_default_place_follows_xdg(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ITHACA_TRIAGE_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert warm.directory() == tmp_path / "ithaca" / "triage"
