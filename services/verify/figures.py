"""Figures as intervals in base units, and how two of them relate (pure core of the verifier).

Every figure becomes the interval of values it admits, in a base unit (metres, kilograms, …):

* exact "105" → [104.5, 105.5): a stated number is itself rounded to its last significant digit
  (capped at ROUND_NUMBER_TOLERANCE of the value, so "100" is 95–105);
* approximate "about 40" → 40 ± APPROXIMATE_TOLERANCE; "nearly 100" → [85, 100];
* "over 100" → (100, ∞); "under 50" → (-∞, 50); a range [low, high] as given;
* restatements in another unit ("five kilometers—barely three miles") widen it to their hull;
* a proportion ("half of voters", "one in three") is a percentage, rounded as a round number is, so
  it meets "50 percent of voters".

Two figures are consistent when their intervals overlap. When they do not, a higher toll published
later is an update (tolls only grow as bodies are counted), anything else a contradiction.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from schemas.claims import FigureClaim
from services.verify.constants import (
    APPROXIMATE_QUALIFIERS,
    APPROXIMATE_TOLERANCE,
    BELOW_QUALIFIERS,
    OVER_QUALIFIERS,
    ROUND_NUMBER_TOLERANCE,
    UNDER_QUALIFIERS,
    UNIT_TO_BASE,
)

PROPORTION = "proportion"  # the extractor's kind for "half of voters", "one in three"
PERCENT = "percent"
PERCENT_PER_PROPORTION = 100.0


@dataclass(frozen=True, slots=True)
class Interval:
    """Values a figure admits, in its base unit. Open ends exclude their bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        if low > high:
            return False
        return not (self._open_at(low) or other._open_at(low))

    def _open_at(self, x: float) -> bool:
        return (x == self.low and self.low_open) or (x == self.high and self.high_open)

    def hull(self, other: Interval) -> Interval:
        return Interval(
            min(self.low, other.low),
            max(self.high, other.high),
            self.low_open if self.low <= other.low else other.low_open,
            self.high_open if self.high >= other.high else other.high_open,
        )

    def is_above(self, other: Interval) -> bool:
        """Every value of self exceeds every value of other (and they do not overlap)."""
        return not self.overlaps(other) and self.low >= other.high

    def describe(self, unit: str) -> str:
        unit_text = f" {unit}" if unit else ""
        if math.isinf(self.high):
            return f"{'>' if self.low_open else '≥'}{_num(self.low)}{unit_text}"
        if math.isinf(self.low):
            return f"{'<' if self.high_open else '≤'}{_num(self.high)}{unit_text}"
        return f"{_num(self.low)}–{_num(self.high)}{unit_text}"


def _num(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def base_unit(unit: str | None) -> tuple[str, float]:
    """The base unit and factor of a normalised unit; unknown units are their own base."""
    key = (unit or "").strip().lower()
    if key in UNIT_TO_BASE:
        return UNIT_TO_BASE[key]
    singular = key.removesuffix("s")
    return UNIT_TO_BASE.get(singular, (key, 1.0))


def compared_quantity(claim: FigureClaim) -> str:
    """The kind of quantity a figure is compared as: a proportion is a percentage."""
    return PERCENT if _is_proportion(claim) else claim.quantity.strip().lower()


def _is_proportion(claim: FigureClaim) -> bool:
    return not claim.unit and claim.quantity.strip().lower() == PROPORTION


def figure_interval(claim: FigureClaim) -> tuple[str, Interval] | None:
    """The figure as (base unit, interval), or None when it carries no number at all."""
    if _is_proportion(claim):
        interval = _stated_interval(claim, exact=_fraction)
        return (PERCENT, _scale(interval, PERCENT_PER_PROPORTION)) if interval is not None else None
    unit, factor = base_unit(claim.unit)
    interval = _stated_interval(claim)
    if interval is None:
        return None
    interval = _scale(interval, factor)
    for equivalent in claim.equivalents:
        eq_unit, eq_factor = base_unit(equivalent.unit)
        if eq_unit == unit:
            interval = interval.hull(_scale(_exact(equivalent.value), eq_factor))
    return unit, interval


def _stated_interval(claim: FigureClaim, *, exact: Callable[[float], Interval] | None = None) -> Interval | None:
    qualifier = (claim.qualifier or "").strip().lower()
    if claim.low is not None or claim.high is not None:
        low = claim.low if claim.low is not None else -math.inf
        high = claim.high if claim.high is not None else math.inf
        interval = Interval(low, high, not claim.low_inclusive, not claim.high_inclusive)
        return _widen(interval) if claim.approximate else interval
    if claim.value is None:
        return None
    return _from_value(claim.value, qualifier, claim.approximate, exact or _exact)


def _from_value(value: float, qualifier: str, approximate: bool, exact: Callable[[float], Interval]) -> Interval:
    if qualifier in OVER_QUALIFIERS:
        return Interval(value, math.inf, low_open=qualifier != "at least")
    if qualifier in UNDER_QUALIFIERS:
        return Interval(-math.inf, value, high_open=qualifier not in {"at most", "up to"})
    if qualifier in BELOW_QUALIFIERS:
        return Interval(value * (1 - APPROXIMATE_TOLERANCE), value)
    if approximate or qualifier in APPROXIMATE_QUALIFIERS:
        return _widen(Interval(value, value))
    return exact(value)


def _exact(value: float) -> Interval:
    """A stated number admits the values that round to it (half-open, so 12 and 13 are apart)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    half_unit = 0.5 * 10.0 ** int(exponent)
    if exponent > 0:  # trailing zeros: "100" is not "somewhere in 50–150"
        half_unit = max(0.5, min(half_unit, abs(value) * ROUND_NUMBER_TOLERANCE))
    return Interval(value - half_unit, value + half_unit, high_open=True)


def _fraction(value: float) -> Interval:
    """A share written as a fraction ("half", "one in three") is a round figure: it admits what rounds
    to it as a round number does (half: 47.5–52.5 %), not only its exact decimal."""
    return Interval(value * (1 - ROUND_NUMBER_TOLERANCE), value * (1 + ROUND_NUMBER_TOLERANCE), high_open=True)


def _widen(interval: Interval) -> Interval:
    low = interval.low * (1 - APPROXIMATE_TOLERANCE) if math.isfinite(interval.low) else interval.low
    high = (
        interval.high * (1 + APPROXIMATE_TOLERANCE) if math.isfinite(interval.high) else interval.high
    )
    return Interval(low, high, interval.low_open, interval.high_open)


def _scale(interval: Interval, factor: float) -> Interval:
    if factor == 1.0:
        return interval
    return Interval(
        interval.low * factor, interval.high * factor, interval.low_open, interval.high_open
    )
