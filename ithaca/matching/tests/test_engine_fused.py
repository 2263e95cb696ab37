"""The compiled scan keeps exactly the cells the NumPy scan keeps, on random pools."""

from contextlib import contextmanager

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ithaca.matching.engine import Program, candidate_graph, fused, kernel, tfidf_index
from ithaca.matching.engine.synthetic import random_pool, random_program

pytestmark = pytest.mark.skipif(not fused.AVAILABLE, reason="Numba is not installed")


@contextmanager
def scans_recorded(use_fused: bool):
    """Run the scan on one path or the other and record what each language group kept."""
    recorded: list[kernel.ScanOutput] = []
    original = kernel.Scanner.scan

    def scan(self, plan, on_block, cancelled):
        self.fused = use_fused
        out = original(self, plan, on_block, cancelled)
        recorded.append(out)
        return out

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kernel.Scanner, "scan", scan)
        yield recorded


def both_ways(pool, text, k):
    results = []
    for use_fused in (False, True):
        with scans_recorded(use_fused) as recorded:
            graph = candidate_graph(pool.seekers, pool.helpers, pool.program, k=k, text=text)
        results.append((graph, recorded))
    return results


def assert_same(numpy_way, fused_way):
    (graph_a, scans_a), (graph_b, scans_b) = numpy_way, fused_way
    assert len(scans_a) == len(scans_b)
    for a, b in zip(scans_a, scans_b, strict=True):
        assert set(zip(a.seeker.tolist(), a.helper.tolist(), strict=True)) == set(
            zip(b.seeker.tolist(), b.helper.tolist(), strict=True)
        )
        assert a.seeker.size == b.seeker.size  # no pair kept twice
        assert np.array_equal(a.tau, b.tau)  # the same float32 bits, -inf included
    for field in ("seeker", "helper", "score", "empty_reason"):
        assert np.array_equal(getattr(graph_a, field), getattr(graph_b, field))


cases = st.fixed_dictionaries(
    {
        "seed": st.integers(0, 100_000),
        "n_seekers": st.integers(1, 40),
        "n_helpers": st.integers(1, 400),
        "k": st.integers(1, 8),
        "vectors": st.booleans(),
    }
)


def build(case, program=None):
    program = program or random_program(case["seed"])
    pool = random_pool(
        case["seed"],
        case["n_seekers"],
        case["n_helpers"],
        program=program,
        vector_dim=8 if case["vectors"] else 0,
    )
    return pool, pool.vectors or tfidf_index(pool.seekers, pool.helpers)


@settings(max_examples=40, deadline=None)
@given(case=cases)
def test_it_keeps_the_cells_the_numpy_scan_keeps(case):
    pool, text = build(case)

    numpy_way, fused_way = both_ways(pool, text, case["k"])

    assert_same(numpy_way, fused_way)


@settings(max_examples=15, deadline=None)
@given(case=cases, must_above=st.sampled_from([0.0, 0.3]))
def test_it_keeps_the_same_cells_with_must_haves(case, must_above):
    weights = {"need_similarity": "must", "walked_the_path": "must", "preferences": "high"}
    program = Program(kind="mentoring", weights=weights, must_above=must_above)
    pool, text = build(case, program)

    assert_same(*both_ways(pool, text, case["k"]))


@settings(max_examples=10, deadline=None)
@given(case=cases)
def test_it_keeps_the_same_cells_when_factors_are_computed_per_block(case):
    """Tables too large to keep, and interests and preferences without live rows."""
    pool, text = build(case)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kernel, "TABLE_BYTES", 0)
        patch.setattr("ithaca.matching.engine.features.MAX_SLOTS", 0)
        ways = both_ways(pool, text, case["k"])

    assert_same(*ways)


def test_the_selection_matches_numpy_on_rows_with_ties_and_ruled_out_cells():
    rng = np.random.default_rng(3)
    margin = np.float32(0.05)
    for n_cols in (1, 5, 31, 64, 200, 3000):
        for kk in (1, 3, 9, 40):
            block = rng.integers(0, 12, size=(6, n_cols)).astype(np.float32) / 4
            block[rng.random(block.shape) < 0.2] = -np.inf
            block[0] = -np.inf  # a row with nothing allowed
            block[1, : n_cols // 2] = -np.inf
            rows, cols, tau = kernel.select(block.copy(), kk, float(margin))
            got_rows, got_cols, got_tau = run_kernel(block, kk, margin)
            assert np.array_equal(got_tau, tau), (n_cols, kk)
            want = set(zip(rows.tolist(), cols.tolist(), strict=True))
            assert set(zip(got_rows.tolist(), got_cols.tolist(), strict=True)) == want


def run_kernel(block, kk, margin):
    """The kernel on a block given as it is, with no layers and no ruled-out pairs."""
    n_rows, n_cols = block.shape
    dummy_f32, dummy_u8 = np.zeros((1, 1), np.float32), np.zeros((1, 1), np.uint8)
    none = np.zeros(n_rows, dtype=np.int64)
    return fused.scan_rows(
        np.ascontiguousarray(block),
        True,
        n_cols,
        (dummy_f32,) * fused.TABLE_SLOTS,
        np.zeros((fused.TABLE_SLOTS, n_rows), dtype=np.int64),
        np.zeros(0, dtype=np.int64),
        np.zeros(n_rows, dtype=np.bool_),
        dummy_u8,
        np.zeros((n_rows, 0), dtype=np.int64),
        np.ones(n_rows, dtype=np.int64),
        np.zeros(n_cols, dtype=np.uint8),
        np.float32(0.0),
        np.zeros(n_rows, dtype=np.bool_),
        dummy_u8,
        none,
        dummy_u8,
        none,
        dummy_u8,
        np.zeros((n_rows, 0), dtype=np.int64),
        np.zeros(n_rows, dtype=np.float32),
        np.zeros(n_rows + 1, dtype=np.int64),
        np.zeros(0, dtype=np.int64),
        kk,
        margin,
        kernel.NEG_FLOOR,
    )
