"""The verdict in force for every claim, one int each (pure core of the verifier).

The projection keeps the last verdict emitted for every claim it has seen, a million and more. As a
slotted ``CurrentVerdict`` per claim that is an object of 64 bytes that the cyclic GC scans on every
full collection; packed into one int (verdict, decider, revision and the number of its origins list)
it is 32 bytes the GC never visits. Reading an entry unpacks it into a ``CurrentVerdict``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from schemas.events import Verdict
from services.verify.verdicts import Assessment

_VERDICTS: tuple[Verdict, ...] = ("unverified", "single_source", "corroborated", "contested")
_VERDICT_CODES = {verdict: code for code, verdict in enumerate(_VERDICTS)}
_DECIDERS = ("verifier", "reviewer")
_DECIDER_CODES = {decider: code for code, decider in enumerate(_DECIDERS)}
# Bits of a packed entry, low to high: verdict (2), decider (1), origins list (32), revision (rest).
_ORIGINS_SHIFT = 3
_REVISION_SHIFT = 35


@dataclass(frozen=True, slots=True)
class CurrentVerdict:
    """The last verdict emitted for a claim."""

    verdict: Verdict
    independent_origins: tuple[str, ...]
    decided_by: str
    revision: int

    def differs_from(self, assessment: Assessment) -> bool:
        return (self.verdict, self.independent_origins, self.decided_by) != (
            assessment.verdict,
            assessment.independent_origins,
            assessment.decided_by,
        )


class CurrentVerdicts:
    """Claim id → ``CurrentVerdict``, stored packed; equal origin lists are stored once (a million
    verdicts hold a few thousand distinct lists, bench/results/profiles/04-*.txt)."""

    def __init__(self) -> None:
        self._packed: dict[str, int] = {}
        self._origin_lists: list[tuple[str, ...]] = []
        self._origin_numbers: dict[tuple[str, ...], int] = {}

    def __setitem__(self, claim_id: str, current: CurrentVerdict) -> None:
        self._packed[claim_id] = (
            current.revision << _REVISION_SHIFT
            | self._origins_number(current.independent_origins) << _ORIGINS_SHIFT
            | _DECIDER_CODES[current.decided_by] << 2
            | _VERDICT_CODES[current.verdict]
        )

    def _origins_number(self, origins: tuple[str, ...]) -> int:
        number = self._origin_numbers.get(origins)
        if number is None:
            number = self._origin_numbers[origins] = len(self._origin_lists)
            self._origin_lists.append(origins)
        return number

    def __getitem__(self, claim_id: str) -> CurrentVerdict:
        return self._unpack(self._packed[claim_id])

    def get(self, claim_id: str) -> CurrentVerdict | None:
        packed = self._packed.get(claim_id)
        return None if packed is None else self._unpack(packed)

    def _unpack(self, packed: int) -> CurrentVerdict:
        origins = self._origin_lists[packed >> _ORIGINS_SHIFT & 0xFFFFFFFF]
        return CurrentVerdict(
            _VERDICTS[packed & 3], origins, _DECIDERS[packed >> 2 & 1], packed >> _REVISION_SHIFT
        )

    def __contains__(self, claim_id: object) -> bool:
        return claim_id in self._packed

    def __len__(self) -> int:
        return len(self._packed)

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def items(self) -> Iterator[tuple[str, CurrentVerdict]]:
        return ((claim_id, self._unpack(packed)) for claim_id, packed in self._packed.items())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CurrentVerdicts):
            return NotImplemented
        return dict(self.items()) == dict(other.items())
