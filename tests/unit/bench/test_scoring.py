"""The benchmark's scoring rules, on small hand-made cases (no labelled data is read)."""

from __future__ import annotations

import pytest

from bench.scoring import (
    Counts,
    figure_counts,
    match_spans,
    normalise_unit,
    overlap,
    speaker_matches,
    spans_match,
    values_match,
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [((0, 10), (5, 15), 5), ((0, 10), (10, 20), 0), ((0, 10), (2, 4), 2), ((5, 6), (0, 100), 1), ((3, 3), (0, 9), 0)],
)
def test_overlap(a, b, expected) -> None:
    assert overlap(a, b) == expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ((0, 10), (0, 10), True),
        ((0, 10), (7, 10), True),  # 3 of the longer 10: exactly 30 %
        ((0, 10), (8, 10), False),  # 2 of 10
        ((0, 100), (0, 29), False),  # inside, but 29 % of the longer span
        ((0, 100), (0, 30), True),
        ((50, 60), (0, 10), False),  # disjoint
        ((0, 0), (0, 0), False),  # empty spans never match
    ],
)
def test_overlap_rule_is_30_percent_of_the_longer_span(pred, gold, expected) -> None:
    assert spans_match(pred, gold) is expected


def test_matching_is_one_to_one_largest_overlap_first() -> None:
    # Every pair overlaps enough; the largest overlap (pred 1, gold 0: 17 chars) is taken first, so
    # pred 0 goes to gold 1 rather than to gold 0 which it also matches.
    assert match_spans([(0, 10), (2, 20)], [(3, 20), (0, 9)]) == [(0, 1), (1, 0)]
    # A greedy pass may leave a match unused: pred 0 only matches gold 0, which pred 1 takes.
    assert match_spans([(0, 10), (2, 20)], [(3, 20), (12, 22)]) == [(1, 0)]
    assert match_spans([(0, 10), (0, 10)], [(0, 10)]) == [(0, 0)]  # a gold item is matched once
    assert match_spans([], [(0, 1)]) == []


def test_counts_arithmetic() -> None:
    c = Counts(matched=3, predicted=4, gold=6)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.5)
    assert c.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert Counts().f1 == 0.0 and Counts().precision == 0.0 and Counts().recall == 0.0
    assert Counts(1, 2, 3) + Counts(1, 1, 1) == Counts(2, 3, 4)


@pytest.mark.parametrize(
    ("pred_name", "pred_span", "gold_name", "gold_span", "expected"),
    [
        ("Hillary Clinton", (50, 65), "Clinton", (58, 65), True),  # spans overlap
        ("Hillary Clinton", None, "Clinton", (0, 7), True),  # resolved name holds the gold one
        ("the ministry", None, "The Ministry", None, True),  # determiners and case do not count
        ("Donald Trump", (0, 12), "Clinton", (40, 47), False),
        (None, None, "Clinton", (40, 47), False),
        ("Trump’s campaign", None, "Trump", None, True),
        ("Howard Rubel", None, "Mr. Rubel", (3, 12), True),  # a courtesy title is not part of the name
        ("Howard Rubel", None, "Mrs. Smith", None, False),
        ("Mr", None, "Mr", None, True),  # a lone title is still compared
    ],
)
def test_speaker_matches(pred_name, pred_span, gold_name, gold_span, expected) -> None:
    assert speaker_matches(pred_name, pred_span, gold_name, gold_span) is expected


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        ({"value": 100.0}, {"value": 100}, True),
        ({"value": 100.4}, {"value": 100}, True),  # within 0.5 %
        ({"value": 100.6}, {"value": 100}, False),
        ({"value": None, "low": 20, "high": 35}, {"low": 20, "high": 35}, True),
        ({"value": None, "low": 20, "high": None}, {"low": 20, "high": 35}, False),
        ({"value": None, "low": 20, "high": None}, {"low": 20, "high": None}, True),
        ({"value": 5.0}, {"value": 5, "low": 4.5, "high": 5.5}, True),  # ± gold: the value is enough
        ({"value": 0.0}, {"value": 0}, True),
        ({"value": 30}, {"low": 20, "high": 35}, False),
        ({"value": 20.0}, {"low": 20, "high": 20}, True),  # "equals 20": a one-point range is the value
        ({"value": None, "low": 20, "high": 20}, {"value": 20}, True),
        ({"value": 21.0}, {"low": 20, "high": 20}, False),
        ({"value": None, "low": 20, "high": None}, {"value": 20}, False),  # "over 20" is not 20
    ],
)
def test_values_match(pred, gold, expected) -> None:
    assert values_match(pred, gold) is expected


def test_figure_counts_value_and_unit() -> None:
    gold = [{"span": (0, 4), "value": 5, "unit": "km"}, {"span": (10, 14), "value": 7, "unit": None}]
    pred = [{"span": (0, 4), "value": 5.0, "unit": "mi"}, {"span": (10, 14), "value": 7.0, "unit": None},
            {"span": (20, 22), "value": 9.0, "unit": None}]
    assert figure_counts(pred, gold, with_unit=False) == Counts(2, 3, 2)
    assert figure_counts(pred, gold, with_unit=True) == Counts(1, 3, 2)


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Dollar", "currency", "USD"), ("United States dollar", None, "USD"), ("pound sterling", None, "GBP"),
        ("Pound", "currency", "GBP"), ("Pound", "dimension", "lb"), ("pound-mass", None, "lb"),
        ("degree Celsius", None, "Cel"), ("C", "temperature", "Cel"), ("kilometre", None, "km"),
        ("Kilometer", None, "km"), ("percentage", None, "percent"), ("dimensionless", None, None),
        (None, None, None), ("inverse femtobarn", None, "inverse femtobarn"),
        ("Chinese yuan", "currency", "CNY"), ("Pence", "currency", "GBp"), ("Square meter", "dimension", "m2"),
        ("cubic centimetre", None, "mL"), ("Degree", "temperature", "deg"),
    ],
)
def test_normalise_unit(name, kind, expected) -> None:
    assert normalise_unit(name, kind=kind) == expected
