"""Numbers as written: regex pieces and their values (pure core of the claims service).

Digits with thousands separators and decimals ("1,500", "2.3"), glued scales ("2.3bn", "£5m"), word
numbers ("twenty-five", "a dozen", "one hundred and twenty") and ordinals ("third"). The regex
pieces are combined into whole figure patterns in ``figures``.
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
    UNITS,
    UNITS_WORDS,
    VAGUE_COUNTS,
)
from services.claims.extract.cues import WS

Span = tuple[int, int]


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first so that "per cent" beats "per"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_NUMBER_WORDS = [*UNITS_WORDS, *TENS_WORDS, *SCALE_WORDS, "dozen"]
_WORD = rf"(?:{alternation(_NUMBER_WORDS)})"
# "a dozen", "a hundred": the article counts as "one" only before a scale word.
_ARTICLE = rf"(?:an?{WS}+(?=(?:dozen|hundred|thousand|million|billion)\b))"
# Joiners: space or hyphen ("twenty-five"), and "and" only after a scale ("one hundred and twenty").
_JOIN = rf"(?:{WS}+|-|(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)){WS}+and{WS}+)"
WORD_NUMBER = rf"(?i:{_ARTICLE}?{_WORD}(?:{_JOIN}{_WORD}(?![\w]))*)(?![\w])"
NUMBER = rf"(?:{DIGITS}|{WORD_NUMBER})"
# A scale after digits: spelled out after a space ("1.5 million") or abbreviated and glued ("2.3bn").
SCALE = (
    rf"(?:{WS}+(?i:trillion|billion|million|thousand)|"
    rf"(?:{alternation(SCALE_ABBREVIATIONS)})(?![\w]))"
)
CURRENCY = rf"(?:{alternation(CURRENCY_SYMBOLS)})"
QUALIFIER = rf"(?i:{alternation([*QUALIFIERS, 'between', 'from'])})"
UNIT = rf"(?:{alternation(UNITS)})"
ORDINAL = rf"(?:(?i:{alternation(ORDINAL_WORDS)})|\d+(?:st|nd|rd|th))"

# Words any figure pattern needs one of when it has no digit (``figures``: plain, vague and rank).
ANCHOR_WORDS: tuple[str, ...] = tuple(sorted({*_NUMBER_WORDS, *ORDINAL_WORDS, *VAGUE_COUNTS}))
_ANCHOR_BYTES = frozenset(w.encode("ascii") for w in ANCHOR_WORDS)
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[a-z]+")
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")


def spans_with_numbers(body: str, spans: tuple[Span, ...]) -> list[Span]:
    """The spans of ``spans`` that hold a digit or a number word: the only ones a figure can be in.

    Most news paragraphs hold neither, and one ``str.find`` per number word over the whole text is
    far cheaper than trying the figure patterns at every position of every paragraph.
    """
    lower = body.lower()
    if len(lower) != len(body):
        return list(spans)  # a character whose lower case is longer: offsets would shift
    starts = [s for s, _ in spans]
    marked = [_DIGIT.search(body, start, end) is not None for start, end in spans]
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
    text = text.strip().lower()
    if not text:
        return None
    if text[0].isdigit() or text[0] == ".":
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    return parse_word_number(text)


def parse_word_number(text: str) -> float | None:
    """ "twenty-five" → 25, "a dozen" → 12, "one hundred and twenty" → 120, "two million" → 2e6."""
    total, current, seen = 0.0, 0.0, False
    for token in _TOKEN.findall(text.lower()):
        if token in {"a", "an"}:
            current, seen = 1.0, True
        elif token in UNITS_WORDS or token in TENS_WORDS:
            current += UNITS_WORDS.get(token, 0) + TENS_WORDS.get(token, 0)
            seen = True
        elif token == "dozen":
            current, seen = (current or 1.0) * 12, True
        elif token == "hundred":
            current, seen = (current or 1.0) * 100, True
        elif token in SCALE_WORDS:
            total, current, seen = total + (current or 1.0) * SCALE_WORDS[token], 0.0, True
        elif token != "and":
            return None
    return total + current if seen else None


def parse_scale(text: str | None) -> float:
    """The multiplier of a scale as written: " million" → 1e6, "bn" → 1e9; 1 when absent."""
    if not text:
        return 1.0
    word = text.strip().lower()
    return SCALE_WORDS.get(word) or SCALE_ABBREVIATIONS.get(word, 1.0)


def parse_ordinal(text: str) -> int | None:
    """ "third" → 3, "21st" → 21."""
    digits = _ORDINAL_DIGITS.fullmatch(text.strip().lower())
    if digits is not None:
        return int(digits.group(1))
    return ORDINAL_WORDS.get(text.strip().lower())
