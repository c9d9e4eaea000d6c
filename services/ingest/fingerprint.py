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
multiply-adds per distinct shingle.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

# Mersenne prime 2**61 - 1: large enough that 64-bit shingle hashes rarely collide after reduction,
# and the classic modulus for universal hashing (Carter & Wegman, 1979).
_PRIME = (1 << 61) - 1
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
    return tuple(
        min((a * h + b) % _PRIME for h in hashes) for a, b in _coefficients(permutations)
    )


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
