"""Reported speech in a relative clause: "Barkley, who said he votes Democratic, …" (pure core).

The speaker of "who said S" is the person the relative pronoun stands for: a name right before it,
perhaps with a short description between ("Mr. Guerrero, a Republican who described himself as …").
The claim keeps "who" as the speaker as written (the mention at the cue, as for "he") and the
antecedent's fullest name as the speaker's name (``antecedent_name``).

Rule: "NAME[, a description,] who [has, also …] CUE [that] S" — S runs to the comma closing the
relative clause when a comma opened it, else to the end of the sentence.
"""

from __future__ import annotations

import bisect
import re

from services.claims.extract.constants import INDIRECT_MIN_WORDS, RELATIVE_ANTECEDENT_MAX_CHARS
from services.claims.extract.context import ArticleContext, trim_end, word_count
from services.claims.extract.cues import CLAUSE_CUE_RE, WS
from services.claims.extract.learned_cues import cue_runs
from services.claims.extract.reported_clauses import ClauseStatement, after_cue
from services.claims.extract.speakers import Subject

Span = tuple[int, int]

_WHO = re.compile(
    rf"(?<![\w’'-])who(?:{WS}+(?:also|later|then|earlier|previously|repeatedly|has|had|have|once|again|recently|"
    rf"publicly|often|never|long|first)){{0,3}}{WS}+(?=[a-z])"
)
# Between a name and "who": a home state ("of New York", no part of the name), then nothing, a comma,
# or a comma and a short description ("a Republican").
_GAP = re.compile(
    rf"(?:{WS}+of{WS}+[A-Z][a-z]+(?:{WS}+[A-Z][a-z]+)?)?"
    rf"{WS}*(?:,{WS}*(?:(?:a|an|the){WS}+[^,;.!?“”\"()]{{1,50}}?{WS}*)?)?\Z"
)


def relative_statements(ctx: ArticleContext, start: int, end: int) -> list[ClauseStatement]:
    """Every "NAME, who CUE S" of the sentence ``body[start:end]`` whose NAME is a person."""
    body = ctx.body
    if body.find("who", start, end) < 0:
        return []
    found = []
    for who in _WHO.finditer(body, start, end):
        who_span = (who.start(), who.start() + 3)
        cue = _cue_at(body, who.end(), end)
        if cue is None or antecedent_name(ctx, who_span[0]) is None:
            continue
        statement = _statement(body, who_span[0], cue[1], end)
        if statement is not None:
            subject = Subject(body[who_span[0]:who_span[1]], who_span, "pronoun")
            found.append((statement, subject, body[cue[0]:cue[1]], cue, None))
    return found


def antecedent_name(ctx: ArticleContext, who_at: int) -> str | None:
    """The fullest name of the person a "who" at ``who_at`` refers to, or None when no person is
    named right before it."""
    mentions = ctx.names.mentions
    i = bisect.bisect_left(mentions, who_at, key=lambda m: m.span[1]) - 1
    while i >= 0 and mentions[i].span[1] > who_at:
        i -= 1
    if i < 0:
        return None
    mention = mentions[i]
    near = who_at - mention.span[1] <= RELATIVE_ANTECEDENT_MAX_CHARS
    if mention.kind != "person" or not near or _GAP.match(ctx.body, mention.span[1], who_at) is None:
        return None
    return ctx.names.resolve(mention.text)


def _cue_at(body: str, pos: int, end: int) -> Span | None:
    # A listed cue, or a learned one, as the first word of the relative clause's verb phrase.
    listed = CLAUSE_CUE_RE.match(body, pos, end)
    if listed is not None:
        return listed.span()
    learned = next(cue_runs(body, pos, min(end, pos + 60)), None)
    return learned if learned is not None and learned[0] == pos else None


def _statement(body: str, who_at: int, cue_end: int, end: int) -> Span | None:
    start = after_cue(body, cue_end, end)
    opened_by_comma = body[max(0, who_at - 3):who_at].rstrip().endswith(",")
    close = body.find(",", start, end) if opened_by_comma else -1
    stop = close if close >= 0 else end
    span = (start, trim_end(body, start, stop))
    return span if word_count(body[span[0]:span[1]]) >= INDIRECT_MIN_WORDS else None
