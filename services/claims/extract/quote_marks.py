"""Pair quote marks into quoted regions (pure core of the claims service).

Curly marks say their direction; straight marks get one from their neighbours (white space before
and a letter after opens). A region left open at the end of a paragraph runs on when the next
paragraph opens with a mark (the newspaper convention for quotes over several paragraphs); otherwise
it ends with its paragraph. A stray closing mark is ignored. Only double marks delimit quotes:
single curly marks double as apostrophes ("Syria’s") and cannot be paired reliably by rules. Two
apostrophes (``''``) and two backticks (````` `` `````) count as one double mark: archives converted
from typewriter or TeX conventions (the New York Times copy in PolNeAR) write quotes that way; three
apostrophes are such a mark beside the single mark of a quote nested in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Span = tuple[int, int]
Direction = Literal["open", "close", "either"]

# Longest first: a doubled apostrophe or backtick is one mark, a lone apostrophe is no mark. Every
# alternative is spelt from a literal so that the engine scans for their first characters in C
# (a character class as one alternative costs that, and the scan is then 2.5 times slower).
_MARK = re.compile(r"'''|''|``|\"|“|”|„|«|»")
_OPENING_CONTEXT = "([{—–-/"
_CLOSING_CONTEXT = ".,;:!?)]}—–-’'"


@dataclass(frozen=True, slots=True)
class QuotedRegion:
    """Quote marks and what they enclose: ``open_at`` and ``close_at`` are the marks' offsets."""

    open_at: int
    close_at: int | None
    content_end: int
    open_len: int = 1
    close_len: int = 1

    @property
    def content_start(self) -> int:
        """Where the words start: right after the opening mark."""
        return self.open_at + self.open_len

    @property
    def after_close(self) -> int | None:
        """Right after the closing mark; None when the region was never closed."""
        return None if self.close_at is None else self.close_at + self.close_len


def quoted_regions(body: str, paragraph_spans: tuple[Span, ...]) -> list[QuotedRegion]:
    """Every quoted region of ``body``, in order; regions may run over several paragraphs."""
    regions: list[QuotedRegion] = []
    open_at: tuple[int, int] | None = None  # the open mark's offset and length
    previous_end = 0
    for p_start, p_end in paragraph_spans:
        marks = [_mark(body, m.start(), m.end()) for m in _MARK.finditer(body, p_start, p_end)]
        if open_at is not None:
            # A paragraph that opens with a mark continues the quote left open above it.
            if marks and marks[0][0] == p_start and marks[0][1] != "close":
                marks = marks[1:]
            else:
                regions.append(QuotedRegion(open_at[0], None, previous_end, open_at[1]))
                open_at = None
        open_at = _pair_marks(marks, open_at, regions)
        previous_end = p_end
    if open_at is not None:
        regions.append(QuotedRegion(open_at[0], None, previous_end, open_at[1]))
    return regions


def _pair_marks(
    marks: list[tuple[int, Direction, int]], open_at: tuple[int, int] | None, regions: list[QuotedRegion]
) -> tuple[int, int] | None:
    # ``open_at`` is the open mark's offset and length, carried over from the paragraph above.
    for pos, direction, length in marks:
        if open_at is None:
            if direction != "close":  # a stray closing mark is ignored
                open_at = (pos, length)
        elif direction == "open":
            # A second opening mark: the first quote was never closed; it ends here.
            regions.append(QuotedRegion(open_at[0], None, pos, open_at[1]))
            open_at = (pos, length)
        else:
            regions.append(QuotedRegion(open_at[0], pos, pos, open_at[1], length))
            open_at = None
    return open_at


def _mark(body: str, pos: int, end: int) -> tuple[int, Direction, int]:
    # A mark's offset, direction and length. Three apostrophes are a single quote nested at the edge
    # of a double one: closing, the double mark is the last two ("said 'no.'''"); else the first two.
    direction = _direction(body, pos, end)
    if end - pos == 3:
        return (pos + 1, direction, 2) if direction == "close" else (pos, direction, 2)
    return pos, direction, end - pos


def _direction(body: str, pos: int, end: int) -> Direction:
    mark = body[pos:end]
    before = body[pos - 1] if pos > 0 else " "
    after = body[end] if end < len(body) else " "
    opening = (before.isspace() or before in _OPENING_CONTEXT) and not after.isspace()
    closing = not before.isspace() and (after.isspace() or after in _CLOSING_CONTEXT)
    if mark == "``":
        return "open"  # TeX convention: backticks open, apostrophes close
    if mark in "“„«":
        return "close" if closing and not opening else "open"
    if mark in "”»":
        return "open" if opening and not closing else "close"
    if opening != closing:
        return "open" if opening else "close"
    return "either"
