"""Word lists and unit tables for figures (pure core of the claims service).

The figure extractor's vocabulary beyond ``constants``: fraction words, signs, scale abbreviations,
currency words and codes, more units of measure, and the comparison phrases that bound a number.
Every table says where it comes from. ``constants`` keeps the lists shared with the quote extractor;
the unit table used by ``figures`` is ``constants.UNITS`` updated with ``MORE_UNITS``.
"""

from __future__ import annotations

from services.claims.extract.constants import UNITS

# Fraction denominators as written after a numerator ("two thirds", "a quarter", "five eighths"):
# the English ordinal-as-denominator system (Quirk et al., A Comprehensive Grammar, 6.63), plus
# "half"/"halves" and "quarter(s)". Ordinals past twelfth are left out: "a twenty-first" is rare.
FRACTION_WORDS: dict[str, float] = {
    "half": 2, "halves": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "twelfth": 12, "twelfths": 12, "hundredth": 100, "hundredths": 100, "thousandth": 1000,
    "thousandths": 1000, "millionth": 1e6, "millionths": 1e6, "billionth": 1e9, "billionths": 1e9,
    "trillionth": 1e12, "trillionths": 1e12,
}

# Unicode vulgar fractions (Unicode block "Number Forms", U+00BC–U+00BE and U+2150–U+215E).
VULGAR_FRACTIONS: dict[str, float] = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
    "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
}

# Zero as British English writes it ("nought point five") besides "zero".
ZERO_WORDS: frozenset[str] = frozenset({"zero", "nought", "naught", "nil"})

# Words before a spelled-out zero that make it part of a name, not a value ("ground zero").
ZERO_IN_NAMES: frozenset[str] = frozenset({"ground", "size", "patient", "year", "day", "hour"})

# Words for a negative sign before a number ("minus 5", "negative one").
SIGN_WORDS: frozenset[str] = frozenset({"minus", "negative"})

# Scales written as words after a number in South Asian English ("13 lakh", "2 crore"), with the
# word scales of ``constants.SCALE_WORDS``.
MORE_SCALE_WORDS: dict[str, float] = {"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
# Abbreviations of "dozen" in trade and market copy ("3 doz eggs", "5 dz").
DOZEN_ABBREVIATIONS: frozenset[str] = frozenset({"doz", "dozs", "dz", "dzs"})

# Scale abbreviations glued to a number, as financial copy writes them ("$10M", "€10B", "$2.174T",
# "1MM", "2mil", "10 bln"): capitals are the Reuters and Bloomberg styles. Case matters: "10 m" is
# ten metres. "T" only counts after a currency symbol (``figures``): "100t" is a hundred tonnes.
MORE_SCALE_ABBREVIATIONS: dict[str, float] = {
    "K": 1e3, "M": 1e6, "MM": 1e6, "B": 1e9, "BN": 1e9, "Bn": 1e9, "T": 1e12,
    "mil": 1e6, "bln": 1e9, "tln": 1e12, "trn": 1e12,
}

# Currency symbols before a number beyond ``constants.CURRENCY_SYMBOLS``: dollar prefixes of other
# countries (ISO 4217 and the prefixes of the Reuters Handbook, "currencies"), upper and lower case.
MORE_CURRENCY_SYMBOLS: dict[str, str] = {
    **{p: "USD" for p in ("US $", "us $", "u.s $", "U.S. $", "U.S.$", "USD$", "usd$", "USD", "usd")},
    **{p: "CAD" for p in ("C $", "c $", "CA$", "CAD$", "cad$", "CAD")},
    **{p: "AUD" for p in ("A $", "AU$", "AUD$", "aud$", "AUD")},
    **{p: "HKD" for p in ("HK$", "HK $", "hk $", "HKD")},
    **{p: "NZD" for p in ("NZ$", "NZD$", "nzd$", "NZD")},
    **{p: "MXN" for p in ("Mex$", "mex$", "MXN$", "mxn$", "MXN")},
    **{p: "EUR" for p in ("EUR", "eur")},
    **{p: "GBP" for p in ("GBP", "gbp")},
    **{p: "CNY" for p in ("RMB", "rmb", "CNY")},
    **{p: "JPY" for p in ("JPY",)},
    **{p: "CHF" for p in ("CHF", "SFr")},
    **{p: "INR" for p in ("Rs", "Rs.", "INR", "₹")},
    "₿": "BTC", "₩": "KRW", "₽": "RUB", "₺": "TRY", "R$": "BRL",
}

# Money after a number ("5 dollars", "100 billion yuan", "470 pence", "10 €"): ISO 4217 codes as
# units, the currency names of the Reuters Handbook, and currency signs written after the amount.
# "pound(s)" is money only after a scale or with "sterling" (``figures``); otherwise a weight.
CURRENCY_UNITS: dict[str, str] = {
    **dict.fromkeys(["us dollars", "US dollars", "us dollar", "US dollar", "U.S. dollars"], "USD"),
    **dict.fromkeys(["australian dollars", "Australian dollars", "australian dollar"], "AUD"),
    **dict.fromkeys(["canadian dollars", "Canadian dollars", "canadian dollar"], "CAD"),
    **dict.fromkeys(["hong kong dollars", "Hong Kong dollars"], "HKD"),
    **dict.fromkeys(["yen", "Japanese yen"], "JPY"),
    **dict.fromkeys(["yuan", "renminbi", "rmb", "RMB", "CNY", "元", "chinese yuan", "Chinese yuan"], "CNY"),
    **dict.fromkeys(["swiss francs", "Swiss francs", "swiss franc"], "CHF"),
    **dict.fromkeys(["francs", "franc"], "FRF"),
    **dict.fromkeys(["cents", "cent"], "cent"),
    **dict.fromkeys(["pence", "penny", "pennies", "p"], "GBp"),
    **dict.fromkeys(["rupees", "rupee"], "INR"),
    **dict.fromkeys(["roubles", "rubles", "rouble", "ruble"], "RUB"),
    **dict.fromkeys(["pesos", "peso"], "MXN"),
    **dict.fromkeys(["lira", "liras", "turkish lira", "Turkish lira"], "TRY"),
    **dict.fromkeys(["guilders", "dutch guilders", "Dutch guilders"], "NLG"),
    **dict.fromkeys(["pesetas", "peseta"], "ESP"),
    **dict.fromkeys(["markka", "finnish markka", "Finnish markka"], "FIM"),
    **dict.fromkeys(["bitcoins", "bitcoin", "BTC", "btc"], "BTC"),
    **dict.fromkeys(["usd", "US$", "$"], "USD"),
    **dict.fromkeys(["eur", "€"], "EUR"),
    **dict.fromkeys(["gbp", "£"], "GBP"),
    **dict.fromkeys(["jpy", "JPY", "¥"], "JPY"),
    **dict.fromkeys(["CHF"], "CHF"),
    **dict.fromkeys(["INR", "inr"], "INR"),
    **dict.fromkeys(["MUSD"], "USD"),
    **dict.fromkeys(["MEUR"], "EUR"),
    **dict.fromkeys(["MGBP"], "GBP"),
}
# Codes with a leading "M" meaning millions of that currency (Nordic and Swiss financial copy).
MILLION_CODES: frozenset[str] = frozenset({"MUSD", "MEUR", "MGBP"})

# Units of measure beyond ``constants.UNITS``: the units of the quantulum3 and Recognizers-Text
# entity lists that news copy uses, normalised to UCUM-style symbols (ucum.org) as UNITS is.
MORE_UNITS: dict[str, tuple[str, str]] = {
    **{w: ("km", "length") for w in ("kilometer", "Kilometers", "Kilometres", "Km")},
    **{w: ("m", "length") for w in ("m", "meters", "metres", "Meters", "Metres")},
    **{w: ("nm", "length") for w in ("nm", "nanometer", "nanometers", "nanometre", "nanometres")},
    **{w: ("dm", "length") for w in ("dm", "decimeter", "decimeters", "decimetre", "decimetres")},
    **{w: ("in", "length") for w in ('"', "″", "in", "in.", "ins")},
    **{w: ("m2", "area") for w in ("m2", "m²", "sq m", "square meters", "square metres", "square meter",
                                   "square metre")},
    **{w: ("ft2", "area") for w in ("sq ft", "square feet", "square foot")},
    **{w: ("mi2", "area") for w in ("sq mi", "sq miles", "mi2", "mi²")},
    **{w: ("km2", "area") for w in ("sq km", "km^2", "km squared")},
    **{w: ("km3", "volume") for w in ("km3", "km³", "km^3", "cubic kilometers", "cubic kilometres",
                                      "cubic kilometer", "cubic kilometre", "km cubed")},
    **{w: ("m3", "volume") for w in ("m3", "m³", "cubic meters", "cubic metres", "cubic meter",
                                     "cubic metre")},
    **{w: ("ft3", "volume") for w in ("cubic feet", "cubic foot", "cu ft")},
    **{w: ("L", "volume") for w in ("l", "L", "litre", "litres", "liter", "liters")},
    **{w: ("mL", "volume") for w in ("ml", "mL", "millilitre", "millilitres", "milliliter", "milliliters",
                                     "cc", "cm3", "cm³")},
    **{w: ("cL", "volume") for w in ("cl", "cL", "centilitre", "centilitres")},
    **{w: ("gal", "volume") for w in ("gallon", "gallons", "gal")},
    **{w: ("bbl", "volume") for w in ("barrel", "barrels", "bbl")},
    **{w: ("cup", "volume") for w in ("cup", "cups")},
    **{w: ("tbsp", "volume") for w in ("tablespoon", "tablespoons", "tbsp")},
    **{w: ("tsp", "volume") for w in ("teaspoon", "teaspoons", "tsp")},
    **{w: ("mg", "mass") for w in ("mg", "milligram", "milligrams", "milligramme", "milligrammes")},
    **{w: ("ug", "mass") for w in ("µg", "μg", "mcg", "microgram", "micrograms", "microgramme",
                                   "microgrammes")},
    **{w: ("g", "mass") for w in ("g",)},
    **{w: ("oz", "mass") for w in ("oz", "ounce", "ounces")},
    **{w: ("t", "mass") for w in ("t", "metric ton", "metric tonnes", "tonne", "tonnes")},
    **{w: ("lb", "mass") for w in ("lbs.", "lb.")},
    **{w: ("second", "duration") for w in ("second", "seconds", "sec", "secs")},
    **{w: ("week", "duration") for w in ("weeks'", "wks")},
    **{w: ("decade", "duration") for w in ("decade", "decades")},
    **{w: ("century", "duration") for w in ("century", "centuries")},
    **{w: ("km/h", "speed") for w in ("kmph", "km/hr", "km per hour", "kilometers per hour",
                                      "kilometres per hour", "kilometer per hour", "kilometre per hour",
                                      "Kilometers per hour")},
    **{w: ("mph", "speed") for w in ("miles an hour", "mile per hour", "miles per hr")},
    **{w: ("m/s", "speed") for w in ("m/s", "meters per second", "metres per second")},
    **{w: ("kn", "speed") for w in ("knots", "knot")},
    **dict.fromkeys(
        ["° C", "° Celsius", "° celsius", "ºC", "degrees C", "degrees c", "degree C", "degree c",
         "degrees Celsius", "degree celsius", "degree Celsius", "deg C", "deg c", "deg celsius", "celsius",
         "Celsius", "celcius", "centigrade", "degrees centigrade"],
        ("Cel", "temperature"),
    ),
    **dict.fromkeys(
        ["° F", "° Fahrenheit", "° fahrenheit", "ºF", "degrees F", "degrees f", "degree F", "degree f",
         "degree fahrenheit", "degree Fahrenheit", "deg F", "deg f", "fahrenheit", "Fahrenheit", "farenheit",
         "degrees farenheit"],
        ("degF", "temperature"),
    ),
    **{w: ("deg", "angle") for w in ("°", "º", "degrees", "degree", "deg.", "deg")},
    **{w: ("rad", "angle") for w in ("rad", "radians", "radian")},
    **{w: ("bit", "information") for w in ("bit", "bits")},
    **{w: ("byte", "information") for w in ("byte", "bytes")},
    **{w: ("kB", "information") for w in ("kB", "KB", "kilobytes")},
    **{w: ("MB", "information") for w in ("MB", "megabytes")},
    **{w: ("GB", "information") for w in ("GB", "gigabytes")},
    **{w: ("TB", "information") for w in ("TB", "terabytes")},
    **{w: ("PB", "information") for w in ("PB", "petabyte", "petabytes")},
    **{w: ("EB", "information") for w in ("EB", "exabyte", "exabytes")},
    **{w: ("Sv", "dose") for w in ("Sv", "sievert", "sieverts")},  # radiation doses in nuclear-accident copy
    **{w: ("mSv", "dose") for w in ("mSv", "millisievert", "millisieverts")},
    **{w: ("uSv", "dose") for w in ("µSv", "μSv", "microsievert", "microsieverts")},
    **{w: ("W", "power") for w in ("W", "watt", "watts")},
    **{w: ("kW", "power") for w in ("kW", "kilowatt", "kilowatts")},
    **{w: ("MW", "power") for w in ("MW", "megawatt", "megawatts")},
    **{w: ("GW", "power") for w in ("GW", "gigawatt", "gigawatts")},
    **{w: ("Wh", "energy") for w in ("Wh",)},
    **{w: ("kWh", "energy") for w in ("kWh", "kilowatt hours", "kilowatt-hours")},
    **{w: ("MWh", "energy") for w in ("MWh", "megawatt hours", "megawatt-hours")},
    **{w: ("eV", "energy") for w in ("eV",)},
    **{w: ("TeV", "energy") for w in ("TeV",)},
    **{w: ("GHz", "frequency") for w in ("GHz",)},
    **{w: ("MHz", "frequency") for w in ("MHz",)},
    **{w: ("Hz", "frequency") for w in ("Hz", "hertz")},
    **{w: ("V", "voltage") for w in ("V", "volts", "volt")},
    **{w: ("percent", "percent") for w in ("percents", "percentage")},
    **{w: ("pp", "percent") for w in ("percentage-point", "percentage-points")},  # "a 10 percentage-point lead"
    **{w: ("year", "age") for w in ("yo", "y.o.", "y/o")},
    **{w: ("turn", "angle") for w in ("turns",)},
}

# Units that need the number glued to them ("100t", "10l", "2W"): alone after a space they are
# letters ("5 t", "a 10 l"). Extends ``constants.GLUED_ONLY_UNITS``.
MORE_GLUED_ONLY_UNITS: frozenset[str] = frozenset({"t", "l", "L", "g", "W", "V", "nm", "p", "in."})

# The full unit table ``figures`` reads: UNITS, MORE_UNITS and money after the number.
ALL_UNITS: dict[str, tuple[str, str]] = {
    **UNITS, **MORE_UNITS, **{w: (code, "money") for w, code in CURRENCY_UNITS.items()},
}

# Comparison phrases before a number, as bound kind and inclusiveness: the Recognizers-Text English
# NumberRange definitions (MoreOrEqual, LessOrEqual, MoreRegex, LessRegex, EqualRegex), in the
# wordings news copy and plain English use. Extends ``constants.QUALIFIERS``.
COMPARISONS: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(["greater than", "larger than", "bigger than", "higher than", "exceed", "exceeds",
                     "exceeded", "surpass", "surpasses", "surpassed", ">", "in excess of"], ("low", False)),
    **dict.fromkeys(["lower than", "smaller than", "<"], ("high", False)),
    **dict.fromkeys(["no more than", "not more than", "less than or equal to", "equal to or less than",
                     "less or equal than", "lower or equal than", "smaller or equal than", "<=", "< =", "≤",
                     "at or below", "fewer than or equal to"], ("high", True)),
    **dict.fromkeys(["no less than", "not less than", "greater than or equal to", "equal to or more than",
                     "equal to or greater than", "more than or equal to", "at least or equal to",
                     "higher or equal than", "bigger or equal than", "larger or equal than",
                     "greater or equal than", "more or equal than", ">=", "> =", "≥", "at or above",
                     "no fewer than", "not fewer than"], ("low", True)),
    **dict.fromkeys(["equal to", "equals", "equals to", "equaling to", "equalling"], ("exact", True)),
}
# A margin before a number ("a margin of error of plus or minus 3.4 percentage points", "+/- 3"):
# the number is the margin's size, neither a bound nor negative.
MARGINS: dict[str, tuple[str, bool]] = dict.fromkeys(["plus or minus", "+/-", "±"], ("exact", True))

# Open ends after a number ("500 or more", "5000 or less", "200 or greater"): the same bound as the
# comparison it stands for, inclusive (Recognizers-Text, "OneNumberRangeMoreSeparateRegex").
OPEN_ENDS: dict[str, tuple[str, bool]] = {
    **dict.fromkeys(["or more", "and more", "or greater", "or higher", "or above", "or over",
                     "and above", "and over", "or larger", "or bigger"], ("low", True)),
    **dict.fromkeys(["or less", "or fewer", "and less", "and fewer", "or lower", "or below", "or under",
                     "and below", "and under", "or smaller"], ("high", True)),
}

# Words before "one" that make it a pronoun, not a number ("that one costs", "the one you saw").
PRONOUN_ONE_BEFORE: frozenset[str] = frozenset(
    {"the", "that", "this", "which", "each", "every", "any", "no", "no-", "someone", "another", "little"}
)

# Nouns that a number after them labels rather than counts ("part 2", "precinct 78", "channel
# 125", "stage 4"): the capitalised ones are names already (``figure_context``).
NUMBERED_LABELS: frozenset[str] = frozenset(
    """part chapter section article page paragraph clause precinct district ward channel episode
    season room exit route gate flight platform phase stage level grade type category item question
    amendment proposition verse volume issue number resolution highway interstate""".split()
)

# Verbs whose particle "over" comes before the amount they move ("handed over $25 million", "fork
# over thousands"): there "over" bounds nothing. Verbs where it may mean "more than" ("took over
# 100 hostages", "paid over $500") are left out.
VERBS_TAKING_OVER: frozenset[str] = frozenset(
    f"{stem}{end}" for stem in ("hand", "turn", "fork") for end in ("", "s", "ed", "ing")
)

# Verbs before "N to 1" that make it a score or a vote, two counts, not a ratio ("Arsenal won 3 to 1",
# "the board voted 4 to 1"; "split 4 to 1" stays a ratio, and so does a poll's "leads 2 to 1").
SCORE_VERBS: frozenset[str] = frozenset(
    "won win wins beat beats defeated defeats lost lose loses voted vote votes".split()
)

# Verbs of change before "X to Y": when Y is over ten times X, X is the change and Y the level it
# reached ("the Dow fell 300 to 17,000"), not a range ("rose 5 to 10 percent").
CHANGE_VERBS: frozenset[str] = frozenset(
    """fell falls rose rises grew grows jumped jumps climbed climbs gained gains added adds dropped drops slid
    slides slipped slips tumbled tumbles plunged plunges surged surges declined declines increased increases
    decreased decreases shed sheds sank sinks lost""".split()
)

# Nouns of voting after a hyphenated "N-to-1" that make it a tally, as "a 5-to-4 decision" is, not a
# ratio ("an 8-to-1 ruling"); "margin" is left out: "won by a 2-to-1 margin" is a ratio of votes.
TALLY_NOUNS: frozenset[str] = frozenset({"decision", "ruling", "verdict", "vote", "majority"})

# Determiners, possessive pronouns and prepositions of time: after one, a round "2000" before a
# plural noun is a year ("the 2000 elections", "In 2000 voters chose Bush"), elsewhere a count
# ("sent 2000 troops"; "a poll of 2000 voters").
YEAR_LEAD_WORDS: frozenset[str] = frozenset(
    """the a an this that these those his her its their our my your whose in since by until before after
    during""".split()
)

# Words between "half of" and the group it is a share of ("half of the voters", "a third of all
# Americans"), and words before a fraction that make it a part of a period or a thing, not a share of
# a group ("the first half of 2016", "the other half of the money", "the top half of the income
# distribution").
DETERMINERS_OF_A_GROUP: frozenset[str] = frozenset(
    "the all these those their our its his her my your".split()
)
NOT_A_SHARE_BEFORE: frozenset[str] = frozenset(
    "first second third fourth other last latter former final top bottom upper lower".split()
)

# Nouns after "half the" in idioms that count nothing ("half the time", "half the battle", "only half
# the story"): no share of a group.
HALF_IDIOM_NOUNS: frozenset[str] = frozenset({"time", "battle", "story", "fun"})

# Verbs of opinion polls: a fraction right before one is the share of those asked ("Half said so",
# "Two-thirds support the plan", "nearly a third oppose it").
POLL_VERBS: frozenset[str] = frozenset(
    """said say says think thought believe believed want wanted oppose opposed favor favored approve approved
    disapprove disapproved prefer preferred support supported expect expected agree agreed disagree
    disagreed""".split()
)

# Vague quantifiers before a bare scale word: "several hundred", "a few thousand" are not 100, 1,000.
VAGUE_BEFORE_SCALE: frozenset[str] = frozenset({"several", "few", "many", "some"})

# Words before a bare number that make it an age in years ("aged 35", "age 87", "voters ages 18 to
# 29" in poll copy).
AGE_WORDS: frozenset[str] = frozenset({"aged", "age", "ages"})

# Words after "N-year-old" or "N years" that make the figure an age.
AGE_SUFFIXES: tuple[str, ...] = ("-old", " old", " of age", "-olds", " olds")
