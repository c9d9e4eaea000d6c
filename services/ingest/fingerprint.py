"""MinHash fingerprint of an article body (pure core of the ingest service).

The verifier uses it to tell a republished or lightly rewritten copy from an independent report
(DESIGN.md, "Verification": an echo is not a second source). The signature is a tuple of
``permutations`` integers; the share of positions on which two signatures agree estimates the Jaccard
similarity of the two bodies' sets of lower-cased word ``shingle``-grams (Broder, "On the resemblance
and containment of documents", 1997).

Deterministic across processes and machines: each shingle is hashed once with ``hashlib.blake2b``
(never Python's salted ``hash()``), and the permutations are the universal hashes
``(a·x + b) mod p`` over the Mersenne prime ``p = 2**61 - 1`` with ``a``, ``b`` derived from blake2b of
the permutation's index. Cost is linear in the body: one blake2b per shingle and ``permutations``
multiply-adds per distinct shingle, done as 64-bit numpy array arithmetic (``_universal_hashes``): in
Python integers they took ~20 ms of a 600-word article, 60 % of ingest's CPU
(bench/results/profiles/e2e-03-tuned-batching.md).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

# Mersenne prime 2**61 - 1: large enough that 64-bit shingle hashes rarely collide after reduction,
# and the classic modulus for universal hashing (Carter & Wegman, 1979).
_PRIME = (1 << 61) - 1
_P = np.uint64(_PRIME)
_LOW32 = np.uint64(0xFFFF_FFFF)
_LOW29 = np.uint64((1 << 29) - 1)
_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)


def fingerprint(body: str, *, permutations: int = 64, shingle: int = 5) -> tuple[int, ...]:
    """MinHash signature of the body's lower-cased word ``shingle``-grams.

    A body shorter than one shingle is hashed as a single shingle of all its words; an empty body
    (no words) has the empty signature ``()``, which ``estimated_jaccard`` treats as unlike anything.
    """
    if permutations < 1 or shingle < 1:
        raise ValueError(f"permutations and shingle must be >= 1, got {permutations}, {shingle}")
    hashes = _shingle_hashes(body, shingle)
    if not hashes:
        return ()
    values = np.fromiter(hashes, dtype=np.uint64, count=len(hashes))
    a, b = _coefficient_arrays(permutations)
    return tuple(_universal_hashes(a[:, None], values[None, :], b[:, None]).min(axis=1).tolist())


def estimated_jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures, in [0, 1].

    Signatures of different lengths come from different settings and cannot be compared; that is a
    caller error (``ValueError``). An empty signature is similar to nothing (0.0).
    """
    if not a or not b:
        return 0.0
    if len(a) != len(b):
        raise ValueError(
            f"fingerprints of {len(a)} and {len(b)} permutations cannot be compared; "
            "compute both with the same `permutations`"
        )
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def _shingle_hashes(body: str, shingle: int) -> set[int]:
    words = [m.group(0).lower().replace("’", "'") for m in _WORD.finditer(body)]
    if not words:
        return set()
    count = max(1, len(words) - shingle + 1)
    return {_stable_hash(" ".join(words[i : i + shingle])) for i in range(count)}


def _stable_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _universal_hashes(a: np.ndarray, h: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``(a·h + b) mod p`` exactly, for ``a, b < p`` and any 64-bit ``h``, in uint64 arithmetic.

    The 122-bit product is never formed: with ``2**61 ≡ 1 (mod p)``, ``a·h`` is split into 32-bit
    halves whose partial products each fit in 64 bits, and every carry past bit 61 folds back in.
    """
    h = _reduce(h)  # now < 2**61 like a
    a_hi, a_lo = a >> np.uint64(32), a & _LOW32
    h_hi, h_lo = h >> np.uint64(32), h & _LOW32
    high = a_hi * h_hi  # weight 2**64 ≡ 8; < 2**58
    middle = a_hi * h_lo + a_lo * h_hi  # weight 2**32; < 2**62
    low = _reduce(a_lo * h_lo)  # weight 1; the product fits in 64 bits
    # middle·2**32 = (middle >> 29)·2**61 + (middle mod 2**29)·2**32 ≡ (middle >> 29) + (…)·2**32
    middle = (middle >> np.uint64(29)) + ((middle & _LOW29) << np.uint64(32))
    total = _reduce(_reduce(high * np.uint64(8) + middle) + low + b)
    return np.where(total >= _P, total - _P, total)


def _reduce(x: np.ndarray) -> np.ndarray:
    """A value congruent to ``x`` mod ``p`` and below ``2**61 + 8``: fold the bits above 61 back in."""
    return (x & _P) + (x >> np.uint64(61))


@lru_cache(maxsize=8)
def _coefficient_arrays(permutations: int) -> tuple[np.ndarray, np.ndarray]:
    pairs = _coefficients(permutations)
    return (np.array([a for a, _ in pairs], dtype=np.uint64), np.array([b for _, b in pairs], dtype=np.uint64))


@lru_cache(maxsize=8)
def _coefficients(permutations: int) -> tuple[tuple[int, int], ...]:
    """The (a, b) of each permutation, derived from its index so every machine draws the same."""
    pairs = []
    for i in range(permutations):
        digest = hashlib.blake2b(f"wirecheck-minhash-{i}".encode(), digest_size=16).digest()
        a = int.from_bytes(digest[:8], "big") % (_PRIME - 1) + 1  # a != 0 keeps it a permutation
        b = int.from_bytes(digest[8:], "big") % _PRIME
        pairs.append((a, b))
    return tuple(pairs)
