"""Figures as intervals: qualifiers, rounding, approximation and unit conversion."""

from __future__ import annotations

import math

import pytest

from services.verify.figures import Interval, figure_interval

SENTENCE = "Rebels said the figure was {text} near Homs."


def _interval(make, text, unit=None, quantity="people", **numbers):
    meta = make.meta("Test Outlet")
    claim = make.figure(
        meta, text, SENTENCE.format(text=text), unit=unit, quantity=quantity, **numbers
    )
    result = figure_interval(claim)
    assert result is not None
    return result


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        pytest.param(dict(text="over 100", low=100, low_inclusive=False), dict(text="105", value=105), True, id="over 100 ~ 105"),
        pytest.param(dict(text="over 100", low=100, low_inclusive=False), dict(text="12", value=12), False, id="over 100 !~ 12"),
        pytest.param(dict(text="over 100", low=100, low_inclusive=False), dict(text="about 40", value=40, approximate=True), False, id="over 100 !~ about 40"),
        pytest.param(dict(text="over 100", low=100, low_inclusive=False), dict(text="100", value=100), True, id="over 100 ~ round 100 (100 may be 101-105)"),
        pytest.param(dict(text="about 40", value=40, qualifier="about"), dict(text="45", value=45), True, id="about 40 ~ 45 (15 %)"),
        pytest.param(dict(text="about 40", value=40, qualifier="about"), dict(text="48", value=48), False, id="about 40 !~ 48"),
        pytest.param(dict(text="nearly 100", value=100, qualifier="nearly"), dict(text="90", value=90), True, id="nearly 100 ~ 90"),
        pytest.param(dict(text="nearly 100", value=100, qualifier="nearly"), dict(text="110", value=110), False, id="nearly 100 !~ 110"),
        pytest.param(dict(text="12", value=12), dict(text="13", value=13), False, id="12 !~ 13 (exact)"),
        pytest.param(dict(text="12", value=12), dict(text="12", value=12), True, id="12 ~ 12"),
        pytest.param(dict(text="tens of thousands", low=10000, high=100000, high_inclusive=False), dict(text="30,000", value=30000), True, id="tens of thousands ~ 30,000"),
        pytest.param(dict(text="tens of thousands", low=10000, high=100000, high_inclusive=False), dict(text="5,000", value=5000), False, id="tens of thousands !~ 5,000"),
        pytest.param(dict(text="under 50", value=50, qualifier="under"), dict(text="50", value=50), True, id="under 50 ~ 50 (50 may be 49.5)"),
        pytest.param(dict(text="under 50", value=50, qualifier="under"), dict(text="60", value=60), False, id="under 50 !~ 60"),
    ],
)
def test_counts_overlap_as_their_qualifiers_say(make, a, b, overlap):
    _, ia = _interval(make, **a)
    _, ib = _interval(make, **b)
    assert ia.overlaps(ib) is overlap
    assert ib.overlaps(ia) is overlap


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        pytest.param(("five kilometers", 5, "km"), ("three miles", 3, "mi"), True, id="5 km ~ 3 mi"),
        pytest.param(("5 km", 5, "km"), ("5,000 m", 5000, "m"), True, id="5 km ~ 5000 m"),
        pytest.param(("5 km", 5, "km"), ("20 km", 20, "km"), False, id="5 km !~ 20 km"),
        pytest.param(("5 km", 5, "km"), ("5 miles", 5, "miles"), False, id="5 km !~ 5 mi"),
        pytest.param(("20 km", 20, "km"), ("12 miles", 12, "mile"), True, id="20 km ~ 12 mi"),
    ],
)
def test_lengths_are_compared_in_metres(make, a, b, overlap):
    unit_a, ia = _interval(make, a[0], value=a[1], unit=a[2], quantity="length")
    unit_b, ib = _interval(make, b[0], value=b[1], unit=b[2], quantity="length")
    assert unit_a == unit_b == "m"
    assert ia.overlaps(ib) is overlap


def test_restated_equivalent_widens_the_interval(make):
    unit, interval = _interval(
        make, "five kilometers", value=5, unit="km", quantity="length",
        equivalents=(("three miles", 3, "mi"),),
    )
    assert unit == "m"
    assert interval.low == pytest.approx(2.5 * 1609.344)
    assert interval.high == pytest.approx(3.5 * 1609.344)


def test_figure_without_a_number_has_no_interval(make):
    meta = make.meta("Test Outlet")
    claim = make.figure(meta, "Several", "Several people were hurt.")
    assert figure_interval(claim) is None


def test_open_bounds_exclude_their_endpoint():
    over = Interval(100, math.inf, low_open=True)
    assert not over.overlaps(Interval(90, 100))
    assert over.overlaps(Interval(90, 100.5))
    assert Interval(100, math.inf).overlaps(Interval(90, 100))


@pytest.mark.parametrize(
    ("share", "percent", "overlap"),
    [
        pytest.param(("half", 0.5), ("50 percent", 50), True, id="half ~ 50 %"),
        pytest.param(("half", 0.5), ("52 percent", 52), True, id="half ~ 52 % (a round share)"),
        pytest.param(("half", 0.5), ("60 percent", 60), False, id="half !~ 60 %"),
        pytest.param(("one in three", 1 / 3), ("33 percent", 33), True, id="one in three ~ 33 %"),
        pytest.param(("one in three", 1 / 3), ("45 percent", 45), False, id="one in three !~ 45 %"),
    ],
)
def test_a_proportion_is_compared_as_a_percentage(make, share, percent, overlap):
    (share_text, share_value), (percent_text, percent_value) = share, percent
    unit_a, a = _interval(make, share_text, quantity="proportion", value=share_value)
    unit_b, b = _interval(make, percent_text, unit="percent", quantity="percent", value=percent_value)
    assert unit_a == unit_b == "percent"
    assert a.overlaps(b) is overlap


def test_a_qualified_proportion_keeps_its_bound(make):
    _, nearly = _interval(make, "more than half", quantity="proportion", low=0.5, low_inclusive=False)
    assert (nearly.low, nearly.high, nearly.low_open) == (50.0, math.inf, True)
