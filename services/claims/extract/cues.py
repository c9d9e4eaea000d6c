"""Regular expressions for cues: reporting verbs, channels, addressees (pure core, claims service).

Shared by the quote, indirect-speech and attribution extractors so that all three read a cue the
same way. Built once at import from the word lists in ``constants``.
"""

from __future__ import annotations

import re

from services.claims.extract.constants import (
    CHANNEL_BY_NOUNS,
    CHANNEL_NOUNS,
    INDIRECT_VERBS,
    REPORTING_VERBS,
)

WS = r"[ \t\u00a0]"


def _alternation(words: frozenset[str] | tuple[str, ...]) -> str:
    # Longest first, so that "press conference" wins over "press".
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


CUE_VERB = rf"(?:{_alternation(REPORTING_VERBS)})"
INDIRECT_VERB = rf"(?:{_alternation(INDIRECT_VERBS)})"
# "on Telegram", "in a statement", "at a news conference", "on state television", "by phone".
CHANNEL = (
    rf"(?:(?:on|in|at|via|during|through){WS}+(?:(?:a|an|the|his|her|their|its){WS}+)?"
    rf"(?:[\w’'-]+{WS}+){{0,2}}?(?:{_alternation(CHANNEL_NOUNS)})"
    rf"|by{WS}+(?:(?:a|an){WS}+)?(?:{_alternation(CHANNEL_BY_NOUNS)}))(?![\w’'-])"
)
# Who was told: "told reporters", "told AFP", "told the BBC", "told a news conference".
ADDRESSEE = (
    rf"(?:reporters|journalists|supporters|lawmakers|parliament|"
    rf"(?:the|a|an){WS}+(?:[\w’'-]+{WS}+){{0,2}}?[\w’'-]+|[A-Z][\w’'.-]*(?:{WS}+[A-Z][\w’'.-]*){{0,3}})"
)
# A time phrase after a cue: "on Friday", "late on Thursday", "earlier this week".
TIME = (
    rf"(?:{WS}+(?:on|late|early|earlier|later|last|this|yesterday|today|overnight)"
    rf"(?:{WS}+(?:on|in|this|last|[A-Z][a-z]+day|week|month|year|morning|evening|night)){{0,3}})"
)
# Adverbs and auxiliaries between a subject and its cue: "he also said", "Abdel Ghani has said".
ADVERBS_AT_END = re.compile(
    rf"(?:{WS}+(?:also|later|then|earlier|previously|repeatedly|has|had|have|once|again|recently|"
    rf"publicly|formally|reportedly|further|separately|first)){{1,3}}{WS}*\Z"
)

CUE_VERB_RE = re.compile(rf"(?<![\w’'-]){CUE_VERB}(?![\w’'-])")
INDIRECT_VERB_RE = re.compile(rf"(?<![\w’'-]){INDIRECT_VERB}(?![\w’'-])")
CHANNEL_RE = re.compile(rf"{WS}*({CHANNEL})")
