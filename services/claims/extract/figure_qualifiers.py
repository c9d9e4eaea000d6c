"""The words before a number that bound or qualify it (pure core of the claims service).

"over 100" is a lower bound, "up to 20" an upper one, "nearly 40" approximate, "plus or minus 3" a
margin. Qualifiers are looked for behind a number, not tried at every position of the text: that
keeps the figure patterns of ``figures`` fast.
"""

from __future__ import annotations

import re
from dataclasses import replace

from services.claims.extract.constants import QUALIFIERS
from services.claims.extract.cues import WS
from services.claims.extract.figure_context import WORD_BEFORE
from services.claims.extract.figure_merges import Draft
from services.claims.extract.figure_words import COMPARISONS, MARGINS, VERBS_TAKING_OVER
from services.claims.extract.numbers import QUALIFIER

# Each qualifier as written → (bound kind: low, high, approx or exact; whether the bound is inclusive).
BOUNDS = {**QUALIFIERS, **COMPARISONS, **MARGINS}
# Comparison signs may touch the number (">10", "<= 5", "±2", "+/-3").
_QUALIFIER_BEFORE = re.compile(
    rf"(?:(?<![\w’'-])({QUALIFIER}){WS}+|(?<![<>=])([<>]{WS}?=?|[≤≥±]|\+/-){WS}*)\Z"
)
_QUALIFIER_WINDOW = 45  # "equal to or greater than" and its spacing
_QUALIFIER_LAST_WORDS = frozenset(q.split()[-1] for q in (*BOUNDS, "between", "from"))
_LAST_WORD = re.compile(rf"([A-Za-z]+|[<>=≤≥±]|\+/-){WS}*\Z")
_PLUS_OR = re.compile(rf"(?i:plus{WS}+or){WS}+\Z")
_SPACES = re.compile(r"\s+")


def qualifier_before(body: str, start: int) -> tuple[str | None, int]:
    """The qualifier right before the number at ``start`` as written, and where the figure starts."""
    last = _LAST_WORD.search(body, max(0, start - 16), start)
    if last is None or not (last.group(1).lower() in _QUALIFIER_LAST_WORDS or last.group(1)[-1] in "<>=≤≥±-"):
        return None, start  # one set lookup spares the full search for most numbers
    found = _QUALIFIER_BEFORE.search(body, max(0, start - _QUALIFIER_WINDOW), start)
    if found is None or _is_particle(body, found):
        return None, start
    return (found.group(1) or found.group(2)), found.start()


def plus_or_before(body: str, start: int) -> int | None:
    """Where "plus or" starts when it comes right before ``start`` ("plus or minus 3.4 points")."""
    found = _PLUS_OR.search(body, max(0, start - 10), start)
    return found.start() if found else None


def bound_kind(qualifier: str) -> str:
    """ "low", "high", "approx" or "exact": what the qualifier makes of the number after it."""
    return BOUNDS.get(_SPACES.sub(" ", qualifier.lower()), ("approx", True))[0]


def qualified(draft: Draft, qualifier: str, value: float | None) -> Draft:
    """``draft`` bounded by its qualifier: "over 100" → low 100 exclusive; "up to 20" → high 20
    inclusive; "nearly 40" → approximate."""
    qualifier = _SPACES.sub(" ", qualifier.lower())
    kind, inclusive = BOUNDS.get(qualifier, ("approx", True))
    draft = replace(draft, qualifier=qualifier)
    if value is None:
        return replace(draft, approximate=draft.approximate or kind == "approx")
    if kind == "low":
        return replace(draft, value=None, low=value, low_inclusive=inclusive, high=None)
    if kind == "high":
        return replace(draft, value=None, high=value, high_inclusive=inclusive, low=None)
    return replace(draft, approximate=kind == "approx")


def _is_particle(body: str, qualifier: re.Match[str]) -> bool:
    # "handed over $25 million", "fork over thousands": the particle of a verb, no bound.
    if (qualifier.group(1) or "").lower() != "over":
        return False
    verb = WORD_BEFORE.search(body, max(0, qualifier.start() - 12), qualifier.start())
    return verb is not None and verb.group(1).lower() in VERBS_TAKING_OVER
