"""Pure arithmetic of the end-to-end benchmark: percentiles, pacing, latencies (bench layer, no I/O)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank ``q``-th percentile (0 < q ≤ 100): a value that was measured, never an
    interpolation between two, so a p99 of 100 samples is the 99th smallest."""
    if not values:
        raise ValueError("no values to take a percentile of")
    if not 0 < q <= 100:
        raise ValueError(f"percentile {q} is outside (0, 100]")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def send_times(count: int, rate: float, start: float = 0.0) -> list[float]:
    """When each of ``count`` articles is due at a fixed offered load of ``rate`` per second."""
    if rate <= 0:
        raise ValueError(f"rate must be positive, not {rate}")
    return [start + i / rate for i in range(count)]


@dataclass(frozen=True)
class Latencies:
    """Seconds from each article's publication to its first verdicts, and what had none."""

    seconds: tuple[float, ...]
    without_verdicts: int

    @property
    def p50(self) -> float:
        return percentile(self.seconds, 50)

    @property
    def p95(self) -> float:
        return percentile(self.seconds, 95)

    @property
    def p99(self) -> float:
        return percentile(self.seconds, 99)


def latencies(sent: Mapping[str, float], first_verdict: Mapping[str, float]) -> Latencies:
    """Per article sent at ``sent[id]``, the delay until ``first_verdict[id]``; articles whose
    claims got no verdict (an article without claims yields none) are counted apart."""
    seconds = tuple(first_verdict[a] - t for a, t in sent.items() if a in first_verdict)
    return Latencies(seconds=seconds, without_verdicts=len(sent) - len(seconds))


def ratio(measured: float, baseline: float) -> str:
    """``measured`` as a multiple of ``baseline``, for the tables ("0.52×")."""
    return f"{measured / baseline:.2f}×" if baseline else "–"
