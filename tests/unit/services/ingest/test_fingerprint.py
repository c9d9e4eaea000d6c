"""MinHash fingerprint: stable across processes, close for light rewrites, far for other texts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.ingest.fingerprint import (
    _PRIME,
    _coefficient_arrays,
    _universal_hashes,
    estimated_jaccard,
    fingerprint,
)

SEED = Path("/work/shared/seeds/homs-2024-12-06.txt")
BODY = (
    SEED.read_text(encoding="utf-8")
    if SEED.exists()
    else " ".join(f"word{i} of the Homs offensive report" for i in range(400))
)
OTHER = (
    "The central bank raised interest rates by half a percentage point on Wednesday, citing "
    "persistent inflation in services and a tight labour market, and signalled further increases "
    "were possible before the end of the year as wage growth stayed above its target range."
)


def _rewrite(body: str, every: int) -> str:
    """Change one word in ``every`` (a light rewrite)."""
    words = body.split(" ")
    return " ".join("changed" if i % every == 0 else w for i, w in enumerate(words))


def test_signature_has_one_value_per_permutation():
    assert len(fingerprint(BODY)) == 64
    assert len(fingerprint(BODY, permutations=16)) == 16


def test_same_body_same_signature_and_case_does_not_matter():
    assert fingerprint(BODY) == fingerprint(BODY)
    assert fingerprint(BODY.upper()) == fingerprint(BODY)
    assert estimated_jaccard(fingerprint(BODY), fingerprint(BODY)) == 1.0


def test_signature_is_the_same_in_another_process_with_another_hash_seed():
    code = (
        "import sys; from services.ingest.fingerprint import fingerprint; "
        "print(list(fingerprint(sys.stdin.read())))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], input=BODY, capture_output=True, text=True, env=env,
        check=True, cwd=Path(__file__).parents[4],
    ).stdout
    assert tuple(int(v) for v in out.strip()[1:-1].split(",")) == fingerprint(BODY)


@pytest.mark.parametrize(
    ("other", "low", "high"),
    [
        pytest.param(_rewrite(BODY, 40), 0.6, 1.0, id="one word in 40 changed: near duplicate"),
        pytest.param("BEIRUT (Reuters) - " + BODY, 0.85, 1.0, id="wire credit added"),
        pytest.param(_rewrite(BODY, 3), 0.0, 0.3, id="one word in 3 changed: a different text"),
        pytest.param(OTHER, 0.0, 0.1, id="unrelated story"),
    ],
)
def test_estimated_jaccard_tracks_how_much_text_is_shared(other, low, high):
    assert low <= estimated_jaccard(fingerprint(BODY), fingerprint(other)) <= high


def test_short_and_empty_bodies():
    assert fingerprint("") == ()
    assert fingerprint("  ,;  ") == ()
    assert len(fingerprint("Rebels near Homs")) == 64  # shorter than one shingle
    assert estimated_jaccard((), fingerprint(BODY)) == 0.0


def test_signatures_of_different_lengths_cannot_be_compared():
    with pytest.raises(ValueError, match="same `permutations`"):
        estimated_jaccard(fingerprint(BODY, permutations=16), fingerprint(BODY))


def test_rejects_meaningless_settings():
    with pytest.raises(ValueError):
        fingerprint(BODY, shingle=0)


@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), min_size=1, max_size=40))
def test_array_arithmetic_equals_the_universal_hash_in_python_integers(hashes):
    edges = [0, 1, _PRIME - 1, _PRIME, _PRIME + 1, 2**61, 2**63, 2**64 - 1]
    values = np.array(hashes + edges, dtype=np.uint64)
    a, b = _coefficient_arrays(64)
    got = _universal_hashes(a[:, None], values[None, :], b[:, None])
    expected = [[(int(ai) * int(h) + int(bi)) % _PRIME for h in values] for ai, bi in zip(a, b)]
    assert got.tolist() == expected


def test_largest_coefficients_and_hashes_stay_exact():
    top = np.array([_PRIME - 1], dtype=np.uint64)
    got = _universal_hashes(top[:, None], np.array([[2**64 - 1]], dtype=np.uint64), top[:, None])
    assert got.tolist() == [[((_PRIME - 1) * (2**64 - 1) + _PRIME - 1) % _PRIME]]
