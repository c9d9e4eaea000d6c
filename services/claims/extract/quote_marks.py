"""Pair quote marks into quoted regions (pure core of the claims service).

Curly marks say their direction; straight marks get one from their neighbours (white space before
and a letter after opens). A region left open at the end of a paragraph runs on when the next
paragraph opens with a mark (the newspaper convention for quotes over several paragraphs); otherwise
it ends with its paragraph. A stray closing mark is ignored. Only double marks delimit quotes:
single curly marks double as apostrophes ("Syria’s") and cannot be paired reliably by rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]
Direction = Literal["open", "close", "either"]

_MARK = re.compile(r"[\"“”„«»]")
_OPENING_CONTEXT = "([{—–-/"
_CLOSING_CONTEXT = ".,;:!?)]}—–-’'"


@dataclass(frozen=True, slots=True)
class QuotedRegion:
    """Quote marks and what they enclose: ``open_at`` and ``close_at`` are the marks' offsets."""

    open_at: int
    close_at: int | None
    content_end: int


def quoted_regions(body: str, paragraph_spans: tuple[Span, ...]) -> list[QuotedRegion]:
    """Every quoted region of ``body``, in order; regions may run over several paragraphs."""
    regions: list[QuotedRegion] = []
    open_at: int | None = None
    previous_end = 0
    for p_start, p_end in paragraph_spans:
        marks = [(m.start(), _direction(body, m.start())) for m in _MARK.finditer(body, p_start, p_end)]
        if open_at is not None:
            # A paragraph that opens with a mark continues the quote left open above it.
            if marks and marks[0][0] == p_start and marks[0][1] != "close":
                marks = marks[1:]
            else:
                regions.append(QuotedRegion(open_at, None, previous_end))
                open_at = None
        open_at = _pair_marks(marks, open_at, regions)
        previous_end = p_end
    if open_at is not None:
        regions.append(QuotedRegion(open_at, None, previous_end))
    return regions


def _pair_marks(
    marks: list[tuple[int, Direction]], open_at: int | None, regions: list[QuotedRegion]
) -> int | None:
    for pos, direction in marks:
        if open_at is None:
            if direction != "close":  # a stray closing mark is ignored
                open_at = pos
        elif direction == "open":
            # A second opening mark: the first quote was never closed; it ends here.
            regions.append(QuotedRegion(open_at, None, pos))
            open_at = pos
        else:
            regions.append(QuotedRegion(open_at, pos, pos))
            open_at = None
    return open_at


def _direction(body: str, pos: int) -> Direction:
    mark = body[pos]
    before = body[pos - 1] if pos > 0 else " "
    after = body[pos + 1] if pos + 1 < len(body) else " "
    opening = (before.isspace() or before in _OPENING_CONTEXT) and not after.isspace()
    closing = not before.isspace() and (after.isspace() or after in _CLOSING_CONTEXT)
    if mark in "“„«":
        return "close" if closing and not opening else "open"
    if mark in "”»":
        return "open" if opening and not closing else "close"
    if opening != closing:
        return "open" if opening else "close"
    return "either"
