"""Mixed quotes: quoted words inside a reported clause, and the clause they are credited with (pure core).

PolNeAR's (and PARC's) content of a mixed quote is the whole reported clause, not the quoted words
alone. ``quotes`` finds a quote's cue; these rules decide whether the quote is mixed and which span
of the sentence is its statement:

* "X declared on Telegram that his forces “continue to march”" — quoted words after a cue and a gap
  of the reporter's words (``is_mixed``, ``mixed_statement``);
* "Obama said “it gets me mad” every time he thinks about …" — the sentence carries on past the
  closing mark (``running_on``);
* "Gore tried to distance himself, and he “made a mistake,” Smith said" — the reporter's words open
  the sentence and the cue follows the quote (``with_lead_in``).
"""

from __future__ import annotations

import dataclasses
import re

from services.claims.extract.constants import (
    MIXED_MAX_GAP_WORDS,
    MIXED_MIN_WORDS,
    MIXED_QUOTE_SHARE,
    SCARE_MAX_WORDS,
)
from services.claims.extract.context import ArticleContext, is_title_case, trim_end, word_count
from services.claims.extract.cues import CHANNEL, SCARE_LEAD, TIME, WS
from services.claims.extract.loose_cues import QuoteCue
from services.claims.extract.quote_marks import QuotedRegion

Span = tuple[int, int]

_QUOTE_MARK = re.compile(r"[“\"]")
# Between a cue and its statement: a channel, a time, "that" ("declared on Telegram that …").
_STATEMENT_START = re.compile(rf"(?:{WS}*{CHANNEL})?{TIME}?{WS}*,?(?:{WS}*that(?![\w’'-]))?{WS}*")


def with_lead_in(ctx: ArticleContext, region: QuotedRegion, span: Span, cue: QuoteCue) -> QuoteCue:
    """A quote whose cue follows it ("…,” Smith said) and whose sentence opens with the writer's words
    is a mixed quote of the whole clause: "Gore tried to distance himself, and he “made a mistake,”
    Smith said" credits Smith with all of it (PolNeAR's and PARC's content span)."""
    if cue.statement is not None or cue.span is None or cue.span[0] < span[1] or region.after_close is None:
        return cue
    start = ctx.sentences.sentence_of(region.open_at)[0]
    lead_in = ctx.body[start:region.open_at]
    if _QUOTE_MARK.search(lead_in) or word_count(lead_in) < MIXED_MIN_WORDS:
        return cue
    start += len(lead_in) - len(lead_in.lstrip())
    statement = (start, trim_end(ctx.body, start, region.after_close))
    if (span[1] - span[0]) >= MIXED_QUOTE_SHARE * (statement[1] - statement[0]):
        return cue
    return dataclasses.replace(cue, quote_type="mixed", statement=statement)


def running_on(ctx: ArticleContext, gap_start: int, region: QuotedRegion, span: Span) -> Span | None:
    """The clause of a quote that the reporter's words carry on past ("Obama said “it gets me mad” every
    time he thinks about …"): no colon or comma opens the quote and words follow its closing mark in
    the sentence, so the quoted words are part of a reported clause (a mixed quote)."""
    gap = ctx.body[gap_start:region.open_at]
    if region.after_close is None or ":" in gap or "," in gap:
        return None
    sentence_end = ctx.sentences.sentence_of(span[0])[1]
    rest = ctx.body[region.after_close:sentence_end]
    if not rest[:1].isspace() or word_count(rest) < MIXED_MIN_WORDS:
        return None
    return mixed_statement(ctx, gap_start, span)


def mixed_statement(ctx: ArticleContext, gap_start: int, span: Span) -> Span | None:
    # PolNeAR's (and PARC's) content of a mixed quote is the whole reported clause: "said his staff
    # “did the wrong thing” by looking at …". When the quoted words are most of that clause (the seed
    # article's "that his forces “continue to march …”"), the quoted words alone stay the text.
    after = _STATEMENT_START.match(ctx.body, gap_start, span[0])
    start = after.end() if after is not None else gap_start
    sentence_end = ctx.sentences.sentence_of(span[0])[1]
    end = max(span[1], trim_end(ctx.body, span[1], max(span[1], sentence_end)))
    if start >= span[0] or (span[1] - span[0]) >= MIXED_QUOTE_SHARE * (end - start):
        return None
    return (start, end)


def is_mixed(ctx: ArticleContext, gap_start: int, open_at: int, span: Span) -> bool:
    # A quoted fragment inside reported speech, unless it is a scare quote or a title.
    gap = ctx.body[gap_start:open_at]
    text = ctx.body[span[0]:span[1]]
    words = word_count(text)
    if word_count(gap) > MIXED_MAX_GAP_WORDS or words < MIXED_MIN_WORDS:
        return False
    if SCARE_LEAD.search(gap) and words <= SCARE_MAX_WORDS:
        return False
    return not (is_title_case(text) and words <= 10)
