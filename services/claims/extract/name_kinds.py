"""The kind of a name (person, organisation or place) by the words it holds.

Pure core of the claims service, beside ``names.py`` (which finds the names): a named state, country
or city is an organisation, since in news copy it speaks as its government; a title-case headline
caught as a name ("Hillary Clinton Wins Delaware") is no one a pronoun refers to.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from services.claims.extract.constants import ORG_WORDS, PLACE_WORDS
from services.claims.extract.name_words import HEADLINE_VERBS, ORG_HEADS, POLITIES

NameKind = Literal["person", "org", "place"]
UPPER = "A-ZÀ-ÖØ-Þ"  # the capitals a name may open on
_ACRONYM_RE = re.compile(rf"[{UPPER}][{UPPER}&.-]*[{UPPER}]s?")


@lru_cache(maxsize=8192)  # pure; names repeat within and across articles
def bare_token(token: str) -> str:
    """A token for comparison: lower-case, without a possessive or an ``al-`` particle."""
    token = token.lower().removesuffix("’s").removesuffix("'s")
    for particle in ("al-", "el-"):
        if token.startswith(particle):
            return token[len(particle):]
    return token


def headline_verb_index(words: list[str]) -> int:
    """Where a headline's verb cuts a run of lower-cased words ("hillary clinton wins delaware" -> 2);
    its length when nowhere. A verb the run opens on is left to the caller's other rules."""
    return next((i for i, word in enumerate(words) if i and word in HEADLINE_VERBS), len(words))


@lru_cache(maxsize=8192)  # pure; names repeat within and across articles
def name_kind(text: str, *, org_names: frozenset[str] = frozenset()) -> NameKind:
    """Person, organisation or place, by the words the name holds.

    A named state, country or city is an organisation: in news copy it speaks as its government
    ("Beijing responded", "Philadelphia is considering"), and no pronoun "he" refers back to it. A
    name holding a place word stays a place ("North Korea fired two missiles" credits no one).
    """
    words = [bare_token(w) for w in text.split()]
    if text in org_names or _ACRONYM_RE.fullmatch(text):
        return "org"
    if any(w in ORG_WORDS for w in words):
        return "org"
    head = _head_words(words)
    # A headline ("Hillary Clinton Wins Delaware") names no person or place a pronoun could refer to.
    if head and head[-1] in ORG_HEADS or headline_verb_index(words) < len(words):
        return "org"
    if any(w in PLACE_WORDS for w in words):
        return "place"
    return "org" if _ends_in_polity(head) else "person"


def _head_words(words: list[str]) -> list[str]:
    # The words before "of": "Bernie Sanders of Vermont" is a person, "Gaming Enforcement of New
    # Jersey" an organisation.
    return words[:words.index("of", 1)] if "of" in words[1:] else words


def _ends_in_polity(words: list[str]) -> bool:
    # "Minnesota", "New Hampshire", "Salt Lake City": the last one to three words name a polity.
    return any(" ".join(words[-n:]) in POLITIES for n in (1, 2, 3) if n <= len(words))
