"""Two numbers joined by "-", "to", "and" or "through": a range, or something else (pure core).

``figures`` matches "[num] [sep] [num2]" as one candidate; this module decides whether it is a range
("10-20", "between 2 and 3 million", "from $2 to 3bn") and reads its ends, a ratio ("split 4 to 1"),
or two figures written together: a tally ("a 5-4 ruling"), a score or a change written high to low
("leads 57 percent to 33 percent", "89%-6%", "fell from 71 to 55"), a year before the next amount
("$362 million in 2014 to $557 million"), a month ("1995-01").
"""

from __future__ import annotations

import re
from dataclasses import replace

from services.claims.extract.cues import WS
from services.claims.extract.figure_merges import Draft
from services.claims.extract.figure_units import optional_group, unit_is_written
from services.claims.extract.figure_words import ALL_UNITS, CHANGE_VERBS, SCORE_VERBS, TALLY_NOUNS
from services.claims.extract.numbers import parse_number, parse_scale


_HYPHENS = frozenset({"-", "–", "-to-"})
_TALLY_NOUN_AFTER = re.compile(rf"{WS}+(?:{'|'.join(sorted(TALLY_NOUNS))})s?\b")  # "an 8-to-1 decision"
_VERB_BEFORE = re.compile(rf"(?<![\w’'-])([A-Za-z]+){WS}+\Z")
_LEVEL_RATIO = 10  # "fell 300 to 17,000": a second end this many times the first is a level reached


def is_range(match: re.Match[str], qual: str | None) -> bool:
    """Whether a candidate with a second number is a range, given the qualifier before it."""
    # "two and three" is not a range, "between two and three" is; "5 km to 7 km" needs one unit.
    if match.group("sep").strip() == "and" and (qual or "").lower() != "between":
        return False
    first, second = match.group("num"), match.group("num2")
    if is_year(first) and len(second) == 2 and second.isdigit() and int(second) <= int(first[2:]):
        return False  # "1995-01" is a month, "2013-14" a span of years
    if match.group("sep").strip() in _HYPHENS and not is_year(first) and _descending(match):
        return False  # "backed it 89%-6%": a split of votes, not a range
    if match.group("sep").strip() == "to" and (qual or "").lower() != "between":
        if is_year(first) and (optional_group(match, "cur2") or not is_year(second)):
            return False  # "$362 million in 2014 to $557 million": a year, then the next amount
        if _descending(match):
            return False  # "leads 57 percent to 33 percent", "fell from 71 to 55": a score or a change
        if not qual and _verb_before(match) in CHANGE_VERBS and _reaches_level(match):
            return False  # "the Dow fell 300 to 17,000": the change, then the level it reached
    unit1, unit = match.group("unit1"), match.group("unit")
    return unit1 is None or (unit is not None and ALL_UNITS[unit1][0] == ALL_UNITS[unit][0])


def _descending(match: re.Match[str]) -> bool:
    # Ranges are written low to high; two positive amounts high to low are a score or a change
    # (a fall from one to the other). Negative ends are left alone: "-18 to -34 °C" is a range.
    if match.group("neg") or match.group("negc") or match.group("neg2"):
        return False
    first, second = parse_number(match.group("num")), parse_number(match.group("num2"))
    if first is None or second is None:
        return False
    scale2 = parse_scale(match.group("scale2") or match.group("scale"))
    return first * _first_scale(match, parse_scale(match.group("scale")), scale2, first, second) > second * scale2


def _verb_before(match: re.Match[str]) -> str:
    # The word right before the candidate, lower-cased ("" when none): "won" in "won 3 to 1".
    start = match.start()
    word = _VERB_BEFORE.search(match.string, max(0, start - 16), start)
    return word.group(1).lower() if word else ""


def _reaches_level(match: re.Match[str]) -> bool:
    # Two bare numbers, the second over ``_LEVEL_RATIO`` times the first: with a unit or money, "rose
    # 2 to 30 cents" may be a range.
    plain = not any(match.group(g) for g in ("unit1", "unit", "cur", "scale", "scale2", "neg2"))
    if not plain or optional_group(match, "cur2"):
        return False
    first, second = parse_number(match.group("num")), parse_number(match.group("num2"))
    return first is not None and second is not None and 0 < first * _LEVEL_RATIO < second


def _first_scale(match: re.Match[str], own: float, scale2: float, first: float, second: float) -> float:
    # "2 to 3 million", "from $2 to 3bn": a first end without a scale takes the one written last,
    # unless it is larger as written: "$500,000 to $1 million" is no 500 billion.
    if match.group("scale") or first >= second:
        return own
    return scale2


def is_ratio(match: re.Match[str], qual: str | None) -> bool:
    """Whether "N to 1" is a ratio ("split 4 to 1", "a 3-to-1 margin"): a first term above one, no
    unit, no money, no "from" or "between" that would make it a fall or a range, and no noun of
    voting after the hyphenated form ("an 8-to-1 decision" is a tally)."""
    if match.group("sep").strip().lower() not in {"to", "-to-"} or (qual or "").lower() in {"from", "between"}:
        return False
    unit = match.group("unit")
    if match.group("num2").lower() not in {"1", "one"} or match.group("unit1"):
        return False
    if unit and unit_is_written(match, unit):
        return False
    if match.group("cur") or optional_group(match, "cur2") or match.group("scale") or match.group("scale2"):
        return False
    if match.group("sep") == "-to-" and _TALLY_NOUN_AFTER.match(match.string, match.end()):
        return False
    if _verb_before(match) in SCORE_VERBS:
        return False  # "Arsenal won 3 to 1", "voted 4 to 1": a score or a vote, two counts
    first = parse_number(match.group("num"))
    return first is not None and first > 1


def is_tally(match: re.Match[str]) -> bool:
    """Whether two numbers joined by a hyphen are a vote or a score, no quantity at all."""
    # Two small whole numbers joined by a bare hyphen, the larger first and no unit: ranges are
    # written low to high ("10-20"), tallies high to low or even ("5-4", "a 5-to-4 vote", "4-4").
    first, second = match.group("num"), match.group("num2")
    whole = first.isdigit() and second.isdigit() and len(first) <= 2 and len(second) <= 2
    return whole and match.group("sep") in _HYPHENS and int(first) >= int(second) and not match.group("unit")


def ranged(match: re.Match[str], draft: Draft, scale: float, negative: bool) -> Draft:
    """``draft`` with the low and high ends of its range, when the match has a second number."""
    # "10-20", "between 10 and 20", "from $2 to 3bn", "-18 to -34": both ends take the scale written
    # last (``_first_scale``); the lower end is the low one whatever the order.
    if not optional_group(match, "num2"):
        return draft
    first, second = parse_number(match.group("num")), parse_number(match.group("num2"))
    if first is None or second is None:
        return draft
    scale2 = parse_scale(match.group("scale2")) if match.group("scale2") else scale
    first_scale = _first_scale(match, scale, scale2, first, second)
    first, second = first * first_scale * (-1 if negative else 1), second * scale2 * (-1 if match.group("neg2") else 1)
    quantity = draft.quantity
    if quantity == "count" and is_year(match.group("num")) and not match.group("scale"):
        if len(match.group("num2")) == 2 and match.group("num2").isdigit():
            second = first // 100 * 100 + second  # "2013-14"
        quantity = "year" if 1000 <= second <= 2100 else quantity
    low, high = sorted((first, second))
    return replace(draft, value=None, low=low, high=high, quantity=quantity)


def is_year(text: str) -> bool:
    """Four digits that can be a year (1000-2100)."""
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100
