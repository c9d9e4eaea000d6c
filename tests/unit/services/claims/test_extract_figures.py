"""Figures: values, ranges, qualifiers, units, quantities and what they count."""

from __future__ import annotations

import pytest

from services.claims.extract import extract_claims


def _figures(body: str) -> list:
    return [c for c in extract_claims(body, article_id="t") if c.kind == "figure"]


def _one(body: str, text: str):
    matches = [f for f in _figures(body) if f.text == text]
    assert matches, f"no figure {text!r} in {[f.text for f in _figures(body)]}"
    return matches[0]


@pytest.mark.parametrize(
    ("body", "text", "expected"),
    [
        ("Homs, Syria’s third-largest city.", "third-largest",
         {"value": 3, "quantity": "rank", "about": "largest city"}),
        ("Rebels seized two pivotal towns, Rastan and Talbisseh.", "two pivotal towns",
         {"value": 2, "quantity": "count", "about": "towns", "unit": None}),
        ("They are just five kilometers—barely three miles—from Homs.", "five kilometers—barely three miles",
         {"value": 5, "unit": "km", "quantity": "length", "qualifier": "barely"}),
        ("during Syria’s 2011 uprising", "2011", {"value": 2011, "quantity": "year"}),
        ("By 2014, it became a symbol.", "2014", {"value": 2014, "quantity": "year", "qualifier": None}),
        ("after a two-year siege", "two-year",
         {"value": 2, "unit": "year", "quantity": "duration", "about": "siege"}),
        ("twin bombings killed over 100 people, mostly civilians", "over 100 people",
         {"value": None, "low": 100, "low_inclusive": False, "high": None, "qualifier": "over",
          "quantity": "people", "about": "people killed"}),
        ("Tens of thousands of Alawite residents are fleeing.", "Tens of thousands of Alawite residents",
         {"low": 10_000, "low_inclusive": True, "high": 100_000, "high_inclusive": False,
          "qualifier": "tens of", "approximate": True, "quantity": "people", "about": "residents"}),
        ("Nearly 40 percent of voters backed him.", "Nearly 40 percent",
         {"value": 40, "unit": "percent", "quantity": "percent", "qualifier": "nearly",
          "approximate": True, "about": "voters"}),
        ("Turnout was 40% this year.", "40%", {"value": 40, "unit": "percent", "approximate": False}),
        ("The fund lost $2.3bn last year.", "$2.3bn", {"value": 2.3e9, "unit": "USD", "quantity": "money"}),
        ("It cost £5 million.", "£5 million", {"value": 5e6, "unit": "GBP", "quantity": "money"}),
        ("It cost 12 million euros.", "12 million euros", {"value": 12e6, "unit": "EUR", "quantity": "money"}),
        ("Between 10 and 20 people were hurt.", "Between 10 and 20 people",
         {"value": None, "low": 10, "high": 20, "quantity": "people"}),
        ("Another 10-20 fled.", "10-20", {"low": 10, "high": 20}),
        ("from 5 to 7 km away", "from 5 to 7 km", {"low": 5, "high": 7, "unit": "km"}),
        ("Twenty-five soldiers died.", "Twenty-five soldiers",
         {"value": 25, "quantity": "people", "about": "soldiers died"}),
        ("a dozen civilians were hurt", "a dozen civilians", {"value": 12, "quantity": "people"}),
        ("one hundred and twenty families", "one hundred and twenty families", {"value": 120}),
        ("hundreds of people fled", "hundreds of people",
         {"low": 100, "high": 1000, "high_inclusive": False, "qualifier": "hundreds of",
          "about": "people fled"}),
        ("At least 1,500.5 tonnes of aid", "At least 1,500.5 tonnes",
         {"low": 1500.5, "low_inclusive": True, "unit": "t", "quantity": "mass", "qualifier": "at least"}),
        ("up to 30 trucks", "up to 30 trucks", {"high": 30, "high_inclusive": True, "low": None}),
        ("under 5 km", "under 5 km", {"high": 5, "high_inclusive": False, "unit": "km"}),
        ("fewer than 200 migrants", "fewer than 200 migrants",
         {"high": 200, "high_inclusive": False, "quantity": "people"}),
        ("about 3,000 troops", "about 3,000 troops",
         {"value": 3000, "approximate": True, "qualifier": "about", "quantity": "people"}),
        ("around 70 kilometres", "around 70 kilometres", {"value": 70, "approximate": True, "unit": "km"}),
        ("1,500,000 kilometres (930,000 mi) from Earth", "1,500,000 kilometres (930,000 mi",
         {"value": 1.5e6, "unit": "km"}),
        ("A 5m wall", "5m", {"value": 5, "unit": "m", "quantity": "length"}),
        ("temperatures of 45C", "45C", {"value": 45, "unit": "Cel", "quantity": "temperature"}),
    ],
)
def test_figures(body: str, text: str, expected: dict) -> None:
    figure = _one(body, text)
    assert figure.text == body[figure.span[0]:figure.span[1]]
    for field, value in expected.items():
        assert getattr(figure, field) == value, field


def test_equivalent_of_a_restated_figure() -> None:
    figure = _one("just five kilometers—barely three miles—from Homs", "five kilometers—barely three miles")
    [equivalent] = figure.equivalents
    assert (equivalent.text, equivalent.value, equivalent.unit) == ("three miles", 3, "mi")


@pytest.mark.parametrize(
    "body",
    [
        "North Korea and South Korea met.",
        "Leaders gathered at the G7 summit.",
        "COVID-19 cases fell.",
        "The council passed Resolution 2254 unanimously.",
        "The talks ended on December 6 in Geneva.",
        "The meeting began at 10:30 sharp.",
        "It was ground zero for the protests.",
        "No one was hurt, and one of them left.",
        "Protests spread through the 1990s.",
        "",
    ],
)
def test_not_figures(body: str) -> None:
    assert _figures(body) == []


def test_year_in_a_date_is_kept_and_the_day_is_not() -> None:
    assert [(f.text, f.quantity) for f in _figures("It happened on December 6, 2024.")] == [("2024", "year")]


@pytest.mark.parametrize(
    ("body", "text", "value", "unit", "quantity"),
    [
        # One quantity written in two units.
        ("He is 5 feet and 2 inches tall.", "5 feet and 2 inches", 5 + 2 / 12, "ft", "length"),
        ("The length is 12 ft 2 in more or less.", "12 ft 2 in", 12 + 2 / 12, "ft", "length"),
        ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD", "money"),
        ("It cost 4 pounds 20 pence.", "4 pounds 20 pence", 4.2, "GBP", "money"),
        ("The count took 2 hours 30 minutes.", "2 hours 30 minutes", 2.5, "hour", "duration"),
        # Proportions.
        ("One in three Americans say so.", "One in three", 1 / 3, None, "proportion"),
        ("two out of five hundred sets failed", "two out of five hundred", 0.004, None, "proportion"),
        ("1 in 5 voters stayed home.", "1 in 5", 0.2, None, "proportion"),
    ],
)
def test_compound_measures_and_proportions(body: str, text: str, value: float, unit: str | None,
                                           quantity: str) -> None:
    figure = _one(body, text)
    assert figure.value == pytest.approx(value)
    assert (figure.unit, figure.quantity) == (unit, quantity)
    assert body[figure.span[0]:figure.span[1]] == text


@pytest.mark.parametrize(
    ("body", "texts"),
    [
        ("He won one in 2016.", ["2016"]),  # a year is no denominator
        ("He is 5 feet and 14 inches.", ["5 feet", "14 inches"]),  # 14 inches are more than a foot
        ("It cost 3 dollars, and 50 cents went to tax.", ["3 dollars", "50 cents"]),  # a comma parts them
    ],
)
def test_not_compounds_or_proportions(body: str, texts: list[str]) -> None:
    assert [f.text for f in _figures(body)] == texts


def test_a_refused_match_leaves_the_figures_after_it() -> None:
    # "quarter to $ 254 million" first reads as a range from "quarter"; refused, the money is still found.
    body = "Net interest income sank 27 % in the quarter to $ 254 million ."
    assert [(f.text, f.value) for f in _figures(body)] == [("27 %", 27.0), ("$ 254 million", 254_000_000.0)]
