"""Numbers as written: regex pieces and their values (pure core of the claims service).

Digits with thousands separators, decimals, exponents and powers ("1,500", "40 000", "2.3", "1.3e6",
"8x2^10", "2.5^-1"), fractions ("2 1/2", "3/4", "½"), glued scales ("2.3bn", "£5m", "10M"), word
numbers ("twenty-five", "a dozen", "one hundred and twenty", "two hundred point five", "three lakh
crore"), digits with scale words ("4 thousand 3 hundred and 21"), word fractions ("two thirds",
"five and a half million", "two thirds of a million", "one twenty-fifth") and ordinals ("third",
"thirty-second"). The regex pieces are combined into whole figure patterns in ``figures``.
"""

from __future__ import annotations

import bisect
import re

from services.claims.extract.constants import (
    CURRENCY_SYMBOLS,
    ORDINAL_WORDS,
    QUALIFIERS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TENS_WORDS,
    UNITS_WORDS,
    VAGUE_COUNTS,
)
from services.claims.extract.cues import WS, trie
from services.claims.extract.figure_words import (
    ALL_UNITS,
    COMPARISONS,
    DOZEN_ABBREVIATIONS,
    FRACTION_WORDS,
    MORE_CURRENCY_SYMBOLS,
    MORE_SCALE_ABBREVIATIONS,
    MORE_SCALE_WORDS,
    VULGAR_FRACTIONS,
    ZERO_WORDS,
)

Span = tuple[int, int]


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first so that "per cent" beats "per"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_VULGAR = f"[{''.join(VULGAR_FRACTIONS)}]"
# Thousands grouped by a space or a narrow no-break space ("40 000", "1 234 567"): SI style.
_THIN = r"[ \u00a0\u202f]"
DIGITS = (
    rf"(?:\d+{WS}+\d+/\d+(?![/\d])"  # mixed fraction: "2 1/2"
    rf"|\d+/\d+(?![/\d])"  # fraction: "3/4" (``parse_number`` keeps only plausible ones)
    rf"|\d*{_VULGAR}|\d+{WS}{_VULGAR}"  # vulgar fraction, alone or after a whole: "2½", "½"
    r"|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"  # Indian grouping: "12,34,567.89"
    r"|\d{1,3}(?:\.\d{3})+,\d+(?!\d|[,.]\d)"  # continental: "1.111,11" (dot thousands, comma decimals)
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # comma thousands: "1,500,000.5"
    rf"|\d{{1,3}}(?:{_THIN}\d{{3}})+(?:\.\d+)?(?![\d,])(?!{WS}*\d)"  # space thousands: "40 000"
    r"|(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+−]?\d+(?![\w])|[x×]10\^?[-+−]?\d+|[x×]\d+\^[-+−]?\d+"
    r"|\^[-+−]*\d+(?![\w.]))?)"  # plain, exponent ("1.3e6", "5x10^3", "8x2^10"), power ("2.5^-1")
)
_ZERO_WORDS = sorted(ZERO_WORDS)
_DOZENS = ["dozen", "dozens", *DOZEN_ABBREVIATIONS]
_SCALE_NAMES = [*SCALE_WORDS, *MORE_SCALE_WORDS, *_DOZENS]
_CARDINAL_WORDS = [*UNITS_WORDS, *TENS_WORDS, *_ZERO_WORDS]
_NUMBER_WORDS = [*_CARDINAL_WORDS, *_SCALE_NAMES, *FRACTION_WORDS]
_CARDINAL = rf"(?:{alternation(_CARDINAL_WORDS)})"
_FRACTION = rf"(?:{alternation(FRACTION_WORDS)})"
# "a dozen", "a hundred", "a half", "a third": the article counts as "one" before a scale or fraction.
# Ordinals past twelfth are a tens word and a unit ordinal ("twenty-first", "thirty fifths"): one word
# to the patterns, so that "the twenty-first century" is no 20 and "one twenty-fifth" is 1/25.
_UNIT_ORDINALS = {w: n for w, n in ORDINAL_WORDS.items() if n < 10}
_UNIT_ORDINAL_SUFFIX = rf"(?:-|{WS}+)(?:{trie([*_UNIT_ORDINALS, *(w + 's' for w in _UNIT_ORDINALS)])})(?![\w])"
_COMPOUND_ORDINAL = rf"(?:{trie(TENS_WORDS)}){_UNIT_ORDINAL_SUFFIX}"
# Hyphens may join the whole mixed number ("two-and-a-half million"): then the article takes one too.
_ARTICLE_JOIN = rf"(?:{WS}+|(?<=-and-a)-|(?<=-and-an)-)"
_ARTICLE = rf"(?:an?{_ARTICLE_JOIN}(?={trie([*_SCALE_NAMES, *FRACTION_WORDS])}\b|{_COMPOUND_ORDINAL}))"
# The unit ordinal is tried only after a tens word (all end in "ty"): most words fail before it.
_WORD = rf"(?:{_ARTICLE}?(?:{trie(_NUMBER_WORDS)})(?:(?<=ty){_UNIT_ORDINAL_SUFFIX})?)"
# Joiners between number words: space or hyphen ("twenty-five"), a spaced hyphen after a tens word
# ("fifty - two") or before a fraction ("five - eighths"), "and" after a scale ("one hundred and
# twenty"), "and" before a fraction ("one and a half", "five and three quarters"), "of" between a
# fraction and a scale ("two thirds of a million"), and "point" before spelled decimals ("five point
# five"). A scale is never followed by a number holding the same or a larger scale: "between two
# million and three million" is a range, "five million two years ago" no 5,000,002 (after "million"
# a bare space leads only to a smaller scale: "five million two hundred thousand").
# At most four words before the scale ("one hundred twenty-five thousand"): lookaheads stay cheap.
_SMALL_RUN = rf"(?:(?:{_CARDINAL}|\d{{1,3}}(?:\.\d+)?)(?:{WS}+|-)){{0,4}}"
_AND = rf"(?:{WS}+and{WS}+|-and-)"  # "one and a half", "one-and-a-half"
_AND_FRACTION = rf"(?={_AND}(?:an?|{_CARDINAL}(?:-{_CARDINAL})?)(?:{WS}+|-){_FRACTION}\b)"
_NOT_LARGER = {
    "hundred": "hundred", "thousand": "thousand|million|billion|trillion|lakh|crore",
    "million": "million|billion|trillion", "billion": "billion|trillion", "trillion": "trillion",
    "lakh": "lakh|crore", "crore": "crore",
}
_AND_AFTER_SCALE = "|".join(
    rf"(?<={scale}){WS}+and{WS}+(?!{_SMALL_RUN}(?:{larger})s?\b)" for scale, larger in _NOT_LARGER.items()
)
_FRACTION_OF_SCALE = (
    rf"(?:(?<=half)|(?<=ths)|(?<=rds)|(?<=ters)|(?<=quarter)){WS}+of{WS}+"
    rf"(?=an?{WS}+(?:thousand|million|billion|trillion)\b)"
)
_JOIN = (
    rf"(?:(?<!illion){WS}+|(?<=illion){WS}+(?={_SMALL_RUN}(?:hundred|thousand)\b)|-|(?<=ty){WS}+-{WS}*"
    rf"|(?<=ty)-{WS}+|(?<!ty)(?<!hundred)(?<!thousand)(?<!illion)(?<!lakh)(?<!crore){WS}+-{WS}+(?={_FRACTION}\b)"
    rf"|{_AND_AFTER_SCALE}|(?<!hundred)(?<!thousand)(?<!illion)(?<!lakh)(?<!crore){_AND_FRACTION}{_AND}"
    rf"|{_FRACTION_OF_SCALE}|{WS}+point{WS}+(?={_CARDINAL}\b))"
)
# The joins are exclusive and the repetition possessive: a run of number words that is no number
# fails at once instead of trying every way to split it ("one one one …" was cubic).
WORD_NUMBER = rf"(?i:{_WORD}(?:{_JOIN}{_WORD}(?![\w]))*+)(?![\w])"
# Digits with scale words and more number words after them: "4 thousand 3 hundred and 21",
# "3 million and a half". Tried before plain digits, which would stop at "4 thousand".
_SCALE_WORD = rf"(?:{alternation([*SCALE_WORDS, *MORE_SCALE_WORDS])})"
_DIGIT_WORD = rf"(?:\d{{1,3}}\.\d+(?={WS}+{_SCALE_WORD}\b)|\d{{1,3}}(?!\d|[,.]\d))"
_MIXED_PART = rf"(?:{_DIGIT_WORD}|{_WORD}(?![\w]))"
MIXED_NUMBER = (
    rf"(?i:\d{{1,3}}(?:\.\d+)?{WS}+{_SCALE_WORD}(?:{_JOIN}{_MIXED_PART})++)(?![\w])"
)
NUMBER = rf"(?:{MIXED_NUMBER}|{DIGITS}|{WORD_NUMBER})"
# A scale after digits: spelled out after a space ("1.5 million", "13 lakh", "3 dozen"), or
# abbreviated and glued ("2.3bn", "10M", "1MM"), or an unambiguous abbreviation after a space
# ("10 bln"); the long scales also glued ("$28.4million", a typing slip wire copy keeps). Case
# matters for the glued abbreviations: "10m" is metres, "10M" ten million.
_GLUED_SCALES = {**SCALE_ABBREVIATIONS, **MORE_SCALE_ABBREVIATIONS}
SCALE = (
    rf"(?:{WS}+(?i:{alternation([*SCALE_WORDS, *MORE_SCALE_WORDS, *_DOZENS])})"
    rf"|{WS}+(?:bn|mn|mln|bln|tln|trn)|(?i:million|billion|trillion)|(?:{alternation(_GLUED_SCALES)}))(?![\w])"
)
_ALL_CURRENCY_SYMBOLS = {**CURRENCY_SYMBOLS, **MORE_CURRENCY_SYMBOLS}
CURRENCY = rf"(?:{trie(_ALL_CURRENCY_SYMBOLS)}{WS}?)"
QUALIFIER = rf"(?i:{trie([*QUALIFIERS, *COMPARISONS, 'between', 'from'])})"
UNIT = rf"(?:{trie(ALL_UNITS)})"
# One prefix tree for all ordinals, "thirty-second" and "thirty second" included: ranks are looked
# for at every word, and a tree fails after a letter or two.
_ALL_ORDINALS = [*ORDINAL_WORDS, *(f"{t}{sep}{u}" for t in TENS_WORDS for u in _UNIT_ORDINALS for sep in "- ")]
ORDINAL = rf"(?:(?i:{trie(_ALL_ORDINALS)})|\d+(?:st|nd|rd|th))"

# Words any figure pattern needs one of when it has no digit (``figures``: plain, vague and rank).
ANCHOR_WORDS: tuple[str, ...] = tuple(sorted({*_NUMBER_WORDS, *ORDINAL_WORDS, *VAGUE_COUNTS}))
_ANCHOR_BYTES = frozenset(w.encode("ascii") for w in ANCHOR_WORDS)
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_DIGIT = re.compile(rf"\d|{_VULGAR}")
_DIGIT_ONLY = re.compile(r"\d")
_TOKEN = re.compile(r"[a-z]+|\d+(?:\.\d+)?")
_MIXED = re.compile(rf"\d{WS}+[A-Za-z]")
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")
_EXPONENT = re.compile(r"(.+?)(?:[eE]([-+−]?\d+)|[x×](10)\^?([-+−]?\d+)|[x×](\d+)\^([-+−]?\d+))")
# "2.5^-1", "1.1^--23": a power; each minus sign turns the exponent over.
_POWER = re.compile(r"([\d.]+)\^([-+−]*)(\d+)")
_CONTINENTAL = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
_FRACTION_DIGITS = re.compile(rf"(?:(\d+){WS}+)?(\d+)/(\d+)")
# Denominators a written fraction takes in news and recipes; "9/11" and "24/7" are names, not values.
_FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100})


def spans_with_numbers(body: str, spans: tuple[Span, ...]) -> list[Span]:
    """The spans of ``spans`` that hold a digit or a number word: the only ones a figure can be in.

    Most news paragraphs hold neither, and one ``str.find`` per number word over the whole text is
    far cheaper than trying the figure patterns at every position of every paragraph.
    """
    lower = body.lower()
    if len(lower) != len(body):
        return list(spans)  # a character whose lower case is longer: offsets would shift
    starts = [s for s, _ in spans]
    digit = _DIGIT if any(c in body for c in VULGAR_FRACTIONS) else _DIGIT_ONLY
    marked = [digit.search(body, start, end) is not None for start, end in spans]
    # Number words are whole runs of letters in every pattern. One byte per character (ASCII, every
    # other character a space) keeps offsets and lets bytes.split and bytes.find do the work in C.
    letters = lower.encode("ascii", "replace").translate(_LETTERS_ONLY)
    for word in _ANCHOR_BYTES.intersection(letters.split()):
        at = letters.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or letters[at - 1] == 32) and (end == len(letters) or letters[end] == 32):
                i = bisect.bisect_right(starts, at) - 1
                if i >= 0 and at < spans[i][1]:
                    marked[i] = True
            at = letters.find(word, end)
    return [span for span, keep in zip(spans, marked) if keep]


def parse_number(text: str) -> float | None:
    """The value of a number as written, or None when it is not one."""
    text = text.strip()
    if not text:
        return None
    if (text[0].isdigit() or text[0] == "." or text[0] in VULGAR_FRACTIONS) and not _MIXED.search(text):
        try:
            return _parse_digits(text)
        except (ValueError, OverflowError, ZeroDivisionError):
            return None
    return parse_word_number(text)


def _parse_digits(text: str) -> float | None:
    if text[-1] in VULGAR_FRACTIONS:  # "2½", "2 ½", "½"
        whole = text[:-1].strip()
        return (float(whole) if whole else 0.0) + VULGAR_FRACTIONS[text[-1]]
    if "/" in text:
        return _parse_fraction(text)
    power = _POWER.fullmatch(text)
    if power is not None:
        flips = power.group(2).count("-") + power.group(2).count("−")
        return float(power.group(1)) ** (int(power.group(3)) * (-1) ** flips)
    exponent = _EXPONENT.fullmatch(text)
    if exponent is not None:
        base = float(exponent.group(3) or exponent.group(5) or 10)
        power_text = (exponent.group(2) or exponent.group(4) or exponent.group(6)).replace("−", "-")
        return float(exponent.group(1).replace(",", "")) * base ** int(power_text)
    if _CONTINENTAL.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))


def _parse_fraction(text: str) -> float | None:
    # "3/4", "2 1/2": a proper fraction with a usual denominator, or over 31 (no day of a month).
    match = _FRACTION_DIGITS.fullmatch(text)
    if match is None:
        return None
    numerator, denominator = int(match.group(2)), int(match.group(3))
    if numerator >= denominator or not (denominator in _FRACTION_DENOMINATORS or denominator > 31):
        return None
    return float(match.group(1) or 0) + numerator / denominator


def parse_word_number(text: str) -> float | None:
    """ "twenty-five" → 25, "a dozen" → 12, "two thirds" → 0.667, "five point five" → 5.5."""
    tokens = _TOKEN.findall(text.lower())
    if "point" in tokens:
        at = tokens.index("point")
        whole, decimals = _cardinal(tokens[:at]), _decimal_digits(tokens[at + 1:])
        return None if whole is None or decimals is None else whole + decimals
    for i, token in enumerate(tokens):
        unit_ordinal = _UNIT_ORDINALS.get(token.removesuffix("s"))
        if unit_ordinal is not None and i > 1 and tokens[i - 1] in TENS_WORDS and tokens[i - 2] != "and":
            # "one hundred thirty fifths" is 100/35; "twenty fifths" and "a hundred and thirty fifths" are
            # twenty and a hundred and thirty fifths.
            return _with_fraction(tokens[:i - 1], TENS_WORDS[tokens[i - 1]] + unit_ordinal, tokens[i + 1:])
        if token in FRACTION_WORDS:
            return _with_fraction(tokens[:i], FRACTION_WORDS[token], tokens[i + 1:])
    return _cardinal(tokens)


def first_number_end(text: str) -> int | None:
    """Where the first number ends in a run of number words that reads as several ("two four-year
    terms" → after "two", "three-nought-four" → after "three"); None when the run is one number."""
    last, end = None, 0
    for token in _TOKEN.finditer(text.lower()):
        kind = _word_kind(token.group())
        if kind is not None and not _may_follow(last, kind):
            return end
        last, end = kind, token.end()
    return None


def _word_kind(token: str) -> str | None:
    # Digits, units (0-9), teens (10-19) and tens (20-90); None for scales, "and" and the article.
    if token[0].isdigit():
        return "digits"
    if token in ZERO_WORDS or UNITS_WORDS.get(token, 10) < 10:
        return "unit"
    if token in UNITS_WORDS:
        return "teen"
    return "tens" if token in TENS_WORDS else None


def _may_follow(last: str | None, kind: str) -> bool:
    # Without a scale between them only a unit follows a tens word ("twenty-five"); "two four",
    # "five twenty" and "nineteen eighty" are two numbers, not a sum.
    return last is None or (last == "tens" and kind == "unit")


def _cardinal(tokens: list[str]) -> float | None:
    # The standard reading of English cardinals: units and tens add, "hundred" and "dozen" multiply
    # the group, a scale word closes the group into the total; a scale right after another scale
    # multiplies the group it closed ("three lakh crore" is 3 × 10^12, "a thousand million" 10^9).
    total, current, seen, closed, previous = 0.0, 0.0, False, 0.0, ""
    last_kind = None
    for token in tokens:
        kind = _word_kind(token)
        if kind is not None and not _may_follow(last_kind, kind):
            return None
        last_kind = kind
        if token in {"a", "an"}:
            current, seen = 1.0, True
        elif token in UNITS_WORDS or token in TENS_WORDS:
            current += UNITS_WORDS.get(token, 0) + TENS_WORDS.get(token, 0)
            seen = True
        elif token[0].isdigit():  # "4 thousand 3 hundred and 21"
            current, seen = current + float(token), True
        elif token in ZERO_WORDS:
            seen = True
        elif token in _DOZENS:
            if token == "dozens" and not seen:
                return None  # "dozens" alone is a vague count (``figures``)
            current, seen = (current or 1.0) * 12, True
        elif token == "hundred":
            current, seen = (current or 1.0) * 100, True
        elif token in SCALE_WORDS or token in MORE_SCALE_WORDS:
            scale = SCALE_WORDS.get(token) or MORE_SCALE_WORDS[token]
            if previous in _CLOSING_SCALES and not current:
                total, closed = total - closed + closed * scale, closed * scale
            else:
                closed = (current or 1.0) * scale
                total, current, seen = total + closed, 0.0, True
        elif token != "and":
            return None
        previous = token
    return total + current if seen else None


_CLOSING_SCALES = frozenset({*SCALE_WORDS, *MORE_SCALE_WORDS} - {"hundred"})


def _with_fraction(before: list[str], denominator: float, after: list[str]) -> float | None:
    # "[whole and] [numerator] denominator [scale]": "one hundred and three and two thirds",
    # "five and a half million", "one million and a half", "half a dozen", "three quarters".
    scale = _cardinal([t for t in after if t not in {"a", "an", "of"}]) if after else 1.0
    if scale is None:
        return None
    cut = len(before) - before[::-1].index("and") - 1 if "and" in before else -1
    whole_tokens, numerator_tokens = before[:cut] if cut >= 0 else [], before[cut + 1:]
    if numerator_tokens:
        numerator = _cardinal(numerator_tokens)
    else:
        # "half", "half a dozen", "quarter million": no numerator is one, for "quarter" before a scale.
        numerator = 1.0 if not whole_tokens and (denominator == 2 or (denominator == 4 and after)) else None
    whole = _cardinal(whole_tokens) if whole_tokens else 0.0
    if numerator is None or whole is None:
        return None
    fraction = numerator / denominator
    last = whole_tokens[-1] if whole_tokens else ""
    if last != "hundred" and (last in SCALE_WORDS or last in MORE_SCALE_WORDS):  # "one million and a half"
        unit = SCALE_WORDS.get(last) or MORE_SCALE_WORDS[last]
        return whole + fraction * (scale if after else unit)
    return (whole + fraction) * scale


def _decimal_digits(tokens: list[str]) -> float | None:
    # "zero three" → .03, "seventy-one" → .71, "eleven" → .11: each word read as its digits.
    digits, i = "", 0
    while i < len(tokens):
        token = tokens[i]
        if token in ZERO_WORDS:
            digits += "0"
        elif token in TENS_WORDS and i + 1 < len(tokens) and 0 < UNITS_WORDS.get(tokens[i + 1], 0) < 10:
            digits += str(TENS_WORDS[token] + UNITS_WORDS[tokens[i + 1]])  # "seventy-one"
            i += 1
        elif token in UNITS_WORDS or token in TENS_WORDS:
            digits += str(UNITS_WORDS.get(token, 0) + TENS_WORDS.get(token, 0))
        else:
            return None
        i += 1
    return float("0." + digits) if digits else None


def parse_scale(text: str | None) -> float:
    """The multiplier of a scale as written: " million" → 1e6, "bn" → 1e9, "M" → 1e6; 1 when absent."""
    if not text:
        return 1.0
    word = text.strip()
    lowered = word.lower()
    if lowered in _DOZENS:
        return 12.0
    return (
        SCALE_WORDS.get(lowered) or MORE_SCALE_WORDS.get(lowered) or MORE_SCALE_ABBREVIATIONS.get(word)
        or SCALE_ABBREVIATIONS.get(word) or SCALE_ABBREVIATIONS.get(lowered, 1.0)
    )


def parse_ordinal(text: str) -> int | None:
    """ "third" → 3, "21st" → 21."""
    lowered = text.strip().lower()
    digits = _ORDINAL_DIGITS.fullmatch(lowered)
    if digits is not None:
        return int(digits.group(1))
    tens, _, unit = lowered.replace("-", " ").partition(" ")
    if unit:  # "thirty-second"
        return TENS_WORDS[tens] + ORDINAL_WORDS[unit.strip()]
    return ORDINAL_WORDS.get(lowered)
