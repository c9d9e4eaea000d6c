"""Paragraphs and sentences as character spans (pure core of the claims service).

Rules, not a model: a paragraph is a non-blank line; a sentence ends at ``.``, ``!``, ``?`` or ``…``
(with any closing quote mark or bracket after it) followed by white space and a character that is not
a lower-case letter, unless the word before the period is a known abbreviation or an initial (and
the next word no pronoun or function word that opens a sentence: "the U.S. He says" is two).
CJK full stops end a sentence without white space.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from services.claims.extract.constants import ABBREVIATIONS

Span = tuple[int, int]

# Line breaks of every kind Python's str.splitlines knows, so control characters cannot hide one.
_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
# A sentence end: terminal punctuation, closers, then white space (or a CJK stop on its own).
# A closing ``''`` (typewriter-style double mark) is a closer like ”.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)|[。！？]+")
# The same without the CJK stops, for the texts that hold none: a pattern that starts with one
# character class is scanned for in C, twice as fast as the alternation.
_LATIN_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")
_CJK_STOPS = "。！？"
# The word just before a period: an abbreviation ("Gen."), an initial ("J."), or "U.S": letters and
# dots, starting on a letter.
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_WORD_BEFORE_CHARS = 12  # longer than any abbreviation
_INITIAL_OR_DOTTED = re.compile(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# Abbreviations that can close a sentence ("… said Smith Jr. He …"); a title ("Gen.", "Dr.") never
# does, since a name follows it ("Dr. He Jiankui").
_CLOSING_ABBREVIATIONS = frozenset("inc corp co ltd jr sr etc".split())
# Words that open a sentence and never continue a name or an abbreviation: after "U.S." or "Inc." one
# of these starts a new sentence ("… in the U.S. He says …", "… at the U.N. The council …").
_SENTENCE_OPENERS = frozenset(
    """
    He She It They We I You There This That These Those His Her Their Its Our My The A An But And Or So
    Yet If When While As After Before Since Though Although However Meanwhile Still Also In On At For
    """.split()
)
_NEXT_WORD = re.compile(r"[“\"‘']?([A-Z][a-z]*)(?=[\s,’'])")  # not "U.S. A-10 jets"
# A wire dateline opening the story: a place in capitals, an optional region and date, an optional
# agency in brackets, then a dash — "BEIRUT, Dec 6 (Reuters) - ", "HOMS, Syria — ",
# "WASHINGTON (AP) —", "NEWPORT NEWS, Va. - " (AP Stylebook and Reuters Handbook, "datelines").
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.-]{2,}(?:[ \t][A-Z][A-Z'’.-]+){0,3}"
    r"(?:,[ \t]+[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2})?"
    r"(?:,?[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?)?"
    r"(?:[ \t]*\([A-Z][\w .&'’-]{0,30}\))?"
    r"(?:[ \t]+(?:-{1,2}|[—–])|[ \t]*[—–])[ \t]+(?=\S)"
)


def paragraphs(body: str) -> tuple[Span, ...]:
    """Spans of the non-blank lines of ``body``, trimmed of white space."""
    spans = []
    for match in _LINE.finditer(body):
        start, end = _trim(body, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return tuple(spans)


def dateline_end(body: str, paragraph: Span) -> int | None:
    """Where the text starts after a dateline opening ``paragraph``; None when there is none."""
    match = _DATELINE.match(body, *paragraph)
    return None if match is None else match.end()


def sentences(
    body: str, *, paragraph_spans: tuple[Span, ...] | None = None, skip_to: int = 0
) -> tuple[Span, ...]:
    """Spans of the sentences of ``body``, in order; no sentence crosses a paragraph.

    Text before ``skip_to`` (a dateline) belongs to no sentence.
    """
    spans: list[Span] = []
    ends = _SENTENCE_END if any(stop in body for stop in _CJK_STOPS) else _LATIN_SENTENCE_END
    for p_start, p_end in paragraph_spans if paragraph_spans is not None else paragraphs(body):
        if p_end <= skip_to:
            continue
        start = max(p_start, skip_to)
        for match in ends.finditer(body, start, p_end):
            if not _ends_sentence(body, match, p_end):
                continue
            spans.append((start, match.end()))
            start = _skip_space(body, match.end(), p_end)
        if start < p_end:
            spans.append((start, p_end))
    return tuple(spans)


def _ends_sentence(body: str, match: re.Match[str], limit: int) -> bool:
    # A lower-case letter next means the period belonged to an abbreviation or a quoted question.
    nxt = _skip_space(body, match.end(), limit)
    if nxt < limit and body[nxt].islower():
        return False
    if not match.group().startswith("."):
        return True
    # "Gen. Smith", "J. Smith", "the U.S. army": the word before the period is not a sentence end.
    text = _word_before(body, max(0, match.start() - _WORD_BEFORE_CHARS), match.start())
    if not text or text.lower() not in ABBREVIATIONS and not _INITIAL_OR_DOTTED.fullmatch(text):
        return True
    return _may_close_sentence(text) and _opens_sentence(body, nxt)


def _may_close_sentence(abbreviation: str) -> bool:
    # "U.S.", "U.N.", "Inc.": a sentence may end on them; not on a title or a lone initial.
    return abbreviation.lower() in _CLOSING_ABBREVIATIONS or _DOTTED.fullmatch(abbreviation) is not None


def _opens_sentence(body: str, pos: int) -> bool:
    word = _NEXT_WORD.match(body, pos)
    return word is not None and word.group(1) in _SENTENCE_OPENERS


def _word_before(body: str, lo: int, hi: int) -> str:
    # The letters and dots ending ``body[lo:hi]`` (or ending before a newline closing it, as ``$``
    # would), from their first letter; read backwards, where a search anchored at the end is tried
    # at every position of the window.
    end = hi - 1 if lo < hi and body[hi - 1] == "\n" else hi
    run = body[lo:end]
    return run[len(run.rstrip(_WORD_CHARS)):].lstrip(".")


def _skip_space(body: str, pos: int, limit: int) -> int:
    while pos < limit and body[pos].isspace():
        pos += 1
    return pos


def _trim(body: str, start: int, end: int) -> Span:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """Look up the sentence that carries a span, in O(log n)."""

    body: str
    spans: tuple[Span, ...]
    starts: tuple[int, ...]

    @classmethod
    def build(
        cls, body: str, *, paragraph_spans: tuple[Span, ...] | None = None, skip_to: int = 0
    ) -> SentenceIndex:
        spans = sentences(body, paragraph_spans=paragraph_spans, skip_to=skip_to)
        return cls(body=body, spans=spans, starts=tuple(s for s, _ in spans))

    def index_at(self, pos: int) -> int:
        """Index of the sentence holding ``pos`` (or the last one starting before it); -1 if none."""
        return bisect.bisect_right(self.starts, pos) - 1

    def containing(self, span: Span) -> Span:
        """The sentence (or run of sentences) covering ``span``; never narrower than ``span``."""
        first = self.index_at(span[0])
        last = self.index_at(max(span[0], span[1] - 1))
        start = self.spans[first][0] if first >= 0 else span[0]
        end = self.spans[last][1] if last >= 0 else span[1]
        return min(start, span[0]), max(end, span[1])

    def sentence_of(self, pos: int) -> Span:
        """The sentence holding ``pos``; an empty span at ``pos`` when there is none."""
        i = self.index_at(pos)
        if i < 0 or self.spans[i][1] < pos:
            return pos, pos
        return self.spans[i]
