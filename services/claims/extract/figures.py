"""Figures: every quantity in the article, normalised (pure core of the claims service).

Three patterns find candidates — plain numbers with their qualifier, currency, scale, range and
unit; vague counts ("tens of thousands"); ranks ("third-largest") — and overlapping candidates keep
the earliest, longest one. A figure restated in another unit right after it ("five kilometers—barely
three miles") becomes an ``Equivalent`` of the first. Bare numbers that are part of a name, a date
or a time ("Resolution 2254", "December 6", "10:30") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from schemas.claims import Equivalent, FigureClaim
from services.claims.extract.constants import (
    CURRENCY_SYMBOLS,
    GLUED_ONLY_UNITS,
    MONTHS,
    NON_NAME_WORDS,
    QUALIFIERS,
    UNITS,
    VAGUE_COUNTS,
)
from services.claims.extract.context import ArticleContext
from services.claims.extract.cues import WS
from services.claims.extract.figure_context import counted_phrase, superlative_about
from services.claims.extract.numbers import (
    CURRENCY,
    NUMBER,
    ORDINAL,
    QUALIFIER,
    SCALE,
    UNIT,
    parse_number,
    parse_ordinal,
    parse_scale,
    spans_with_numbers,
)

Span = tuple[int, int]

# Not glued to a word, a decimal point or a hyphen: "G7", "COVID-19" and "192.168" are not figures.
_LEFT = r"(?<![\w’'.$£€-])"
_RANGE = (
    rf"(?:(?P<sep>{WS}*[-–]{WS}*|{WS}+(?:to|and){WS}+)"
    rf"(?P<cur2>{CURRENCY})?(?P<num2>{NUMBER})(?P<scale2>{SCALE})?)"
)
# Rule: "[over] [$]2.3[bn] [-|to|and 3] [km]" — a number with everything that qualifies it. The
# lookahead lists the characters a number can start with, so most positions fail at once.
_PLAIN = re.compile(
    rf"{_LEFT}(?=[\d.$£€¥ACUaobdefhmnstzABDEFHMNOSTZ])(?P<cur>{CURRENCY})?(?P<num>{NUMBER})(?P<scale>{SCALE})?"
    rf"{_RANGE}?(?:(?P<glue>{WS}*|-)(?P<unit>{UNIT})(?![\w]))?(?![\w])"
)
_PLAIN_NO_RANGE = re.compile(_PLAIN.pattern.replace(rf"{_RANGE}?", ""))
# Rule: "tens of thousands", "hundreds", "dozens" — counts known only by their magnitude.
_VAGUE = re.compile(
    rf"{_LEFT}(?P<vague>(?i:tens|dozens|hundreds|thousands|millions|"
    rf"billions|scores))(?:{WS}+of{WS}+(?P<vague2>(?i:thousands|millions|billions)))?(?![\w])"
    rf"(?P<of>{WS}+of\b)?"
)
# Rule: "third-largest", "the second biggest" — an ordinal with a superlative is a rank.
_RANK = re.compile(
    rf"{_LEFT}(?P<ord>{ORDINAL})(?:-(?P<sup1>[A-Za-z]+est|most|least)|{WS}+(?P<sup2>(?i:largest|biggest|"
    rf"highest|lowest|deadliest|worst|best|busiest|longest|oldest|richest|poorest|most|least|"
    rf"smallest|strongest|fastest)))(?![\w])"
)
# Qualifiers are looked for behind a number, not tried at every position: that keeps the scan fast.
_QUALIFIER_BEFORE = re.compile(rf"(?<![\w’'-])({QUALIFIER}){WS}+\Z")
_MONTH_BEFORE = re.compile(rf"(?i:{'|'.join(MONTHS)})\.?{WS}+\Z")
_MONTH_AFTER = re.compile(rf"{WS}+(?i:{'|'.join(MONTHS)})\b")
_TIME_AFTER = re.compile(rf"[:.]\d\d|{WS}*(?i:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|hrs\b)")
_WORD_BEFORE = re.compile(rf"([A-Za-z][\w’'.]*){WS}+\Z")
_VERB_BEFORE = re.compile(rf"([A-Za-z]+){WS}+\Z")
_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class _Draft:
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


def figure_claims(ctx: ArticleContext) -> list[FigureClaim]:
    """Every figure of the article, in body order."""
    drafts = [d for d in _candidates(ctx) if d is not None]
    drafts.sort(key=lambda d: (d.span[0], -(d.span[1] - d.span[0])))
    kept: list[_Draft] = []
    for draft in drafts:
        if not kept or draft.span[0] >= kept[-1].span[1]:
            kept.append(draft)
    return [_claim(ctx, d) for d in _merge_equivalents(ctx.body, kept)]


def _candidates(ctx: ArticleContext):
    # Patterns run only over sentences with a digit or a number word: no figure spans two (the
    # patterns join words with spaces and tabs, and a sentence ends at a full stop and white space,
    # which no number holds). Ranks, then vague counts, then plain numbers: at equal spans the sort
    # in ``figure_claims`` keeps this order.
    spans = spans_with_numbers(ctx.body, ctx.sentences.spans)
    for pattern, read in ((_RANK, _rank), (_VAGUE, _vague), (_PLAIN, _plain)):
        for start, end in spans:
            for match in pattern.finditer(ctx.body, start, end):
                yield read(ctx, match)


def _rank(ctx: ArticleContext, match: re.Match[str]) -> _Draft | None:
    value = parse_ordinal(match.group("ord"))
    if value is None:
        return None
    superlative = (match.group("sup1") or match.group("sup2")).lower()
    about = superlative_about(ctx.body, superlative, match.end())
    return _Draft(match.span(), match.span("ord"), "rank", value=value, about=about)


def _vague(ctx: ArticleContext, match: re.Match[str]) -> _Draft | None:
    vague = match.group("vague").lower()
    if vague in {"tens", "scores"} and not (match.group("vague2") or match.group("of")):
        return None  # "tens" and "scores" alone are rarely counts
    low, high = VAGUE_COUNTS[vague]
    scale = parse_scale(match.group("vague2")[:-1]) if match.group("vague2") else 1.0
    qualifier = f"{vague} of" if match.group("vague2") or match.group("of") else vague
    end = match.end("vague2") if match.group("vague2") else match.end("vague")
    phrase = counted_phrase(ctx.body, end, allow_of=True)
    draft = _Draft(
        (_start(ctx, match), max(end, phrase.end)), (match.start("vague"), end), phrase.quantity,
        low=low * scale, high=high * scale, high_inclusive=False, qualifier=qualifier,
        approximate=True, about=phrase.about,
    )
    qual = _qualifier_before(ctx, match)
    return _qualified(draft, qual, None) if qual else draft


def _plain(ctx: ArticleContext, match: re.Match[str]) -> _Draft | None:
    qual = _qualifier_before(ctx, match)
    if match.group("sep") and "and" in match.group("sep") and (qual or "").lower() != "between":
        match = _PLAIN_NO_RANGE.match(ctx.body, match.start())  # "two and three" is not a range
        if match is None:
            return None
    value = parse_number(match.group("num"))
    if value is None or (not qual and _is_name_date_or_time(ctx, match)):
        return None
    unit, quantity, unit_end = _unit(match)
    scale_text = match.group("scale")
    if unit == "m" and scale_text and scale_text.strip() == "m":
        scale_text = None  # "5m" with no currency: metres, not millions
    scale = parse_scale(scale_text)
    number_span = (match.start("cur") if match.group("cur") else match.start("num"), unit_end)
    draft = _Draft((_start(ctx, match), unit_end), number_span, quantity or "count", value=value * scale, unit=unit)
    draft = _ranged(match, draft, scale)
    if unit is None:
        draft = _counted(ctx, match, draft, qualified=bool(qual))
        if draft is None:
            return None
    elif quantity in {"duration", "percent", "money", "length"}:
        draft.about = counted_phrase(ctx.body, unit_end, allow_of=quantity == "percent").about
    if qual and qual.lower() not in {"between", "from"}:
        draft = _qualified(draft, qual, draft.value)
    return draft


def _qualifier_before(ctx: ArticleContext, match: re.Match[str]) -> str | None:
    found = _QUALIFIER_BEFORE.search(ctx.body, max(0, match.start() - 20), match.start())
    return found.group(1) if found else None


def _start(ctx: ArticleContext, match: re.Match[str]) -> int:
    found = _QUALIFIER_BEFORE.search(ctx.body, max(0, match.start() - 20), match.start())
    return found.start(1) if found else match.start()


def _unit(match: re.Match[str]) -> tuple[str | None, str | None, int]:
    # The unit, its quantity, and where the figure ends; currency symbols count as a unit.
    unit_text = match.group("unit")
    number_end = max(match.end("num"), match.end("scale"), _group_end(match, "num2"), _group_end(match, "scale2"))
    if unit_text and unit_text in GLUED_ONLY_UNITS and match.group("glue"):
        unit_text = None
    currency = match.group("cur") or _group(match, "cur2")
    if currency:
        unit, quantity = CURRENCY_SYMBOLS[currency], "money"
        if unit_text and UNITS[unit_text][1] == "money":
            return UNITS[unit_text][0], "money", match.end("unit")
        return unit, quantity, number_end
    if unit_text:
        unit, quantity = UNITS[unit_text]
        return unit, quantity, match.end("unit")
    scale = match.group("scale")
    if scale and scale.strip() == "m":
        return "m", "length", number_end  # "5m" with no currency is metres
    return None, None, number_end


def _group(match: re.Match[str], name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


def _group_end(match: re.Match[str], name: str) -> int:
    return match.end(name) if _group(match, name) else -1


def _ranged(match: re.Match[str], draft: _Draft, scale: float) -> _Draft:
    # "10-20", "between 10 and 20", "from $2 to 3bn": both ends take the scale written last.
    if not _group(match, "num2"):
        return draft
    second = parse_number(match.group("num2"))
    if second is None:
        return draft
    scale2 = parse_scale(match.group("scale2")) if match.group("scale2") else scale
    first_scale = scale if match.group("scale") else scale2
    low, high = parse_number(match.group("num")) * first_scale, second * scale2
    if draft.quantity == "count" and 1000 <= low <= 2100 and 1000 <= high <= 2100 and not match.group("scale"):
        draft.quantity = "year"
    return replace(draft, value=None, low=low, high=high)


def _counted(ctx: ArticleContext, match: re.Match[str], draft: _Draft, *, qualified: bool) -> _Draft | None:
    # A bare number: a year, a count of something, or nothing worth a figure ("one of them").
    text = match.group("num")
    phrase = counted_phrase(ctx.body, draft.span[1], allow_of=False)
    if _is_year(text) and not phrase.plural and not match.group("scale"):
        return replace(draft, quantity="year")
    if not text[0].isdigit() and not qualified and not phrase.head:
        return None  # "ground zero", "one of them": a word number counting nothing
    start = draft.span[0]
    verb = _VERB_BEFORE.search(ctx.body, max(0, start - 20), start)
    about = phrase.about_with(verb.group(1).lower() if verb else None)
    return replace(draft, span=(draft.span[0], max(draft.span[1], phrase.end)), quantity=phrase.quantity, about=about)


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100


def _qualified(draft: _Draft, qualifier: str, value: float | None) -> _Draft:
    # "over 100" → low 100 exclusive; "up to 20" → high 20 inclusive; "nearly 40" → approximate.
    qualifier = _SPACES.sub(" ", qualifier.lower())
    kind, inclusive = QUALIFIERS.get(qualifier, ("approx", True))
    draft = replace(draft, qualifier=qualifier)
    if value is None:
        return replace(draft, approximate=draft.approximate or kind == "approx")
    if kind == "low":
        return replace(draft, value=None, low=value, low_inclusive=inclusive, high=None)
    if kind == "high":
        return replace(draft, value=None, high=value, high_inclusive=inclusive, low=None)
    return replace(draft, approximate=kind == "approx")


def _is_name_date_or_time(ctx: ArticleContext, match: re.Match[str]) -> bool:
    # Only bare numbers can be ids or dates; "over 100", "$5" and "5 km" are always figures.
    if match.group("cur") or match.group("unit"):
        return False
    body, start, end = ctx.body, match.start("num"), match.end()
    if _TIME_AFTER.match(body, end) or (start > 0 and body[start - 1] == ":"):
        return True
    if not _is_year(match.group("num")) and (
        _MONTH_BEFORE.search(body, max(0, start - 12), start) or _MONTH_AFTER.match(body, end)
    ):
        return True
    word = _WORD_BEFORE.search(body, max(0, start - 30), start)
    if word is None or not word.group(1)[0].isupper():
        return False
    name = word.group(1)
    if name.endswith(("’s", "'s")) or name.lower().rstrip(".") in NON_NAME_WORDS | MONTHS:
        return False
    return ctx.sentences.sentence_of(word.start(1))[0] != word.start(1) or name in {"No.", "No", "Number"}


def _merge_equivalents(body: str, drafts: list[_Draft]) -> list[_Draft]:
    # "five kilometers—barely three miles", "1,500 km (930 mi)": the same quantity, restated.
    merged: list[_Draft] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if previous is not None and _restates(body, previous, draft):
            start, end = draft.number_span
            value = draft.value if draft.value is not None else (draft.low or draft.high or 0.0)
            previous.equivalents.append(Equivalent(text=body[start:end], span=(start, end), value=value, unit=draft.unit))
            previous.span = (previous.span[0], draft.span[1])
            previous.qualifier = previous.qualifier or draft.qualifier
            previous.approximate = previous.approximate or draft.approximate
            continue
        merged.append(draft)
    return merged


def _restates(body: str, first: _Draft, second: _Draft) -> bool:
    gap = body[first.span[1]:second.span[0]]
    return (
        first.unit is not None and second.unit is not None and first.unit != second.unit
        and first.quantity == second.quantity and len(gap) <= 3 and gap.strip(" —–-(,") == ""
    )


def _claim(ctx: ArticleContext, draft: _Draft) -> FigureClaim:
    return FigureClaim(
        **ctx.claim_fields(kind="figure", span=draft.span),
        value=draft.value, low=draft.low, high=draft.high, low_inclusive=draft.low_inclusive,
        high_inclusive=draft.high_inclusive, unit=draft.unit, quantity=draft.quantity,
        qualifier=draft.qualifier, approximate=draft.approximate, about=draft.about,
        equivalents=tuple(draft.equivalents),
    )
