"""Figures next to each other that are one quantity (pure core of the claims service).

``figures`` reads each number on its own; these passes join neighbours that the text writes as one:
"5 or 6 percent" (a shared unit), "2.5 ± 0.1 m" (a margin), "more than 10 but less than 20" (two
bounds), "5 feet 2 inches" and "15 dollars 50" (two units), "five kilometers—barely three miles" (a
restatement, kept as an ``Equivalent``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from schemas.claims import Equivalent
from services.claims.extract.cues import WS

Span = tuple[int, int]

# Rule: "5 feet 2 inches", "3 dollars and 50 cents", "2 hours 30 minutes" — one quantity in two
# units, the smaller one's share of the larger; "12 ft 2 in" writes the inches as "in".
_COMPOUND_UNITS: dict[tuple[str, str], tuple[str, float]] = {
    ("ft", "in"): ("ft", 1 / 12), ("USD", "cent"): ("USD", 1 / 100), ("GBP", "GBp"): ("GBP", 1 / 100),
    ("lb", "GBp"): ("GBP", 1 / 100), ("lb", "oz"): ("lb", 1 / 16), ("hour", "minute"): ("hour", 1 / 60),
    ("minute", "second"): ("minute", 1 / 60), ("m", "cm"): ("m", 1 / 100),
}
_COMPOUND_JOIN = re.compile(rf"{WS}+(?:and{WS}+)?")
_INCHES_AS_IN = re.compile(rf"{WS}+in(?![\w’'-])")
# Rule: "more than 10 but less than 20", "at most 100 and at least 20" — two bounds, one range.
_BOUND_JOIN = re.compile(rf"{WS}*,?{WS}*(?:(and|but){WS}+)?")
# What may follow the cents of "15 dollars 50": punctuation, the end, or a word that cannot be the
# verb of another count ("and 20 were stolen" is no $0.20).
_CENTS_END = re.compile(rf"{WS}*(?:[^\w\s]|\Z)|{WS}+(?:more|less|each|for|to|in|on|at|a|an|the)(?![\w])")
_PLUS_MINUS = re.compile(rf"{WS}*(?:±|\+/-|\+-|\+/−|plus{WS}+or{WS}+minus){WS}*")
# Qualifiers a margin is read with ("45% +/- 3%", "2.5 percent plus or minus 0.5"): its number starts after them.
_MARGIN_QUALIFIERS = frozenset({"±", "+/-", "plus or minus"})
# "5 or 6 percent" shares any unit; "2 x 3 m", "20 by 30 feet" share a length: the sides of a size.
# "46 to 40 percent" is a score (``figures`` reads no range high to low): both sides are percent.
_ALTERNATIVE_JOIN = re.compile(rf"{WS}+(?:and|or|to|(x|×|by)){WS}+")


@dataclass(slots=True)
class Draft:
    """A figure being built; becomes a FigureClaim once equivalents are merged."""

    span: Span
    number_span: Span
    quantity: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str | None = None
    qualifier: str | None = None
    approximate: bool = False
    about: str | None = None
    equivalents: list[Equivalent] = field(default_factory=list)


def merge_neighbours(body: str, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` (in body order, not overlapping) with neighbours that are one quantity joined."""
    drafts = _share_units(body, drafts)
    for absorb in (_absorb_margin, _absorb_bound, _absorb_smaller_unit, _absorb_restatement):
        drafts = _fold(body, drafts, absorb)
    return drafts


def _fold(body: str, drafts: list[Draft], absorb: Callable[[str, Draft, Draft], bool]) -> list[Draft]:
    # Each pass reads the drafts once, left to right: ``absorb`` joins a draft into the one kept
    # before it (and says so), or the draft is kept on its own.
    merged: list[Draft] = []
    for draft in drafts:
        if not (merged and absorb(body, merged[-1], draft)):
            merged.append(draft)
    return merged


def _share_units(body: str, drafts: list[Draft]) -> list[Draft]:
    # "5 or 6 percent", "45 and 50 mg", "2 x 3 m": a bare number joined to the next figure takes its unit.
    for first, second in zip(drafts, drafts[1:]):
        bare = first.unit is None and first.quantity == "count" and first.about is None and first.value is not None
        if bare and second.unit is not None and second.value is not None and not second.qualifier:
            join = _ALTERNATIVE_JOIN.fullmatch(body, first.span[1], second.span[0])
            if join and (join.group(1) is None or second.quantity == "length"):
                first.unit, first.quantity = second.unit, second.quantity
    return drafts


def _absorb_margin(body: str, previous: Draft, draft: Draft) -> bool:
    # "9.83 ± 0.05 m", "45 +/- 3 %", "2.5 percent plus or minus 0.5": a value and its margin make
    # one figure with both ends.
    if previous.value is None or draft.value is None or previous.qualifier:
        return False
    # The margin's "±" may be read as its qualifier ("45% +/- 3%"): the gap ends at its number then.
    margin_start = draft.number_span[0] if draft.qualifier in _MARGIN_QUALIFIERS else draft.span[0]
    if not _PLUS_MINUS.fullmatch(body, previous.span[1], margin_start):
        return False
    margin = abs(draft.value)
    previous.low, previous.high = previous.value - margin, previous.value + margin
    if previous.unit is None:  # "9.83 +/- 0.05 m": the unit is written once, after the margin
        previous.unit, previous.quantity = draft.unit, draft.quantity
    previous.span = previous.number_span = (previous.span[0], draft.span[1])
    return True


def _absorb_bound(body: str, previous: Draft, draft: Draft) -> bool:
    # "more than 10 but less than 20", "at most 100 and at least 20": a lower and an upper bound of
    # the same unit, next to each other, make one range.
    join = _BOUND_JOIN.fullmatch(body, previous.span[1], draft.span[0])
    if join is None or not _opposite_bounds(previous, draft):
        return False
    low, high = (previous, draft) if previous.low is not None else (draft, previous)
    previous.span = (previous.span[0], draft.span[1])
    previous.number_span = (previous.number_span[0], draft.number_span[1])
    previous.qualifier = f"{previous.qualifier} {join.group(1) or ','} {draft.qualifier}".replace(" ,", ",")
    previous.low, previous.low_inclusive = low.low, low.low_inclusive
    previous.high, previous.high_inclusive = high.high, high.high_inclusive
    return True


def _opposite_bounds(first: Draft, second: Draft) -> bool:
    one_sided = [d for d in (first, second) if d.value is None and (d.low is None) != (d.high is None)]
    if len(one_sided) < 2 or first.unit != second.unit or (first.low is None) == (second.low is None):
        return False
    low = first.low if first.low is not None else second.low
    high = first.high if first.high is not None else second.high
    return low < high


def _absorb_smaller_unit(body: str, previous: Draft, draft: Draft) -> bool:
    # "5 feet and 2 inches": the larger unit's figure takes the smaller one's share and span.
    compound = _compound(body, previous, draft)
    if compound is None:
        return False
    unit, share, end = compound
    assert previous.value is not None and draft.value is not None
    previous.value += draft.value * share
    previous.unit = unit
    previous.quantity = draft.quantity if draft.unit else previous.quantity  # "4 pounds 20 pence" is money
    previous.span = (previous.span[0], end)
    previous.number_span = (previous.number_span[0], end)
    return True


def _compound(body: str, first: Draft, second: Draft) -> tuple[str, float, int] | None:
    exact = first.value is not None and second.value is not None and not second.qualifier
    if not exact or _COMPOUND_JOIN.fullmatch(body, first.span[1], second.span[0]) is None:
        return None
    end = second.span[1]
    second_unit = second.unit
    if first.unit == "ft" and second_unit is None:
        inches = _INCHES_AS_IN.match(body, end)
        second_unit, end = ("in", inches.end()) if inches else (None, end)
    if _is_cents(body, first, second):
        return first.unit, 1 / 100, end
    found = _COMPOUND_UNITS.get((first.unit or "", second_unit or ""))
    if found is None or second.value >= 1 / found[1]:  # "5 feet 14 inches" is no compound
        return None
    return found[0], found[1], end


def _is_cents(body: str, first: Draft, second: Draft) -> bool:
    # "15 dollars 50", "17 USD and 25", "thirteen dollars forty five": a bare whole number under 100
    # right after an amount whose currency is written after it counts the hundredths.
    return (
        first.quantity == "money" and body[first.span[1] - 1].isalpha() and second.unit is None
        and second.about is None and second.value is not None and second.value == int(second.value)
        and 0 < second.value < 100 and "." not in body[second.span[0]:second.span[1]]
        and _CENTS_END.match(body, second.span[1]) is not None
    )


def _absorb_restatement(body: str, previous: Draft, draft: Draft) -> bool:
    # "five kilometers—barely three miles", "1,500 km (930 mi)": the same quantity, restated.
    if not _restates(body, previous, draft):
        return False
    start, end = draft.number_span
    value = draft.value if draft.value is not None else (draft.low or draft.high or 0.0)
    previous.equivalents.append(Equivalent(text=body[start:end], span=(start, end), value=value, unit=draft.unit))
    previous.span = (previous.span[0], draft.span[1])
    previous.qualifier = previous.qualifier or draft.qualifier
    previous.approximate = previous.approximate or draft.approximate
    return True


def _restates(body: str, first: Draft, second: Draft) -> bool:
    gap = body[first.span[1]:second.span[0]]
    # A restated range stays a figure of its own: an Equivalent holds one value, not two ends.
    return (
        second.value is not None and first.unit is not None and second.unit is not None and first.unit != second.unit
        and first.quantity == second.quantity and len(gap) <= 3 and gap.strip(" —–-(") == "" and gap.strip() != ""
    )
