"""Figures by category: fractions, signs, separators, word numbers, scales, money, percentages,
dimensions, ages, temperatures, bounds and ranges — each with cases that must give nothing."""

from __future__ import annotations

import pytest

from services.claims.extract import extract_claims

_ANY = object()


def _figures(body: str) -> list:
    return [c for c in extract_claims(body, article_id="t") if c.kind == "figure"]


def _only(body: str):
    figures = _figures(body)
    assert len(figures) == 1, [f.text for f in figures]
    figure = figures[0]
    assert figure.text == body[figure.span[0]:figure.span[1]]
    return figure


def _check(figure, expected: dict) -> None:
    for field, value in expected.items():
        got = getattr(figure, field)
        if isinstance(value, float) and got is not None:
            assert got == pytest.approx(value), field
        else:
            assert got == value, field


# (sentence, span text of its one figure, expected fields)
CASES = [
    # fractions
    ("The beam is 2 1/2 metres thick.", "2 1/2 metres", {"value": 2.5, "unit": "m"}),
    ("Only 3/4 of the seats were sold.", "3/4", {"value": 0.75}),
    ("Add ½ cup of rice.", "½ cup", {"value": 0.5, "unit": "cup"}),
    ("Two thirds of voters stayed home.", "Two thirds", {"value": 2 / 3}),
    ("A third of the budget went on roads.", "A third", {"value": 1 / 3}),
    ("It took one and a half hours.", "one and a half hours", {"value": 1.5, "unit": "hour"}),
    ("The town has five and a half thousand homes.", "five and a half thousand homes", {"value": 5500}),
    ("She bought half a dozen eggs.", "half a dozen eggs", {"value": 6}),
    ("Nearly half of the staff left.", "Nearly half", {"value": 0.5, "approximate": True}),
    ("three quarters of a mile", "three quarters", {"value": 0.75}),
    # negatives
    ("Inflation was -0.5 percent in May.", "-0.5 percent", {"value": -0.5, "unit": "percent"}),
    ("The index fell to minus 12 points.", "minus 12 points", {"value": -12}),
    ("It was −3.5 last night.", "−3.5", {"value": -3.5}),
    # separators and decimals
    ("The city has 1,234,567 residents.", "1,234,567 residents", {"value": 1234567, "quantity": "people"}),
    ("Some 40 000 fans.", "Some 40 000 fans", {"value": 40000, "approximate": True}),
    ("Its share rose to .25 of the market.", ".25", {"value": 0.25}),
    ("The rate is 6.25 now.", "6.25", {"value": 6.25}),
    ("A dose of 1.3e6 units", "1.3e6 units", {"value": 1.3e6}),
    # long word numbers
    ("They counted one hundred and twenty-three thousand ballots.",
     "one hundred and twenty-three thousand ballots", {"value": 123000}),
    ("Forty - two boats sailed.", "Forty - two boats", {"value": 42}),
    ("The score was two hundred point five.", "two hundred point five", {"value": 200.5}),
    # scales
    ("The plan costs 1.5 million.", "1.5 million", {"value": 1.5e6}),
    ("Exports hit 2.3bn.", "2.3bn", {"value": 2.3e9}),
    ("They raised €10M last year.", "€10M", {"value": 1e7, "unit": "EUR"}),
    ("Over 5k runners.", "Over 5k runners",
     {"value": None, "low": 5000, "low_inclusive": False, "qualifier": "over"}),
    ("Debt reached 13 lakh rupees.", "13 lakh rupees", {"value": 1.3e6, "unit": "INR"}),
    ("The firm lost 30 MUSD.", "30 MUSD", {"value": 3e7, "unit": "USD"}),
    # currencies
    ("Tickets cost $15.", "$15", {"value": 15, "unit": "USD", "quantity": "money"}),
    ("The deal was worth US$ 2 billion.", "US$ 2 billion", {"value": 2e9, "unit": "USD"}),
    ("He paid C$ 300 for it.", "C$ 300", {"value": 300, "unit": "CAD"}),
    ("The bill came to 5,000 yen.", "5,000 yen", {"value": 5000, "unit": "JPY"}),
    ("Output was 100 billion yuan.", "100 billion yuan", {"value": 1e11, "unit": "CNY"}),
    ("They offered 528 million francs.", "528 million francs", {"value": 5.28e8, "unit": "FRF"}),
    ("A bid of 470 pence a share", "470 pence", {"value": 470, "unit": "GBp"}),
    ("Prices rose 20 cents.", "20 cents", {"value": 20, "unit": "cent"}),
    ("They spent 20 million pounds on it.", "20 million pounds", {"value": 2e7, "unit": "GBP"}),
    ("He lost 25 pounds in a year.", "25 pounds", {"value": 25, "unit": "lb", "quantity": "mass"}),
    ("The price is USD 200.", "USD 200", {"value": 200, "unit": "USD"}),
    ("Fees were 10 €.", "10 €", {"value": 10, "unit": "EUR"}),
    ("It sold for ¥3,000.", "¥3,000", {"value": 3000, "unit": "JPY"}),
    # percentages
    ("Turnout rose 5 per cent.", "5 per cent", {"value": 5, "unit": "percent"}),
    ("Support fell to 30 percent.", "30 percent", {"value": 30, "unit": "percent"}),
    ("Prices rose 2.5 percentage points.", "2.5 percentage points", {"value": 2.5, "unit": "pp"}),
    # dimensions and units
    ("The room is 3 x 4 metres.", "4 metres", {"value": 4, "unit": "m"}),
    ("The tanker carried 500,000 barrels.", "500,000 barrels", {"value": 5e5, "unit": "bbl"}),
    ("a 10-gallon water cooler", "10-gallon", {"value": 10, "unit": "gal"}),
    ("The plot covers 660 square meters.", "660 square meters", {"value": 660, "unit": "m2"}),
    ("The car does 120 km/h.", "120 km/h", {"value": 120, "unit": "km/h", "quantity": "speed"}),
    ("Winds reached 188 miles an hour.", "188 miles an hour", {"value": 188, "unit": "mph"}),
    ("The tablet contains 150 mg of caffeine.", "150 mg", {"value": 150, "unit": "mg"}),
    ("The drive has 8 GB of memory.", "8 GB", {"value": 8, "unit": "GB"}),
    ("The archive holds 10-15 exabytes of data.", "10-15 exabytes", {"low": 10, "high": 15, "unit": "EB"}),
    ("The agency stores 5 petabytes.", "5 petabytes", {"value": 5, "unit": "PB", "quantity": "information"}),
    ("Workers got 250 millisieverts.", "250 millisieverts",
     {"value": 250, "unit": "mSv", "quantity": "dose"}),
    ("Farmers lost 16,000 metric tons of grain.", "16,000 metric tons", {"value": 16000, "unit": "t"}),
    # ages
    ("A 35-year-old man was arrested.", "35-year-old", {"value": 35, "unit": "year", "quantity": "age"}),
    ("She is 29 years old.", "29 years old", {"value": 29, "unit": "year", "quantity": "age"}),
    ("The victim, aged 35, died.", "35", {"value": 35, "unit": "year", "quantity": "age"}),
    ("He dodged the question three times.", "three times", {"value": 3}),  # words after a label noun count
    ("They staged 26 debates in all.", "26 debates", {"value": 26, "unit": None, "quantity": "count"}),  # no "age"
    ("said Mona Lamberson, 59, of North Philadelphia.", "59", {"value": 59, "unit": "year", "quantity": "age"}),
    ("The board saw Fiorina, then 44, as the driver.", "44", {"value": 44, "unit": "year", "quantity": "age"}),
    ("Delegates: Texas, 38, and Ohio, 12.", "38", {"value": 38, "unit": None, "quantity": "count"}),  # a list
    # temperatures
    ("It fell to -5°C overnight.", "-5°C", {"value": -5, "unit": "Cel", "quantity": "temperature"}),
    ("It was 30 degrees Fahrenheit.", "30 degrees Fahrenheit", {"value": 30, "unit": "degF"}),
    ("Water boils at 100 °C.", "100 °C", {"value": 100, "unit": "Cel"}),
    ("It was 40 deg celsius outside.", "40 deg celsius", {"value": 40, "unit": "Cel"}),
    # ranges and bounds
    ("Between 10 and 20 boats were lost.", "Between 10 and 20 boats",
     {"value": None, "low": 10, "high": 20, "low_inclusive": True, "high_inclusive": True}),
    ("Prices went from 5 to 10 dollars.", "from 5 to 10 dollars", {"low": 5, "high": 10, "unit": "USD"}),
    ("Expect 10–20 cm of snow.", "10–20 cm", {"low": 10, "high": 20, "unit": "cm"}),
    ("Doses of 44 mg to 50 mg were given.", "44 mg to 50 mg", {"low": 44, "high": 50, "unit": "mg"}),
    ("It ranged from -18 °C to -34 °C.", "from -18 °C to -34 °C", {"low": -34, "high": -18, "unit": "Cel"}),
    ("a 8- to 16-meter telescope", "8- to 16-meter", {"low": 8, "high": 16, "unit": "m"}),
    ("More than 10 but less than 20 boats were lost.", "More than 10 but less than 20 boats",
     {"value": None, "low": 10, "high": 20, "low_inclusive": False, "high_inclusive": False}),
    ("They want at most 100 and at least 20 seats.", "at most 100 and at least 20 seats",
     {"low": 20, "high": 100, "low_inclusive": True, "high_inclusive": True}),
    ("At least 12 people died.", "At least 12 people",
     {"value": None, "low": 12, "low_inclusive": True, "high": None, "qualifier": "at least"}),
    ("Up to 30 trucks crossed.", "Up to 30 trucks", {"high": 30, "high_inclusive": True, "qualifier": "up to"}),
    ("No more than 50 guests were invited.", "No more than 50 guests",
     {"high": 50, "high_inclusive": True, "qualifier": "no more than"}),
    ("The score is greater than or equal to 30.", "greater than or equal to 30",
     {"low": 30, "low_inclusive": True, "high": None}),
    ("Pick a value >10.", ">10", {"low": 10, "low_inclusive": False}),
    ("Any score of <= 5 is a fail.", "<= 5", {"high": 5, "high_inclusive": True}),
    ("They expect 500 or more guests.", "500 or more guests",
     {"value": None, "low": 500, "low_inclusive": True, "qualifier": "or more"}),
    ("Spending exceeded 3000 pounds.", "exceeded 3000 pounds", {"low": 3000, "low_inclusive": False}),
    ("The count equals 20.", "equals 20", {"value": 20, "qualifier": "equals"}),
    ("the 2013-14 season", "2013-14 season", {"low": 2013, "high": 2014, "quantity": "year"}),
    # composite numbers: digits with scale words, fractions of a scale, spelled decimals
    ("The fund holds 4 thousand 3 hundred and 21 shares.", "4 thousand 3 hundred and 21 shares", {"value": 4321}),
    ("They raised 3 million and a half in May.", "3 million and a half", {"value": 3_500_000}),
    ("The debt reached two thirds of a million dollars.", "two thirds of a million dollars",
     {"value": 2_000_000 / 3, "unit": "USD"}),
    ("Add five - eighths of a cup.", "five - eighths", {"value": 0.625}),
    ("The reading was nought point five.", "nought point five", {"value": 0.5}),
    # ordinals past twelfth as denominators and ranks
    ("Only one twenty-fifth of the budget was spent.", "one twenty-fifth", {"value": 0.04}),
    ("It takes a millionth of a second.", "a millionth", {"value": 1e-6}),
    ("The tally was two and fifty-four hundredths.", "two and fifty-four hundredths", {"value": 2.54}),
    ("It is the thirty-second-largest city.", "thirty-second-largest", {"value": 32, "quantity": "rank"}),
    # powers and exponents with any base
    ("The ratio is 2.5^-1 here.", "2.5^-1", {"value": 0.4}),
    ("A kibibyte is 8x2^10 bits.", "8x2^10 bits", {"value": 8192, "unit": "bit"}),
    # degrees: a spaced minus and weather words make a temperature
    ("Lows reached - 20 degrees Fahrenheit.", "- 20 degrees Fahrenheit", {"value": -20, "unit": "degF"}),
    ("The temperature hit 34 degrees on Monday.", "34 degrees", {"value": 34, "quantity": "temperature"}),
    ("The ship turned 90 degrees.", "90 degrees", {"value": 90, "quantity": "angle"}),
    ("Water boils at 100° Celsius.", "100° Celsius", {"value": 100, "unit": "Cel"}),
    ("It turned cold overnight. By dawn it was -10C.", "-10C", {"value": -10, "unit": "Cel"}),
    # a currency code before a second amount opens it
    ("It costs rmb 10 or usd 2 there.", "rmb 10", {"value": 10, "unit": "CNY"}),
    # a bare number joined to a figure with a unit shares it
    ("Prices rose 5 or 6 percent.", "5", {"value": 5, "unit": "percent"}),
    ("They were given 45 and 50 mg of the drug.", "45", {"value": 45, "unit": "mg"}),
    # "in" is inches before a size word or at the end of a sentence
    ("The door is 2 1/2 in thick.", "2 1/2 in", {"value": 2.5, "unit": "in"}),
    ("The screen is 15\" wide.", "15\"", {"value": 15, "unit": "in"}),
    # a margin after a value gives both ends; a scale after a scale multiplies it; dozen abbreviations
    ("The rod is 2.5 ± 0.1 m long.", "2.5 ± 0.1 m", {"value": 2.5, "low": 2.4, "high": 2.6, "unit": "m"}),
    ("Support stood at 45% +/- 3%.", "45% +/- 3%", {"value": 45, "low": 42, "high": 48, "unit": "percent"}),
    ("The plan costs 3 lakh crore rupees.", "3 lakh crore rupees", {"value": 3e12, "unit": "INR"}),
    ("They shipped 5 doz crates.", "5 doz crates", {"value": 60}),
    ("The patient is a 71 yo woman.", "71 yo", {"value": 71, "quantity": "age"}),
    ("The 6-foot-2 guard scored.", "6-foot-2", {"value": 6 + 2 / 12, "unit": "ft"}),
    ("Interest rates fell to zero last year.", "zero", {"value": 0}),
    # money: cents after an amount whose currency follows it, a scale after a currency code
    ("The ticket costs 15 dollars 50.", "15 dollars 50", {"value": 15.5, "unit": "USD"}),
    ("It sold for thirteen dollars and forty five.", "thirteen dollars and forty five", {"value": 13.45, "unit": "USD"}),
    ("The firm lost 75 USD million last year.", "75 USD million", {"value": 75_000_000, "unit": "USD"}),
    # a scale never takes a number holding the same scale: two ends of a range
    ("Between two million and three million people fled.", "Between two million and three million people",
     {"value": None, "low": 2_000_000, "high": 3_000_000}),
    # "one" after a determiner is a number when a measure follows it
    ("The road needs that one mile of new asphalt.", "one mile", {"value": 1, "unit": "mi"}),
    # a currency code glued to the amount; the word before it counts nothing
    ("The shop gave away 3 USD50 vouchers.", "USD50", {"value": 50, "unit": "USD", "quantity": "money"}),
    # continental grouping: dot thousands, comma decimals
    ("The bill came to €1.234,56 in Berlin.", "€1.234,56", {"value": 1234.56, "unit": "EUR"}),
    # a first end larger than the second as written keeps its own magnitude
    ("Stock worth between $500,000 and $1 million.", "between $500,000 and $1 million",
     {"value": None, "low": 500_000, "high": 1_000_000, "unit": "USD"}),
    # a long scale glued to the amount
    ("The campaign had $28.4million in cash.", "$28.4million", {"value": 28_400_000, "unit": "USD"}),
    # "over" as the particle of a verb bounds nothing
    ("Donors handed over $25 million last month.", "$25 million",
     {"value": 25_000_000, "low": None, "qualifier": None}),
    # years stay years
    ("The law dates from 1998.", "from 1998", {"value": 1998, "quantity": "year"}),
    ("He studied the 2012 attacks closely.", "2012", {"value": 2012, "quantity": "year", "about": None}),
    ("About 2000 people marched.", "About 2000 people", {"value": 2000, "quantity": "people"}),
]


@pytest.mark.parametrize(("body", "text", "expected"), CASES, ids=[c[1] for c in CASES])
def test_figure_categories(body: str, text: str, expected: dict) -> None:
    figures = [f for f in _figures(body) if f.text == text]
    assert figures, f"no figure {text!r} in {[f.text for f in _figures(body)]}"
    assert figures[0].text == body[figures[0].span[0]:figures[0].span[1]]
    _check(figures[0], expected)


@pytest.mark.parametrize(
    "body",
    [
        "Call 24/7 to report it.",  # a slogan, not 3.43
        "After 9/11 the rules changed.",  # a date
        "The meeting is on 5/17/2018.",  # a date
        "Call +1-222-555-0100 now.",  # a phone number
        "The G20 and COVID-19 dominated.",  # identifiers
        "The council passed Resolution 2254 in May.",  # a name
        "It opened in 1995-01 as planned.",  # a year and month
        "The first half was dull.",  # "half" counting nothing
        "He won a third term.",  # an ordinal, not a fraction
        "I prefer that one.",  # a pronoun
        "It lasted several hundred years.",  # a vague count, not 100
        "See https://x.org/a?q=30%20and%2099 for more.",  # URL escapes
        "At 2 pm the talks ended.",  # a time
        "The second round starts now.",  # an ordinal
        "The fourth quarter was weak.",  # an ordinal and a noun, not 4 and 1/4
        "It is the twenty-first century.",  # an ordinal, not 20
        "Crowds gathered at ground zero.",  # a name
        "The court issued a 5-4 ruling.",  # a vote tally, not a range of 4 to 5
        "The fund's 13F filing came late.",  # a form name, not 13 °F
        "They chartered a Boeing 777F for the trip.",  # a model name
        "It is not a zero-sum game.",  # a compound adjective
        "Polls close at 7 p.m. on Tuesday.",  # a time, not seven pence
        '<tweet id="672138506081275904"> was posted.',  # a markup attribute
        "She had her twenty-fifth birthday.",  # an ordinal, not 1/25
        "I chose the one day we had free.",  # a particular day, not a duration of one day
        "He wants the No. 2 spot on the ticket.",  # a rank in a name
        "The rise of 401(k) plans continued.",  # a plan's name
        "Read part 2 here.",  # a label, not a count
        "They met in precinct 78 on Monday.",  # a label
        "11: 06 a.m.  The campaign began.",  # a time written with a space
    ],
)
def test_not_figures(body: str) -> None:
    assert [f.text for f in _figures(body)] == []


def test_compound_durations_stay_separate() -> None:
    body = "He ran for 3 years, 2 months and 14 days."
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == [
        ("3 years", 3, "year"), ("2 months", 2, "month"), ("14 days", 14, "day"),
    ]


def test_a_restated_amount_in_brackets_is_an_equivalent() -> None:
    [figure] = _figures("The average weight is 10kg (25lbs).")
    assert (figure.value, figure.unit) == (10, "kg")
    assert [(e.text, e.value, e.unit) for e in figure.equivalents] == [("25lbs", 25, "lb")]


def test_two_bounds_that_cannot_make_a_range_stay_two_figures() -> None:
    body = "More than 40 and less than 10 are both wrong."
    assert [(f.low, f.high) for f in _figures(body)] == [(40, None), (None, 10)]


def test_a_scale_is_not_followed_by_a_bare_small_number() -> None:
    body = "He sold five million two years ago."
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == [("five million", 5_000_000, None), ("two years", 2, "year")]


def test_a_number_word_ends_the_counted_phrase() -> None:
    body = "They split the six delegates three ways."
    assert [(f.text, f.value) for f in _figures(body)] == [("six delegates", 6), ("three ways", 3)]


def test_a_count_with_a_verb_is_no_cents() -> None:
    body = "He paid 300 dollars and 20 were stolen."
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == [("300 dollars", 300, "USD"), ("20", 20, None)]


def test_a_spaced_dash_before_a_count_is_no_sign() -> None:
    body = "Results - 20 firms failed."
    assert [(f.text, f.value) for f in _figures(body)] == [("20 firms", 20)]


def test_a_restated_range_stays_a_figure_of_its_own() -> None:
    body = "They plan an 8- to 16-meter (320- to 640-inch) mirror."
    assert [(f.text, f.low, f.high, f.unit, f.equivalents) for f in _figures(body)] == [
        ("8- to 16-meter", 8, 16, "m", ()), ("320- to 640-inch", 320, 640, "in", ()),
    ]


def test_a_number_before_in_and_a_word_is_a_count() -> None:
    body = "Jobs went from 166 in May to 139 in June."
    assert [(f.text, f.value, f.unit) for f in _figures(body)][-1] == ("139", 139, None)


def test_a_quote_mark_after_a_number_is_no_inch() -> None:
    body = 'Her answer was "about 40" at first.'
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == [("about 40", 40, None)]


def test_a_bare_number_and_a_count_of_people_stay_apart() -> None:
    body = "He killed 45 and injured 50 people."
    assert [(f.text, f.unit, f.quantity) for f in _figures(body)] == [("45", None, "count"), ("50 people", None, "people")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The room is 2 x 3 m.", [("2", 2, "m"), ("3 m", 3, "m")]),
        ("The plot measures 20 by 30 feet.", [("20", 20, "ft"), ("30 feet", 30, "ft")]),
        ("The rate fell to 50 by 10 percent.", [("50", 50, None), ("10 percent", 10, "percent")]),
    ],
)
def test_the_sides_of_a_size_share_a_length_unit(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "or more than" before a number opens a comparison, not an open end of the number before it
        ("Bids of 80 or more than 90 dollars came in.", [("80", 80, None, None), ("more than 90 dollars", None, 90, None)]),
        ("They seated 300 or fewer than 250 guests.", [("300", 300, None, None), ("fewer than 250 guests", None, None, 250)]),
        # with no number after "than" it is still the open end
        ("She scored 200 or greater than that.", [("200 or greater", None, 200, None)]),
    ],
)
def test_an_open_end_before_than_and_a_number_is_a_comparison(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.low, f.high) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "text", "expected"),
    [
        ("It was picked by nearly three in 10 voters.", "nearly three in 10",
         {"value": 0.3, "qualifier": "nearly", "approximate": True, "quantity": "proportion"}),
        ("More than one in five adults smoke.", "More than one in five",
         {"value": None, "low": 0.2, "low_inclusive": False, "qualifier": "more than"}),
        ("Expect 2 in 5 or more to fail.", "2 in 5 or more",
         {"value": None, "low": 0.4, "low_inclusive": True, "qualifier": "or more"}),
    ],
)
def test_a_proportion_takes_its_qualifier(body: str, text: str, expected: dict) -> None:
    [figure] = _figures(body)
    assert figure.text == text
    _check(figure, expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # two amounts high to low are a score or a change, not a range; a bare first side shares the unit
        ("The mayor leads 57 percent to 33 percent.", [("57 percent", 57, "percent"), ("33 percent", 33, "percent")]),
        ("She would win 52 to 38 percent.", [("52", 52, "percent"), ("38 percent", 38, "percent")]),
        ("The bill passed 90 to 10 in the Senate.", [("90", 90, None), ("10", 10, None)]),
        ("Approval fell from 71 percent to 55 percent.", [("from 71 percent", 71, "percent"), ("55 percent", 55, "percent")]),
        # a year before "to" and an amount is the year of the amount before it
        ("Sales went from $3 million in 2014 to $5 million in 2015.",
         [("from $3 million", 3e6, "USD"), ("2014", 2014, None), ("$5 million", 5e6, "USD"), ("2015", 2015, None)]),
    ],
)
def test_amounts_written_high_to_low_are_no_range(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "text", "low", "high"),
    [
        ("Lows of -5 to -10 degrees are expected.", "-5 to -10 degrees", -10, -5),  # negative ends: a range
        ("Between 50 and 20 boats were lost.", "Between 50 and 20 boats", 20, 50),  # "between" makes a range
        ("from 2008 to 2012", "from 2008 to 2012", 2008, 2012),  # a span of years
    ],
)
def test_ranges_that_stay_ranges(body: str, text: str, low: float, high: float) -> None:
    [figure] = _figures(body)
    assert (figure.text, figure.low, figure.high) == (text, low, high)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # number words that cannot add up are two numbers, not their sum
        ("He served two four-year terms.", [("two", 2, None), ("four-year", 4, "year")]),
        ("The code was three-nought-four.", [("three", 3, None)]),
        ("It was a one-two punch.", []),
        # one number: a tens word and a unit, scales between words
        ("They sold one hundred twenty-five thousand copies.",
         [("one hundred twenty-five thousand copies", 125_000, None)]),
    ],
)
def test_number_words_that_read_as_several_numbers(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a split of votes written with a hyphen: two shares, not a range
        ("Democrats backed it 89%-6%, a survey found.", [("89%", 89, "percent"), ("6%", 6, "percent")]),
        ("Prices rose 10%-20% in May.", [("10%-20%", None, "percent")]),  # low to high: a range
        # the number of a list item opening a line is no figure; a year opening a line is
        ("Topics today:\n1. FIREWORKS FLY IN DEBATE.\n2) Voters face 3 choices.", [("3 choices", 3, None)]),
        ("Intro.\n1988. The year it began.", [("1988", 1988, None)]),
        ("He won 7. John said so.", [("7", 7, None)]),
        # hard-wrapped copy: a line may open with the number that ends the sentence above it
        ("The death toll rose to\n12. Officials said more may die.", [("12", 12, None)]),
        ("THE LIST\n3. Senate votes.", []),
        # a percentage-point margin written with a hyphen
        ("She had a 10 percentage-point lead.", [("10 percentage-point", 10, "pp")]),
    ],
)
def test_splits_list_marks_and_point_margins(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "over" after an amount or opening a sentence before a comma is the period it is spread over
        ("The plan costs $30 billion over 10 years.", [("$30 billion", 3e10, None, None), ("10 years", 10, None, None)]),
        ("Over five years, the city grew.", [("five years", 5, None, None)]),
        # elsewhere it is "more than"
        ("He served for over 20 years.", [("over 20 years", None, 20, "over")]),
    ],
)
def test_over_before_a_duration(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.low, f.qualifier) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "text", "value", "unit"),
    [
        # a margin of error is its size, neither negative nor a bound
        ("The margin of error is plus or minus 3.4 percentage points.", "plus or minus 3.4 percentage points", 3.4, "pp"),
        ("Margin of error +/-3 percentage points.", "+/-3 percentage points", 3, "pp"),
        ("The margin is ± 2 points.", "± 2 points", 2, None),
    ],
)
def test_a_margin_before_a_number(body: str, text: str, value: float, unit: str | None) -> None:
    [figure] = _figures(body)
    assert (figure.text, figure.value, figure.low, figure.high, figure.unit) == (text, value, None, None, unit)
    assert not figure.approximate


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "N to 1" is a ratio, its first term the value
        ("Both parties split 4 to 1 in favor.", [("4 to 1", 4, "ratio", None)]),
        ("She won by nearly 3-to-1 in the state.", [("nearly 3-to-1", 3, "ratio", "nearly")]),
        # a vote or a tie joined by "-to-" is a tally, as with a hyphen; low to high it is a range
        ("The court ruled in a 5-to-4 decision.", []),
        ("The court ruled in an 8-to-1 decision.", []),
        ("The measure passed by a 2-to-1 margin.", [("2-to-1", 2, "ratio", None)]),
        ("The poll of 18-to-34-year-olds ended.", [("18-to-34-year-old", None, "age", None)]),
    ],
)
def test_ratios_and_tallies_written_with_to(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.quantity, f.qualifier) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a label noun opening the sentence still labels the digits after it
        ("Route 66 is famous.", []),
        ("Article 50 was triggered in March.", []),
        ("District 9 has 12 precincts.", [("12 precincts", 12, "count", None)]),
        ("Nearly 40 people died.", [("Nearly 40 people", 40, "people", None)]),
        # "now"/"then" and a number give an age only when no noun follows it
        ("The Nasdaq, now 95 points lower, fell.", [("95 points", 95, "count", None)]),
        ("Mr. Daniloff, now 81 and retired, spoke.", [("81", 81, "age", "year")]),
        # "in" and a time unit after the second number is a duration, not a proportion
        ("He answered question 3 in 10 minutes.", [("10 minutes", 10, "duration", "minute")]),
        ("Two out of three days were lost.", [("Two out of three", 2 / 3, "proportion", None)]),
        # poll copy: "voters ages 18 to 29"
        ("Turnout among voters ages 18 to 29 rose.", [("18 to 29", None, "age", "year")]),
        # after "this", "each", "every" … a label noun is a time or a share; no label takes a scale word
        ("This season 30 players were cut.", [("30 players", 30, "count", None)]),
        ("Every episode 2 million viewers tuned in.", [("2 million viewers", 2e6, "count", None)]),
        ("Bernie Sanders' 13 million voters", [("13 million voters", 13e6, "people", None)]),
        ("Voters in precinct 78 backed him.", []),
    ],
)
def test_labels_apposed_ages_and_proportions(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.quantity, f.unit) for f in _figures(body)] == expected


def test_a_margin_written_out_after_a_value_gives_its_ends() -> None:
    figure = _only("The economy grew 2.5 percent plus or minus 0.5 percent.")
    assert (figure.text, figure.value, figure.low, figure.high, figure.unit) == (
        "2.5 percent plus or minus 0.5 percent", 2.5, 2.0, 3.0, "percent")


@pytest.mark.parametrize(
    ("body", "text", "about"),
    [
        # an irregular past tense after the noun ends the counted phrase, as "-ed" verbs do
        ("In the fall, some 90 young conservatives met at a farm.", "some 90 young conservatives", "conservatives"),
        ("About 4 in 10 say they want change.", "About 4 in 10", None),
        ("Twenty-four percent said they would vote.", "Twenty-four percent", None),
        ("The campaign had 197 paid employees.", "197 paid employees", "employees"),
        # a participle before a noun of people, or any hyphenated word, is an adjective in the phrase
        ("The survey of 1,200 registered voters ended.", "1,200 registered voters", "voters"),
        ("It obtained 72 work-related emails.", "72 work-related emails", "emails"),
        ("Police said 12 killed in the blast.", "12 killed", "killed"),  # "killed" counts the dead
        # an adverb after the counted noun ends the phrase
        ("About 4 in 10 registered voters overall agree.", "About 4 in 10", "voters"),
        ("She was 22 points behind Mr. Trump.", "22 points", "points"),
    ],
)
def test_where_the_counted_phrase_ends(body: str, text: str, about: str | None) -> None:
    [figure] = _figures(body)
    assert (figure.text, figure.about) == (text, about)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a bare 19xx/20xx before a plural noun is the year of what follows
        ("The 2012 attacks were condemned.", [("2012", 2012, "year")]),
        ("Trump's 2016 rivals stayed home.", [("2016", 2016, "year")]),
        # a round 1900 or 2000 is a year only after a determiner, a possessive or "in", "since" …
        ("The 2000 elections were close.", [("2000", 2000, "year")]),
        ("In 2000 voters chose Bush.", [("2000", 2000, "year")]),
        ("They sent 2000 troops.", [("2000 troops", 2000, "people")]),
        ("A poll of 2000 voters found it.", [("2000 voters", 2000, "people")]),
    ],
)
def test_a_year_before_a_plural_noun(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.quantity) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a score after a name: its first side is no part of the name
        ("Clinton would beat Trump 46 to 40 percent.", [("46", 46, "percent"), ("40 percent", 40, "percent")]),
        ("Clinton leads Bernie Sanders 1,428 to 1,153 in delegates.", [("1,428", 1428, None), ("1,153", 1153, None)]),
        # a day of a month is neither a range's end nor a count, even before a unit
        ("It rose from 40 percent on July 14 to 46 percent.",
         [("from 40 percent", 40, "percent"), ("46 percent", 46, "percent")]),
        ("The poll was conducted July 8 to 12 by phone.", []),
        ("The poll was conducted Nov. 6-9 by phone.", []),
    ],
)
def test_scores_after_names_and_days_of_months(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a fraction of a group is a proportion of it, like "one in three"
        ("Half of voters said yes.", [("Half", 0.5, "proportion", "voters")]),
        ("Nearly two-thirds of the voters agree.", [("Nearly two-thirds", 2 / 3, "proportion", "voters")]),
        ("A third of Americans agree.", [("A third", 1 / 3, "proportion", "americans")]),
        # a part of a period, a thing or a mixed number is not
        ("In the first half of 2016 sales rose.", [("2016", 2016, "year", None)]),
        ("The other half of the money went.", []),
        ("He served a decade and a half of terms.", []),
        ("Most Democrats and two thirds of Republicans agree.", [("two thirds", 2 / 3, "proportion", "republicans")]),
        # a fraction alone is no share ("the first half")
        ("Half were women.", []),
        # before a poll verb a fraction is the share of those asked; "half the" is "half of the"
        ("Half said so.", [("Half", 0.5, "proportion", None)]),
        ("Nearly two thirds support the plan.", [("Nearly two thirds", 2 / 3, "proportion", None)]),
        ("Half the voters stayed home.", [("Half", 0.5, "proportion", "voters")]),
        ("He lies half the time.", []),
        ("That is only half the battle.", []),
        ("The other half want change.", []),
        ("A third support the plan.", [("A third", 1 / 3, "proportion", None)]),
        ("Roughly one-fifth said no.", [("Roughly one-fifth", 0.2, "proportion", None)]),
        ("He won a third term.", []),
        ("Most called it unfair, and a third said it was rigged.", [("a third", 1 / 3, "proportion", None)]),
        ("It took a year and a half said Mr. Smith.", []),
    ],
)
def test_a_fraction_of_a_group_is_a_proportion(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.quantity, f.about) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # after a verb of winning or voting "N to 1" is a score, two counts; "split" keeps the ratio
        ("Arsenal won 3 to 1 on Sunday.", [("3", 3, None, None, "count"), ("1", 1, None, None, "count")]),
        ("The board voted 4 to 1 for it.", [("4", 4, None, None, "count"), ("1", 1, None, None, "count")]),
        ("Delegates split 4 to 1.", [("4 to 1", 4, None, None, "ratio")]),
        ("Among women she leads 2 to 1.", [("2 to 1", 2, None, None, "ratio")]),
        # after a verb of change, a bare second number over ten times the first is the level reached
        ("The Dow fell 300 to 17,000 on Monday.",
         [("300", 300, None, None, "count"), ("17,000", 17000, None, None, "count")]),
        ("Output fell 5 to 10 percent.", [("5 to 10 percent", None, 5, 10, "percent")]),
        ("Shares rose 2 to 30 cents.", [("2 to 30 cents", None, 2, 30, "money")]),
        ("The toll rose 30 to 40.", [("30 to 40", None, 30, 40, "count")]),
    ],
)
def test_scores_and_levels_written_with_to(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.low, f.high, f.quantity) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # hyphens may join a whole mixed number
        ("Two-and-a-half million people fled.", [("Two-and-a-half million people", 2.5e6, None)]),
        ("It has been seven-and-a-half years.", [("seven-and-a-half years", 7.5, "year")]),
        ("They built a four-and-a-half-acre park.", [("four-and-a-half-acre", 4.5, "acre")]),
        ("He served five-and-three-quarters years.", [("five-and-three-quarters years", 5.75, "year")]),
        ("Sales rose two and a half percent.", [("two and a half percent", 2.5, "percent")]),
        ("The band played rock-and-a-half.", []),
    ],
)
def test_hyphenated_mixed_numbers(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.unit) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "signed over" is "more than": no one signs bills over to someone
        ("Obama signed over 200 bills.", [("over 200 bills", None, 200, "over")]),
        ("He handed over $25 million.", [("$25 million", 25e6, None, None)]),
        # a resolution, highway or interstate number is a label, even opening a sentence
        ("Resolution 2254 calls for talks.", []),
        ("Traffic on highway 101 stopped.", []),
        ("Interstate 95 was closed.", []),
        # a vote after a label noun is no label
        ("The council adopted the resolution 14 to 0.", [("14", 14, None, None), ("0", 0, None, None)]),
    ],
)
def test_particles_and_more_labels(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.low, f.qualifier) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "-plus" after a number is "or more", "-odd" makes it approximate
        ("He spent 40-plus years there.", [("40-plus years", None, 40, "year", "-plus", False)]),
        ("Forty-plus officers came.", [("Forty-plus officers", None, 40, None, "-plus", False)]),
        ("It carries a $20-plus trillion debt.", [("$20-plus trillion", None, 2e13, "USD", "-plus", False)]),
        ("A deal worth $100 million-plus.", [("$100 million-plus", None, 1e8, "USD", "-plus", False)]),
        ("He is 70-odd.", [("70-odd", 70, None, None, "-odd", True)]),
        ("Some 20-odd soldiers died.", [("Some 20-odd soldiers", 20, None, None, "some", True)]),
        ("The 2-plus-2 talks began.", []),
    ],
)
def test_plus_and_odd_after_a_number(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.low, f.unit, f.qualifier, f.approximate) for f in _figures(body)] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "a couple (of)" before a scale word is about two of it; "a few dozen" is as vague as "a few hundred"
        ("A couple hundred people came.", [("A couple hundred people", 200, None, True)]),
        ("A couple of dozen protesters gathered.", [("A couple of dozen protesters", 24, None, True)]),
        ("The search costs a couple of billion dollars.", [("a couple of billion dollars", 2e9, "USD", True)]),
        ("Several dozen people came.", []),
        ("A few dozen protesters gathered.", []),
        ("A dozen people came.", [("A dozen people", 12, None, False)]),
    ],
)
def test_couples_and_vague_dozens(body: str, expected: list) -> None:
    assert [(f.text, f.value, f.unit, f.approximate) for f in _figures(body)] == expected
