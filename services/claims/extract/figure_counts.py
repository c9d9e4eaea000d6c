"""What a bare number counts: a year, an age, a share of a group, a count, or nothing (pure core).

``figures`` reads a number with no unit; this module decides what it is by its neighbours: "the 2012
attacks" (a year), "Mona Lamberson, 59," (an age), "half of voters" (a proportion), "14 people" (a
count of people), "one of them" or "ground zero" (no figure).
"""

from __future__ import annotations

import re
from dataclasses import replace

from services.claims.extract.context import ArticleContext
from services.claims.extract.cues import WS
from services.claims.extract.figure_context import WORD_BEFORE, counted_phrase, is_age
from services.claims.extract.figure_merges import Draft
from services.claims.extract.figure_ranges import is_year
from services.claims.extract.figure_words import (
    DETERMINERS_OF_A_GROUP,
    FRACTION_WORDS,
    HALF_IDIOM_NOUNS,
    NOT_A_SHARE_BEFORE,
    POLL_VERBS,
    VULGAR_FRACTIONS,
    YEAR_LEAD_WORDS,
    ZERO_IN_NAMES,
)
from services.claims.extract.numbers import alternation

# "a decade and a half of wars": the fraction ends a mixed number; not after a comma, where "and"
# joins clauses ("most said no, and a third said yes").
_AND_BEFORE = re.compile(rf"(?<![\w’'-])(?<!,\s)and{WS}+\Z")
_AND_A_BEFORE = re.compile(rf"(?<![\w’'-])(?<!,\s)and{WS}+an?{WS}+\Z")
_SHARE_OF = re.compile(rf"{WS}+of(?:{WS}+(?i:{alternation(DETERMINERS_OF_A_GROUP)}))?(?={WS})")
_HALF_THE = re.compile(rf"{WS}+(?i:{alternation(DETERMINERS_OF_A_GROUP)})(?={WS})")  # "half the voters"
_POLL_VERB_AFTER = re.compile(rf"{WS}+(?:{alternation(POLL_VERBS)})\b")


def counted(ctx: ArticleContext, draft: Draft, text: str, *, scaled: bool, qualified: bool) -> Draft | None:
    """The bare number ``text`` of ``draft`` read as a year, an age, a share of a group or a count of
    what follows it, or None when it counts nothing ("one of them"). ``scaled``: a scale word follows
    it ("2016 million" is no year); ``qualified``: a qualifier precedes it ("about 2000 people")."""
    phrase = counted_phrase(ctx.body, draft.span[1], allow_of=False)
    if is_age(ctx.body, draft.span, draft.value, phrase):
        return replace(draft, unit="year", quantity="age")  # "aged 35", "Mona Lamberson, 59, of …"
    year = is_year(text) and not scaled and draft.value is not None
    if year and (not phrase.plural or (_is_year_of_what_follows(ctx.body, draft.span[0], text) and not qualified)):
        return replace(draft, quantity="year")  # "the 2016 presidential candidates" are no count
    start = draft.span[0]
    verb = WORD_BEFORE.search(ctx.body, max(0, start - 20), start)
    share = _share_of(ctx.body, draft, text, verb)
    if share is not None:
        return share
    if not qualified and not phrase.head and _is_lone_word(text) and draft.value in {0.0, 1.0, 0.5}:
        if not _is_zero_value(ctx.body, draft, verb):
            return None  # "ground zero", "one of them", "the first half": a word counting nothing
    about = phrase.about_with(verb.group(1).lower() if verb else None)
    quantity = draft.quantity if draft.quantity == "year" else phrase.quantity
    return replace(draft, span=(draft.span[0], max(draft.span[1], phrase.end)), quantity=quantity, about=about)


def _share_of(body: str, draft: Draft, text: str, word_before: re.Match[str] | None) -> Draft | None:
    # "half of voters", "two thirds of Americans", "Nearly half of them": a fraction of a group is a
    # proportion of it, like "one in three"; not a part of a period or a thing ("the first half of
    # 2016", "the other half of the money") nor of a mixed number ("a decade and a half of wars").
    words = text.lower().replace("-", " ").split()
    if draft.value is None or not 0 < draft.value < 1 or not words or words[-1] not in FRACTION_WORDS:
        return None
    # "Half said so", "Two-thirds support the plan": a fraction before a poll verb is the share of
    # those asked; "half the voters" a share of the group as "half of the voters" is.
    of = _SHARE_OF.match(body, draft.span[1]) or (words[-1] == "half" and _HALF_THE.match(body, draft.span[1]))
    polled = not of and _POLL_VERB_AFTER.match(body, draft.span[1]) is not None
    if not (of or polled) or (word_before is not None and word_before.group(1).lower() in NOT_A_SHARE_BEFORE):
        return None
    start = draft.number_span[0]
    mixed = _AND_BEFORE if words[0] in {"a", "an"} else _AND_A_BEFORE
    if mixed.search(body, max(0, start - 10), start):
        return None
    about = counted_phrase(body, of.end(), allow_of=False).head if of else None
    if about in HALF_IDIOM_NOUNS:
        return None  # "half the time", "half the battle": an idiom
    return replace(draft, quantity="proportion", about=about)


def _is_zero_value(body: str, draft: Draft, word_before: re.Match[str] | None) -> bool:
    # "rates fell to zero", "Zero is a small number": zero written out is a value, but not in a
    # name ("ground zero", "size zero") nor in a compound ("zero-sum game").
    if draft.value != 0.0 or body.startswith("-", draft.span[1]):
        return False
    return word_before is None or word_before.group(1).lower() not in ZERO_IN_NAMES


def _is_lone_word(text: str) -> bool:
    # "one", "a half", "zero": not "nought point five", which is written out as a number on purpose.
    return not any(c.isdigit() or c in VULGAR_FRACTIONS for c in text) and len(text.split()) <= 2


def _is_year_of_what_follows(body: str, start: int, text: str) -> bool:
    # News style writes counts from 1,000 up with a comma (AP Stylebook, "numerals"): a bare 19xx or
    # 20xx before a plural noun is the year of what follows ("the 2012 attacks", "2016 candidates").
    # A round 1900 or 2000 is as often a count written without one ("sent 2000 troops"): a year
    # only after a determiner, a possessive or a preposition of time ("the 2000 elections", "Bush's
    # 2000 voters", "In 2000 voters chose …").
    if not is_year(text) or text[:2] not in {"19", "20"}:
        return False
    if not text.endswith("00"):
        return True
    word = WORD_BEFORE.search(body, max(0, start - 12), start)
    if word is None:
        return False
    return word.group(1).lower() in YEAR_LEAD_WORDS or body[word.start(1) - 1:word.start(1)] in {"’", "'"}
