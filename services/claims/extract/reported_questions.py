"""Reported questions: "Asked whether the plan would pass, the senator said …" (pure core).

A question put to a speaker is reported speech of whoever asked it (PolNeAR annotates "asked" with
the question as its content): the asker when the sentence names one ("asked by a reporter whether
…"), else no one. The answer that follows is read by the other rules.

Rule: "[When] asked [by X] [him] [on Monday, in Iowa …] whether|if|about|what|how|why … ," — the
question runs to the next comma, semicolon or end of sentence, and never into a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.claims.extract.constants import INDIRECT_MIN_WORDS
from services.claims.extract.context import ArticleContext, trim_end, word_count
from services.claims.extract.cues import WS
from services.claims.extract.speakers import SUBJECT, Subject, subject_from_span

Span = tuple[int, int]

_ASKED = re.compile(
    rf"(?<![\w’'-])(?P<cue>[Aa]sked)(?:{WS}+by{WS}+(?P<asker>{SUBJECT}))?"
    rf"(?:{WS}+(?:him|her|them|me|us|reporters|voters))?"
    rf"(?:{WS}+(?:on|in|at|during|last|this|recently|earlier|later|again|repeatedly)(?![\w’'-])"
    rf"(?:{WS}+[^\s,;.?!“”\"]+){{0,6}}?)?{WS}+"
    rf"(?P<question>(?:whether|if|about|what|how|why|who|when|where)(?![\w’'-])[^,;.?!“”\"\n]+)"
)

# The word before a passive or participial "asked" ("When asked", "was asked", "after being asked").
_PASSIVE_LEADS = frozenset("when was were is are be been being after once if while until".split())
_WORD_BEFORE = re.compile(rf"([\w’'-]+){WS}+\Z")


@dataclass(frozen=True, slots=True)
class ReportedQuestion:
    """A question credited to its asker (None when the sentence names no one)."""

    question: Span
    asker: Subject | None
    cue_span: Span


def reported_questions(ctx: ArticleContext) -> list[ReportedQuestion]:
    """Every "asked whether …" of the article's sentences (quote sentences included)."""
    body = ctx.body
    if body.find("sked", 0) < 0:
        return []
    found = []
    for match in _ASKED.finditer(body):
        if not _passive(body, match.start()):
            continue  # "the reporter asked whether …" is read by the clause rules of ``reported``
        start, end = match.span("question")
        question = (start, trim_end(body, start, end))
        if word_count(body[question[0]:question[1]]) < INDIRECT_MIN_WORDS:
            continue
        asker = subject_from_span(body, match.span("asker")) if match.group("asker") else None
        found.append(ReportedQuestion(question, asker, match.span("cue")))
    return found


def _passive(body: str, at: int) -> bool:
    # "Asked …", "When asked …", "…, asked …", "was asked …": no subject of "asked" right before it.
    before = _WORD_BEFORE.search(body, max(0, at - 16), at)
    return before is None or before.group(1).lower() in _PASSIVE_LEADS or body[at] == "A"
