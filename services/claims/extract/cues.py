"""Regular expressions for cues: reporting verbs, channels, addressees (pure core, claims service).

Shared by the quote, indirect-speech and attribution extractors so that all three read a cue the
same way. Built once at import from the word lists in ``constants``.
"""

from __future__ import annotations

import re

from services.claims.extract.constants import (
    CHANNEL_BY_NOUNS,
    CHANNEL_NOUNS,
    CLAUSE_CUE_PHRASES,
    CLAUSE_CUE_VERBS,
    INDIRECT_VERBS,
    ORG_NOUNS,
    PARTICIPLE_CUES,
    PEOPLE_NOUNS,
    REPORTING_VERBS,
    ROLE_NOUNS,
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
    rf"(?:{WS}+(?:on|in|this|last|[A-Z][a-z]+day|week|month|year|morning|evening|night)){{0,3}}"
    rf"|{WS}+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"  # US style: "said Monday"
    rf"(?:{WS}+(?:morning|afternoon|evening|night))?)"
)
# Adverbs and auxiliaries between a subject and its cue: "he also said", "Abdel Ghani has said".
ADVERBS_AT_END = re.compile(
    rf"(?:{WS}+(?:also|later|then|earlier|previously|repeatedly|has|had|have|once|again|recently|"
    rf"publicly|formally|reportedly|further|separately|first)){{1,3}}{WS}*\Z"
)

# Words right before a quoted noun phrase that make it a scare quote or a title, not speech (whole
# words: "was" does not end in the word "as").
SCARE_LEAD = re.compile(
    r"(?<![\w’'-])(?:the|a|an|its|his|her|their|our|so-called|as|called|dubbed|named|titled|entitled|"
    r"book|film|song|novel|slogan|term|word|phrase)\W*\Z",
    re.IGNORECASE,
)

# A byline after a closing quote mark: "—“Pop-up art show opens in the Bronx,” by DNAinfo's Jane Doe".
_BYLINE_AFTER = re.compile(rf"{WS}*,?{WS}*by{WS}+[A-Z]")

CUE_VERB_RE = re.compile(rf"(?<![\w’'-]){CUE_VERB}(?![\w’'-])")
INDIRECT_VERB_RE = re.compile(rf"(?<![\w’'-]){INDIRECT_VERB}(?![\w’'-])")
CHANNEL_RE = re.compile(rf"{WS}*({CHANNEL})")

def trie(words: frozenset[str] | tuple[str, ...]) -> str:
    # An alternation factored on shared prefixes ("sa(?:id|ys|y)"): ``re`` tries a flat alternation
    # of 250 words one by one at every position; a trie decides on the first letters.
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    optional = "" in node
    if len(branches) == 1 and not optional:
        return branches[0]
    return f"(?:{'|'.join(branches)}){'?' if optional else ''}"


# The clause-level cues of ``reported``: verbs, multi-word cues and participles, one pattern. Cues
# are lower-case words: the lookahead rejects most positions before the trie is tried.
CLAUSE_CUE_RE = re.compile(
    rf"(?<![\w’'-])(?=[a-z])(?:{trie(CLAUSE_CUE_PHRASES + tuple(CLAUSE_CUE_VERBS | PARTICIPLE_CUES))})"
    rf"(?![\w’'-])"
)


# Cue verbs that are also nouns ("30 states", "swing states", "his plans", "a retirement plan"): the verb has a
# speaker right before it — a name, a pronoun, a people, organisation or role noun, or an adverb of
# the verb ("Clinton states", "the report notes", "he also plans").
_NOUN_LIKE_CUES = frozenset(
    "states notes claims reports calls plans charges promises remarks comments points estimates shows attacks "
    "questions answers hopes fears doubts concerns warnings tweets posts plan".split()
)
_REGION_ADJECTIVES = frozenset(
    "western eastern northern southern northeastern northwestern southeastern southwestern midwestern "
    "soviet baltic gulf arab nordic belt".split()
)
_PLURAL_AFTER = re.compile(rf"{WS}+[a-z][a-z-]*s(?![\w’'-])")
_ADD_CUES = frozenset({"add", "adds", "added", "adding"})
_TO_A_THING = re.compile(rf"{WS}+to{WS}+(?:the|a|an|his|her|its|their|our|this|that)(?![\w’'-])")
_VERB_BEFORE_WORDS = PEOPLE_NOUNS | ORG_NOUNS | ROLE_NOUNS | frozenset(
    "he she it also still often now then later again repeatedly frequently".split()
)
_WORD_BEFORE = re.compile(rf"([\w’'-]+){WS}+\Z")


def is_no_verb(body: str, cue: re.Match[str]) -> bool:
    """Whether a cue word is here no verb of saying: a noun ("swing states", "a retirement plan"), an
    adjective ("758 pledged delegates") or "add to" a thing ("adding to his lead")."""
    return is_plural_noun(body, cue) or _is_participle_adjective(body, cue) or _adds_to_something(body, cue)


def is_plural_noun(body: str, cue: re.Match[str]) -> bool:
    """Whether a cue word is the noun it can also be, by the word before it: a region adjective
    ("Western states") never stands before the verb."""
    if cue.group().lower() not in _NOUN_LIKE_CUES:
        return False
    before = _WORD_BEFORE.search(body, max(0, cue.start() - 30), cue.start())
    if before is None:
        return False
    word = before.group(1)
    if word.lower() in _REGION_ADJECTIVES:
        return True
    return not (word[0].isupper() or word.lower() in _VERB_BEFORE_WORDS)


def _is_participle_adjective(body: str, cue: re.Match[str]) -> bool:
    # "758 pledged delegates", "3 reported cases": a count, the "-ed" word, a plural noun.
    if not cue.group().endswith("ed"):
        return False
    before = _WORD_BEFORE.search(body, max(0, cue.start() - 30), cue.start())
    return before is not None and before.group(1)[0].isdigit() and _PLURAL_AFTER.match(body, cue.end()) is not None


def _adds_to_something(body: str, cue: re.Match[str]) -> bool:
    # "adding to his Super Tuesday victories", "added to the uncertainty": no speech ("added to
    # reporters that" keeps its cue: no determiner follows).
    return cue.group().lower() in _ADD_CUES and _TO_A_THING.match(body, cue.end()) is not None


def is_bylined_title(body: str, close_at: int | None, after_close: int | None) -> bool:
    """Whether the quoted words closing at ``close_at`` are a title with its author ("“…,” by Jane
    Doe"), as link roundups and reviews list headlines and books: no one's speech. The comma tells
    it from a passive's agent ("“arbitrarily detained” by Britain")."""
    if close_at is None or after_close is None:
        return False
    match = _BYLINE_AFTER.match(body, after_close, after_close + 20)
    return match is not None and (body[close_at - 1:close_at] == "," or "," in match.group())
