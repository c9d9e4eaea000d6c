"""Scoring rules of the extraction benchmark (bench layer; pure, no I/O).

The rules are those of ``shared/eval/README.md``:

* quotes (PolNeAR) — a predicted quote or attribution matches a gold one when their content spans
  overlap by at least 30 % of the longer span (the Gender Gap Tracker's rule); pairs are made one to
  one, largest overlap first. Speaker accuracy is over matched pairs whose gold has a speaker: right
  when the predicted speaker's span overlaps the gold speaker's, or one name holds the other.
* figures (Recognizers-Text, quantulum3) — a predicted figure matches a gold one of the same text when
  its value, or its low/high, equals the gold one within 0.5 %; for the unit score its unit must also
  be the same after ``normalise_unit``. A Recognizers-Text spec labels one kind of figure, so only
  predictions of that kind or overlapping a gold figure are scored there (``scored_figures``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Span = tuple[int, int]

OVERLAP_RATIO = 0.30  # of the longer span (shared/eval/README.md)
VALUE_TOLERANCE = 0.005  # relative (shared/eval/README.md)


@dataclass(frozen=True, slots=True)
class Counts:
    """True positives over predictions and gold items, and the scores they give."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def overlap(a: Span, b: Span) -> int:
    """Characters two ``[start, end)`` spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_match(pred: Span, gold: Span, *, ratio: float = OVERLAP_RATIO) -> bool:
    """Whether the spans overlap by at least ``ratio`` of the longer one."""
    longer = max(pred[1] - pred[0], gold[1] - gold[0])
    return longer > 0 and overlap(pred, gold) >= ratio * longer


def match_spans(pred: Sequence[Span], gold: Sequence[Span], *, ratio: float = OVERLAP_RATIO) -> list[tuple[int, int]]:
    """One-to-one ``(pred index, gold index)`` pairs that match, largest overlap first."""
    candidates = sorted(
        ((overlap(p, g), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if spans_match(p, g, ratio=ratio)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    return _one_to_one((i, j) for _, i, j in candidates)


def _one_to_one(pairs) -> list[tuple[int, int]]:
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    kept = []
    for i, j in pairs:
        if i not in used_pred and j not in used_gold:
            used_pred.add(i)
            used_gold.add(j)
            kept.append((i, j))
    return sorted(kept)


def speaker_matches(
    pred_name: str | None, pred_span: Span | None, gold_name: str | None, gold_span: Span | None
) -> bool:
    """The predicted speaker's span overlaps the gold one, or one name holds the other."""
    if pred_span is not None and gold_span is not None and overlap(pred_span, gold_span) > 0:
        return True
    a, b = _bare_name(pred_name), _bare_name(gold_name)
    return bool(a and b) and (a in b or b in a)


# Courtesy titles are not part of a name: "Mr. Rubel" is the "Howard Rubel" named earlier (news
# style writes the title on second reference; PolNeAR's speaker spans keep it).
_COURTESY_TITLES = frozenset({"mr.", "mrs.", "ms.", "miss", "dr.", "mr", "mrs", "ms", "dr"})


def _bare_name(name: str | None) -> str:
    words = (name or "").lower().replace("’s", "").replace("'s", "").split()
    if words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    if len(words) > 1 and words[0] in _COURTESY_TITLES:
        words = words[1:]
    return " ".join(words)


def values_match(pred: dict, gold: dict, *, tolerance: float = VALUE_TOLERANCE) -> bool:
    """Value equal within ``tolerance``, or low and high both equal (a missing end only to a missing end).

    A range with equal ends is the same figure as that one value.
    """
    if gold.get("value") is not None and pred.get("value") is not None:
        if _close(pred["value"], gold["value"], tolerance):
            return True
    if _one_point(gold) is not None and pred.get("value") is not None:
        return _close(pred["value"], _one_point(gold), tolerance)  # "equal to 20" is gold [20, 20]
    if _one_point(pred) is not None and gold.get("value") is not None:
        return _close(_one_point(pred), gold["value"], tolerance)
    if gold.get("low") is None and gold.get("high") is None:
        return False
    if pred.get("low") is None and pred.get("high") is None:
        return False
    return _close_or_none(pred.get("low"), gold.get("low"), tolerance) and _close_or_none(
        pred.get("high"), gold.get("high"), tolerance
    )


def _one_point(figure: dict) -> float | None:
    # A range whose two ends are equal is one value: Recognizers-Text writes "equals 20" as [20, 20].
    low, high = figure.get("low"), figure.get("high")
    return low if low is not None and high is not None and low == high else None


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _close_or_none(a: float | None, b: float | None, tolerance: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return _close(a, b, tolerance)


def match_figures(
    pred: Sequence[dict], gold: Sequence[dict], *, same: Callable[[dict, dict], bool]
) -> list[tuple[int, int]]:
    """One-to-one pairs of one text's figures for which ``same`` holds; overlapping spans first."""
    candidates = sorted(
        ((-overlap(p["span"], g["span"]), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold) if same(p, g)),
    )
    return _one_to_one((i, j) for _, i, j in candidates)


def figure_counts(pred: Sequence[dict], gold: Sequence[dict], *, with_unit: bool) -> Counts:
    """Counts for one text: value match, and unit match too when ``with_unit``."""

    def same(p: dict, g: dict) -> bool:
        return values_match(p, g) and (not with_unit or p.get("unit") == g.get("unit"))

    return Counts(len(match_figures(pred, gold, same=same)), len(pred), len(gold))


# What each Recognizers-Text spec labels, in one vocabulary for both systems' predictions: a spec
# labels every figure of its kind in its texts and nothing else (the NumberModel's "the 180ml
# liquid" has no gold figure: 180 ml is the DimensionModel's).
SPEC_KINDS: dict[str, str] = {
    "NumberModel": "number", "NumberRangeModel": "number", "CurrencyModel": "money", "DimensionModel": "measure",
    "TemperatureModel": "temperature", "PercentModel": "percent", "AgeModel": "age",
}
_QUANTITY_KINDS = {
    "count": "number", "money": "money", "temperature": "temperature", "percent": "percent", "age": "age",
    **dict.fromkeys(["length", "mass", "area", "volume", "speed", "angle", "information"], "measure"),
}
_QUANTULUM_KINDS = {
    "dimensionless": "number", "currency": "money", "temperature": "temperature",
    **dict.fromkeys(["length", "mass", "area", "volume", "speed", "angle", "data storage"], "measure"),
}


def spec_kind_of_quantity(quantity: str) -> str | None:
    """A wirecheck figure's ``quantity`` in the spec vocabulary; None for kinds no spec labels (years …)."""
    return _QUANTITY_KINDS.get(quantity)


def spec_kind_of_quantulum(entity: str | None, unit: str | None) -> str | None:
    """A quantulum3 quantity's entity (and unit, for percentages) in the spec vocabulary."""
    if (unit or "").lower() in {"percentage", "percent"}:
        return "percent"
    return _QUANTULUM_KINDS.get(entity or "")


def scored_figures(pred: Sequence[dict], gold: Sequence[dict], *, spec_kind: str | None) -> list[dict]:
    """The predictions a partially labelled text can judge: all of them when the text is fully
    labelled (``spec_kind`` None); else those overlapping a gold figure or of the spec's kind."""
    if spec_kind is None:
        return list(pred)
    return [p for p in pred if p.get("kind") == spec_kind or any(overlap(p["span"], g["span"]) for g in gold)]


# Units as the datasets and quantulum3 name them → wirecheck's normalised units (constants.UNITS).
# Lower-cased names; what is not here is kept lower-cased, so only identical names match.
UNIT_NAMES: dict[str, str] = {
    **dict.fromkeys(["dollar", "united states dollar", "us dollar", "usd"], "USD"),
    **dict.fromkeys(["euro", "eur"], "EUR"),
    **dict.fromkeys(["pound sterling", "british pound", "gbp"], "GBP"),
    **dict.fromkeys(["japanese yen", "yen"], "JPY"),
    **dict.fromkeys(["canadian dollar"], "CAD"),
    **dict.fromkeys(["australian dollar"], "AUD"),
    **dict.fromkeys(["c", "degree celsius", "celsius"], "Cel"),
    **dict.fromkeys(["f", "degree fahrenheit", "fahrenheit"], "degF"),
    **dict.fromkeys(["percent", "percentage"], "percent"),
    **dict.fromkeys(["year"], "year"),
    **dict.fromkeys(["month"], "month"),
    **dict.fromkeys(["week"], "week"),
    **dict.fromkeys(["day"], "day"),
    **dict.fromkeys(["hour"], "hour"),
    **dict.fromkeys(["minute"], "minute"),
    **dict.fromkeys(["foot"], "ft"),
    **dict.fromkeys(["inch"], "in"),
    **dict.fromkeys(["yard"], "yd"),
    **dict.fromkeys(["meter", "metre"], "m"),
    **dict.fromkeys(["kilometer", "kilometre"], "km"),
    **dict.fromkeys(["centimeter", "centimetre"], "cm"),
    **dict.fromkeys(["millimeter", "millimetre"], "mm"),
    **dict.fromkeys(["mile"], "mi"),
    **dict.fromkeys(["square kilometre", "square kilometer"], "km2"),
    **dict.fromkeys(["square mile"], "mi2"),
    **dict.fromkeys(["hectare"], "ha"),
    **dict.fromkeys(["acre"], "acre"),
    **dict.fromkeys(["kilogram"], "kg"),
    **dict.fromkeys(["gram"], "g"),
    **dict.fromkeys(["ton", "tonne", "metric ton"], "t"),
    **dict.fromkeys(["pound-mass"], "lb"),
    **dict.fromkeys(["kilometer per hour", "kilometre per hour"], "km/h"),
    **dict.fromkeys(["mile per hour"], "mph"),
    **dict.fromkeys(["dimensionless", ""], None),
    # Further units of the two datasets, in the names wirecheck gives them (figure_words.MORE_UNITS,
    # CURRENCY_UNITS): ISO 4217 codes for money, UCUM-style symbols for measures.
    **dict.fromkeys(["chinese yuan"], "CNY"),
    **dict.fromkeys(["swiss franc"], "CHF"),
    **dict.fromkeys(["franc"], "FRF"),
    **dict.fromkeys(["hong kong dollar"], "HKD"),
    **dict.fromkeys(["new zealand dollar"], "NZD"),
    **dict.fromkeys(["mexican peso"], "MXN"),
    **dict.fromkeys(["rupee"], "INR"),
    **dict.fromkeys(["turkish lira"], "TRY"),
    **dict.fromkeys(["netherlands guilder"], "NLG"),
    **dict.fromkeys(["peseta"], "ESP"),
    **dict.fromkeys(["finnish markka"], "FIM"),
    **dict.fromkeys(["bitcoin"], "BTC"),
    **dict.fromkeys(["cent"], "cent"),
    **dict.fromkeys(["pence", "penny"], "GBp"),
    **dict.fromkeys(["degree"], "deg"),
    **dict.fromkeys(["age"], "year"),
    **dict.fromkeys(["gallon"], "gal"),
    **dict.fromkeys(["ounce"], "oz"),
    **dict.fromkeys(["barrel"], "bbl"),
    **dict.fromkeys(["cubic foot"], "ft3"),
    **dict.fromkeys(["cubic kilometre", "cubic kilometer"], "km3"),
    **dict.fromkeys(["square meter", "square metre"], "m2"),
    **dict.fromkeys(["litre", "liter"], "L"),
    **dict.fromkeys(["milliliter", "millilitre", "cubic centimetre"], "mL"),  # 1 mL = 1 cm³
    **dict.fromkeys(["centilitre", "centiliter"], "cL"),
    **dict.fromkeys(["milligram"], "mg"),
    **dict.fromkeys(["microgram"], "ug"),
    **dict.fromkeys(["decimeter", "decimetre"], "dm"),
    **dict.fromkeys(["nanometre", "nanometer"], "nm"),
    **dict.fromkeys(["tablespoon"], "tbsp"),
    **dict.fromkeys(["teaspoon"], "tsp"),
    **dict.fromkeys(["megabyte"], "MB"),
    **dict.fromkeys(["watt"], "W"),
    **dict.fromkeys(["watt hour"], "Wh"),
    **dict.fromkeys(["megawatt hour"], "MWh"),
    **dict.fromkeys(["electronvolt"], "eV"),
    **dict.fromkeys(["teraelectronvolt"], "TeV"),
    **dict.fromkeys(["gigahertz"], "GHz"),
    **dict.fromkeys(["radian"], "rad"),
}


def normalise_unit(name: str | None, *, kind: str | None = None) -> str | None:
    """A dataset's or quantulum3's unit name in wirecheck's vocabulary; ``kind`` tells "Pound" apart."""
    if name is None:
        return None
    lowered = name.strip().lower()
    if lowered == "pound":
        return "GBP" if kind == "currency" else "lb"
    return UNIT_NAMES.get(lowered, lowered)
