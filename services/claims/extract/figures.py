"""Figures: every quantity in the article, normalised (pure core of the claims service).

Four patterns find candidates — plain numbers with their qualifier, currency, scale, range and
unit; vague counts ("tens of thousands"); ranks ("third-largest"); proportions ("one in three") —
and overlapping candidates keep the earliest, longest one. Neighbours that are one quantity ("5 or 6
percent", "five kilometers—barely three miles") are joined by ``figure_merges``; ``figure_ranges``
tells a range ("10-20") from two figures written together ("leads 57 percent to 33"). Bare numbers that
are part of a name, a date or a time ("Resolution 2254", "December 6", "10:30") are not figures;
``figure_counts`` reads the other bare ones as a year, an age, a share or a count.
"""

from __future__ import annotations

import re
from dataclasses import replace

from schemas.claims import FigureClaim
from services.claims.extract.constants import (
    SCALE_WORDS,
    VAGUE_COUNTS,
)
from services.claims.extract.context import ArticleContext
from services.claims.extract.cues import WS, trie
from services.claims.extract.figure_context import (
    WORD_BEFORE,
    counted_phrase,
    follows_month,
    is_name_date_or_time,
    superlative_about,
)
from services.claims.extract.figure_counts import counted
from services.claims.extract.figure_merges import Draft, merge_neighbours
from services.claims.extract.figure_qualifiers import bound_kind, plus_or_before, qualified, qualifier_before
from services.claims.extract.figure_ranges import is_range, is_ratio, is_tally, is_year, ranged
from services.claims.extract.figure_units import (
    CURRENCY_SIGNS,
    degrees_kind,
    is_code_letter,
    optional_group,
    scale_after_code,
    scale_of,
    unit_is_written,
    unit_of,
)
from services.claims.extract.figure_words import (
    AGE_SUFFIXES,
    ALL_UNITS,
    FRACTION_WORDS,
    OPEN_ENDS,
    POLL_VERBS,
    PRONOUN_ONE_BEFORE,
    SIGN_WORDS,
    VAGUE_BEFORE_SCALE,
    VULGAR_FRACTIONS,
)
from services.claims.extract.numbers import (
    ANCHOR_WORDS,
    CURRENCY,
    NUMBER,
    ORDINAL,
    SCALE,
    UNIT,
    alternation,
    first_number_end,
    parse_number,
    parse_ordinal,
    parse_scale,
    spans_with_numbers,
)

Span = tuple[int, int]

# Not glued to a word, a decimal point, a hyphen, a slash, a plus or URL and formula signs, nor a
# markup attribute's value: "G7", "COVID-19", "192.168", "24/7", "+1-222", "%20", "id=305",
# '<tweet id="6721385">' and "2.5^-1" are not figures; after "%-" a number is the second side of a
# split ("backed it 89%-6%"), after "+/-" a margin.
_LEFT = r"(?<![\w’'.$£€/+%=^])(?<![^%/]-)(?<!=\")"
# Words, ranks and proportions never follow "%-" or "+/-": one lookbehind fewer at every position.
_LEFT_OF_WORDS = r"(?<![\w’'.$£€/+%=^-])(?<!=\")"
# What a figure can start with: a digit, a sign, a currency, a number word or an article (as a
# prefix tree, so that most positions fail after a character or two).
_FIRST_CHARS = {*"0123456789.-−", *VULGAR_FRACTIONS, *(c[0] for c in CURRENCY_SIGNS if not c[0].isalpha())}
_FIRST = (
    rf"(?:[{re.escape(''.join(sorted(_FIRST_CHARS)))}]|(?i:{trie([*ANCHOR_WORDS, *SIGN_WORDS])})\b"
    rf"|(?i:an?){WS}|{trie(c for c in CURRENCY_SIGNS if c[0].isalpha())})"
)
# A sign: "-5", "−273.15", "minus 5", "negative one".
_SIGN = rf"(?:[-−](?=[\d.])|[-−]{WS}(?=\d)|(?i:{alternation(SIGN_WORDS)}){WS}+)"
_RANGE = (
    rf"(?:(?P<glue1>{WS}*)(?P<unit1>{UNIT}))?"
    rf"(?P<sep>-to-|{WS}*[-–~]{WS}*|-?{WS}+(?:to|and|through|thru){WS}+)"
    rf"(?P<neg2>{_SIGN})?(?P<cur2>{CURRENCY})?(?P<num2>{NUMBER})(?P<scale2>{SCALE})?"
)
# "40-plus years", "$20-plus trillion", "$100 million-plus", "twenty-odd soldiers" (``_suffixed``).
_SUFFIX = r"-(?i:plus|odd)"
# Rule: "[over] [-][$]2.3[-plus][bn] [-|to|and 3] [km]" — a number with everything that qualifies it.
_PLAIN = re.compile(
    rf"{_LEFT}(?={_FIRST})(?P<neg>{_SIGN})?(?P<cur>{CURRENCY})?(?P<negc>[-−](?=\d))?(?P<num>{NUMBER})"
    rf"(?P<suffix1>{_SUFFIX}(?={WS}+(?i:thousand|million|billion|trillion)\b))?"
    rf"(?P<scale>{SCALE})?(?P<suffix>{_SUFFIX}(?![\w]))?(?:{_RANGE})?"
    rf"(?:(?P<glue>{WS}*|-)(?P<unit>{UNIT})(?![\w]))?(?![\w])"
)
_PLAIN_NO_RANGE = re.compile(_PLAIN.pattern.replace(f"(?:{_RANGE})?", ""))
# Rule: "tens of thousands", "hundreds", "dozens" — counts known only by their magnitude.
_VAGUE = re.compile(
    rf"{_LEFT_OF_WORDS}(?P<vague>(?i:{trie(VAGUE_COUNTS)}))"
    rf"(?:{WS}+of{WS}+(?P<vague2>(?i:thousands|millions|billions)))?(?![\w])"
    rf"(?P<of>{WS}+of\b)?"
)
# Rule: "third-largest", "the second biggest" — an ordinal with a superlative is a rank.
_RANK = re.compile(
    rf"{_LEFT_OF_WORDS}(?=[\dA-Za-z])(?P<ord>{ORDINAL})(?:-(?P<sup1>[A-Za-z]+est|most|least)"
    rf"|{WS}+(?P<sup2>(?i:largest|biggest|highest|lowest|deadliest|worst|best|busiest|longest|oldest|"
    rf"richest|poorest|most|least|smallest|strongest|fastest)))(?![\w])"
)
# Rule: "one in three", "two out of five", "one over twenty" — a proportion, not two counts.
_RATIO = re.compile(
    rf"{_LEFT_OF_WORDS}(?=[\dA-Za-z])(?P<num>{NUMBER}){WS}+(?P<sep>in|out{WS}+of|over){WS}+(?P<num2>{NUMBER})"
    rf"(?P<scale2>{SCALE})?(?![\w])"
)
_RATIO_MAX_DENOMINATOR = 1000  # "one in 2016" is a date, not a proportion
# "answered three in 10 minutes": a time unit after "in" and a number makes that a duration
# ("two out of three days" stays a proportion).
_UNIT_AFTER = re.compile(rf"{WS}+(?P<unit>{UNIT})(?![\w])")
# Rule: "500 or more", "5,000 or less" — an open end after the number bounds it; not before
# "than" and a number, where a comparison opens the next figure ("equal to 5000 or less than 6000").
_OPEN_END = re.compile(rf"{WS}+({alternation(OPEN_ENDS)})(?![\w])(?!{WS}+than{WS}+{_FIRST})")
_INCHES_AFTER_FOOT = re.compile(r"-(\d{1,2})(?![\w.,]|-\d)")
_SPACED_SIGN = re.compile(rf"[-−]{WS}")
_ORDINAL_NOUN_AFTER = re.compile(rf"{WS}+(?!of\b|(?:{alternation(POLL_VERBS)})\b)[A-Za-z]")
# Scale words that a vague or loose count can come before ("several hundred", "a few dozen", "a couple
# thousand").
_COUPLED_SCALES = frozenset({*SCALE_WORDS, "dozen"})
_COUPLE_BEFORE = re.compile(rf"(?<![\w’'-])(?i:an?{WS}+couple(?:{WS}+of)?){WS}+\Z")
_AMOUNT_BEFORE = re.compile(rf"(?:\d%?|(?i:thousand|million|billion|trillion)){WS}+\Z")


def figure_claims(ctx: ArticleContext) -> list[FigureClaim]:
    """Every figure of the article, in body order."""
    drafts = [d for d in _candidates(ctx) if d is not None]
    drafts.sort(key=lambda d: (d.span[0], -(d.span[1] - d.span[0])))
    kept: list[Draft] = []
    for draft in drafts:
        if not kept or draft.span[0] >= kept[-1].span[1]:
            kept.append(draft)
    merged = merge_neighbours(ctx.body, kept)
    return [_claim(ctx, d) for d in merged]


def _candidates(ctx: ArticleContext):
    # Patterns run only over sentences with a digit or a number word: no figure spans two (the
    # patterns join words with spaces and tabs, and a sentence ends at a full stop and white space,
    # which no number holds). Ranks, then vague counts, then plain numbers: at equal spans the sort
    # in ``figure_claims`` keeps this order.
    spans = spans_with_numbers(ctx.body, ctx.sentences.spans)
    for pattern, read in ((_RANK, _rank), (_VAGUE, _vague), (_RATIO, _ratio), (_PLAIN, _plain)):
        for start, end in spans:
            match = pattern.search(ctx.body, start, end)
            while match is not None:
                draft = read(ctx, match)
                yield draft
                # A range given up ("45 and 50 mg") leaves its second number to be read again; a
                # match refused whole ("quarter to $ 254 million" read as a range) leaves the rest.
                if draft is None:
                    resume = match.start() + 1
                else:
                    resume = draft.span[1] if draft.span[1] < match.end() else match.end()
                match = pattern.search(ctx.body, max(resume, match.start() + 1), end)


def _rank(ctx: ArticleContext, match: re.Match[str]) -> Draft | None:
    value = parse_ordinal(match.group("ord"))
    if value is None:
        return None
    superlative = (match.group("sup1") or match.group("sup2")).lower()
    about = superlative_about(ctx.body, superlative, match.end())
    return Draft(match.span(), match.span("ord"), "rank", value=value, about=about)


def _vague(ctx: ArticleContext, match: re.Match[str]) -> Draft | None:
    vague = match.group("vague").lower()
    if vague in {"tens", "scores"} and not (match.group("vague2") or match.group("of")):
        return None  # "tens" and "scores" alone are rarely counts
    low, high = VAGUE_COUNTS[vague]
    qual, qual_start = qualifier_before(ctx.body, match.start())
    scale = parse_scale(match.group("vague2")[:-1]) if match.group("vague2") else 1.0
    qualifier = f"{vague} of" if match.group("vague2") or match.group("of") else vague
    end = match.end("vague2") if match.group("vague2") else match.end("vague")
    phrase = counted_phrase(ctx.body, end, allow_of=True)
    draft = Draft(
        (qual_start, max(end, phrase.end)), (match.start("vague"), end), phrase.quantity,
        low=low * scale, high=high * scale, high_inclusive=False, qualifier=qualifier,
        approximate=True, about=phrase.about,
    )
    return qualified(draft, qual, None) if qual else draft


def _ratio(ctx: ArticleContext, match: re.Match[str]) -> Draft | None:
    part, whole = parse_number(match.group("num")), parse_number(match.group("num2"))
    if part is None or whole is None or is_year(match.group("num2")):
        return None
    whole *= parse_scale(match.group("scale2"))
    if not 0 < part < whole <= _RATIO_MAX_DENOMINATOR * parse_scale(match.group("scale2")):
        return None
    unit = _UNIT_AFTER.match(ctx.body, match.end())
    if match.group("sep") == "in" and unit is not None and ALL_UNITS[unit.group("unit")][1] == "duration":
        return None
    # "nearly three in 10", "more than one in five", "2 in 5 or more": qualified like any number.
    qual, qual_start = qualifier_before(ctx.body, match.start())
    phrase = counted_phrase(ctx.body, match.end(), allow_of=False)
    draft = Draft((qual_start, match.end()), match.span(), "proportion", value=part / whole, about=phrase.about)
    draft = _open_ended(ctx.body, draft, qual)
    return qualified(draft, qual, draft.value) if qual and qual.lower() not in {"between", "from"} else draft


def _plain(ctx: ArticleContext, match: re.Match[str]) -> Draft | None:
    qual, qual_start = qualifier_before(ctx.body, match.start())
    if match.group("sep") and is_ratio(match, qual):
        return _ratio_to_one(ctx, match, qual, qual_start)
    if match.group("sep") and is_tally(match):
        return None  # "a 5-4 ruling", "won 3-1": a vote or a score, no quantity
    if match.group("sep") and not is_range(match, qual):
        match = _PLAIN_NO_RANGE.match(ctx.body, match.start())
        if match is None:
            return None
    value = parse_number(match.group("num"))
    if value is None:
        match = _first_of_run(ctx.body, match)
        value = parse_number(match.group("num")) if match is not None else None
    if value is None or _ordinal_not_fraction(ctx.body, match) or _not_a_number(ctx.body, match):
        return None
    if not qual and _is_bare_name(ctx, match):
        return None
    couple = _couple_start(ctx.body, match) if not qual else None
    if couple is not None:
        value, qual_start = value * 2, couple
    negative = bool(match.group("neg") or match.group("negc"))
    plus_or = plus_or_before(ctx.body, match.start()) if match.group("neg") else None
    if plus_or is not None and match.group("neg").strip().lower() == "minus":
        negative, qual, qual_start = False, "plus or minus", plus_or  # a margin, not a sign
    unit, quantity, unit_end = unit_of(match)
    if is_code_letter(ctx, match):
        return None  # "Boeing 777F", "the 13F filing": a model or form name, not a temperature
    quantity = degrees_kind(ctx, match, unit, quantity)
    if _SPACED_SIGN.fullmatch(match.group("neg") or "") and quantity != "temperature":
        return None  # "Results - 20 firms": a dash; "- 20 degrees Fahrenheit" is a temperature
    code_scale, unit_end = scale_after_code(ctx.body, match, quantity, unit_end)
    if quantity == "duration" and (qual or "").lower() == "over" and _over_a_period(ctx, qual_start, unit_end):
        qual, qual_start = None, match.start()
    scale = scale_of(match, unit) * code_scale
    number_span = (match.start("cur") if match.group("cur") else match.start("num"), unit_end)
    value = (-value if negative else value) * scale
    draft = Draft((qual_start, unit_end), number_span, quantity or "count", value=value, unit=unit)
    draft = _aged(ctx.body, _open_ended(ctx.body, ranged(match, draft, scale, negative), qual))
    draft = _with_inches(ctx.body, draft)
    if unit is None:
        draft = counted(ctx, draft, match.group("num"), scaled=bool(match.group("scale")), qualified=bool(qual))
        if draft is None:
            return None
    elif quantity in {"duration", "percent", "money", "length"}:
        draft.about = counted_phrase(ctx.body, draft.span[1], allow_of=quantity == "percent").about
    if qual and qual.lower() not in {"between", "from"}:
        draft = qualified(draft, qual, draft.value)
    draft = _suffixed(draft, match.group("suffix1") or match.group("suffix"), qual)
    return replace(draft, approximate=True) if couple is not None else draft


def _suffixed(draft: Draft, suffix: str | None, qual: str | None) -> Draft:
    # "40-plus years" is 40 or more, "twenty-odd soldiers" about twenty; a qualifier before the
    # number already bounds it ("some 20-odd").
    if not suffix or draft.value is None:
        return draft
    if suffix.lower() == "-odd":
        return replace(draft, approximate=True, qualifier=draft.qualifier or "-odd")
    if qual:
        return draft
    return replace(draft, value=None, low=draft.value, low_inclusive=True, qualifier="-plus")


def _ratio_to_one(ctx: ArticleContext, match: re.Match[str], qual: str | None, qual_start: int) -> Draft:
    # "split 4 to 1 in favor", "by nearly 3-to-1": one figure, the ratio's first term.
    end = match.end("num2")
    about = counted_phrase(ctx.body, end, allow_of=False).about
    draft = Draft((qual_start, end), (match.start("num"), end), "ratio", value=parse_number(match.group("num")),
                  about=about)
    return qualified(draft, qual, draft.value) if qual else draft


def _first_of_run(body: str, match: re.Match[str]) -> re.Match[str] | None:
    # "two four-year terms": number words that read as two numbers; the first is read alone and
    # the search goes on after it. Digits that are no number ("9/11") stay none.
    if match.group("num")[0].isdigit():
        return None
    cut = first_number_end(match.group("num"))
    return _PLAIN_NO_RANGE.match(body, match.start(), match.start("num") + cut) if cut else None


def _over_a_period(ctx: ArticleContext, qual_start: int, end: int) -> bool:
    # "$30 billion over 10 years", "Over five years, Obama has …": the period an amount is spread
    # over, not "more than" ("served for over 20 years").
    if _AMOUNT_BEFORE.search(ctx.body, max(0, qual_start - 12), qual_start):
        return True
    return ctx.sentences.sentence_of(qual_start)[0] == qual_start and ctx.body.startswith(",", end)


def _ordinal_not_fraction(body: str, match: re.Match[str]) -> bool:
    # "a third of them" is a fraction, "a third term" an ordinal: a singular denominator before a
    # word other than "of" or a poll verb ("a third support it", "one-fifth said no") is the ordinal.
    words = match.group("num").lower().replace("-", " ").split()
    if not words or words[-1] not in FRACTION_WORDS or words[-1].endswith("s") or words[-1] in {"half", "quarter"}:
        return False
    return _ORDINAL_NOUN_AFTER.match(body, match.end()) is not None


def _not_a_number(body: str, match: re.Match[str]) -> bool:
    # "that one costs" (a pronoun; "that one mile" is a length, but "the one year he won" a
    # particular year), "several hundred years" (a vague count, not 100).
    text = match.group("num").lower()
    before = WORD_BEFORE.search(body, max(0, match.start() - 12), match.start())
    word = before.group(1).lower() if before else ""
    unit = match.group("unit")
    measured = unit is not None and ALL_UNITS[unit][1] != "duration"
    return (text == "one" and word in PRONOUN_ONE_BEFORE and not measured) or (
        text.split()[0] in _COUPLED_SCALES and word in VAGUE_BEFORE_SCALE
    )


def _couple_start(body: str, match: re.Match[str]) -> int | None:
    # "a couple hundred people", "a couple of dozen": about two of the scale, from "a couple" on.
    if match.group("num").lower().split()[0] not in _COUPLED_SCALES:
        return None
    found = _COUPLE_BEFORE.search(body, max(0, match.start() - 16), match.start())
    return found.start() if found else None


def _open_ended(body: str, draft: Draft, qual: str | None) -> Draft:
    # "500 or more" → low 500 inclusive; "5,000 or less" → high 5,000 inclusive.
    if draft.value is None or (qual and bound_kind(qual) in {"low", "high"}):
        return draft
    found = _OPEN_END.match(body, draft.span[1])
    if found is None:
        return draft
    kind, inclusive = OPEN_ENDS[found.group(1).lower()]
    value, end = draft.value, found.end()
    draft = replace(draft, span=(draft.span[0], end), qualifier=found.group(1).lower(), value=None)
    if kind == "low":
        return replace(draft, low=value, low_inclusive=inclusive)
    return replace(draft, high=value, high_inclusive=inclusive)


def _aged(body: str, draft: Draft) -> Draft:
    # "35-year-old", "29 years old", "3 years of age": a duration that is an age.
    if draft.quantity != "duration":
        return draft
    for suffix in AGE_SUFFIXES:
        if body.startswith(suffix, draft.span[1]):
            return replace(draft, quantity="age", span=(draft.span[0], draft.span[1] + len(suffix)))
    return draft


def _with_inches(body: str, draft: Draft) -> Draft:
    # "the 6-foot-2 forward": a height in sports copy, feet and inches joined by hyphens.
    inches = _INCHES_AFTER_FOOT.match(body, draft.span[1]) if draft.unit == "ft" and draft.value is not None else None
    if inches is None or int(inches.group(1)) >= 12:
        return draft
    end = inches.end()
    return replace(draft, value=draft.value + int(inches.group(1)) / 12, span=(draft.span[0], end),
                   number_span=(draft.number_span[0], end))


def _is_bare_name(ctx: ArticleContext, match: re.Match[str]) -> bool:
    # Only bare numbers can be ids or dates; "over 100", "$5", "-5", "5 km" and "2 million" (no
    # label takes a scale word: "every episode 2 million viewers") are always figures.
    unit, scale = match.group("unit"), match.group("scale") or ""
    if optional_group(match, "num2") and not is_year(match.group("num")) and follows_month(ctx.body, match.start()):
        return True  # "on July 14 to 46 percent": a day, then the next figure; no range even with a unit
    if match.group("cur") or (unit and unit_is_written(match, unit)) or match.group("neg") or scale[:1].isspace():
        return False
    start, end = match.start("num"), match.start("glue") if unit else match.end()
    return is_name_date_or_time(
        ctx.body, start, end, is_year=is_year(match.group("num")), sentences=ctx.sentences
    )


def _claim(ctx: ArticleContext, draft: Draft) -> FigureClaim:
    return FigureClaim(
        **ctx.claim_fields(kind="figure", span=draft.span),
        value=draft.value, low=draft.low, high=draft.high, low_inclusive=draft.low_inclusive,
        high_inclusive=draft.high_inclusive, unit=draft.unit, quantity=draft.quantity,
        qualifier=draft.qualifier, approximate=draft.approximate, about=draft.about,
        equivalents=tuple(draft.equivalents),
    )
