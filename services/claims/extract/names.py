"""Names in an article: capitalised mentions, their kind, and acronyms defined in brackets.

Pure core of the claims service. A name is a run of capitalised tokens (with Arabic and European
particles such as ``al-``, ``bin``, ``van``), stripped of sentence-initial function words and of
titles, which become the mention's role ("President Bashar al-Assad" → "Bashar al-Assad",
"president"). Only Latin-script names are found; other scripts yield no names, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from services.claims.extract.cues import trie

from services.claims.extract.constants import (
    HEADLINE_CUES,
    HONORIFICS,
    NON_NAME_WORDS,
    ORG_WORDS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    WEEKDAYS,
)
from services.claims.extract.name_kinds import UPPER as _UPPER
from services.claims.extract.name_kinds import NameKind, bare_token, headline_verb_index, name_kind
from services.claims.extract.name_words import (
    DAY_EVENT_MODIFIERS,
    DESCRIPTOR_NOUNS,
    ING_NAME_WORDS,
    OPENING_PREPOSITIONS,
    OPENING_WORDS,
    POLITIES,
)

Span = tuple[int, int]


def _after_first(words: Iterable[str]) -> str:
    """An alternation of ``words`` to be tried right after their first character, which is checked
    with a lookbehind: the pattern of a regular expression that has already consumed it."""
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    branches = (f"(?<={re.escape(first)}){trie(frozenset(rests))}" for first, rests in sorted(by_first.items()))
    return f"(?:{'|'.join(branches)})"


# Abbreviated titles that open a name when another capital follows ("Mr. Smith", "Gov. Abbott").
_ABBREVIATED_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "Capt", "Rev", "Sen", "Rep", "Gov", "Prof")
_TITLE_DOT = r"\.(?=[ \t\u00a0]+[A-Z])"
_HYPHENATED_TAIL = r"(?:-[A-Za-z]\w*)*"
# A middle initial ("Donald J. Trump"): one capital and a full stop before another capitalised word,
# unless that word opens a sentence ("… Plan B. The vote …", "… Bill S. He said …").
_OPENERS = frozenset("He She It They We I You The A An This That These Those But And Or So Then In On At".split())
_INITIAL_DOT = rf"\.(?=[ \t\u00a0]+[A-Z])(?![ \t\u00a0]+(?:{trie(_OPENERS)})\b)"
# One capitalised token ("Ghani", "Al-Nusra", "O’Brien", the initial of "Donald J. Trump") or a
# particle glued to one ("al-Sham").
NAME_TOKEN = (
    rf"(?:(?:{'|'.join(_ABBREVIATED_TITLES)}){_TITLE_DOT}|[{_UPPER}]{_INITIAL_DOT}|"
    rf"[{_UPPER}][\w]*(?:['’][{_UPPER}]\w*)?|(?:al|el|ad|as|ash|an|ar|ibn|bin|abu)-[{_UPPER}]\w*)"
    rf"{_HYPHENATED_TAIL}"
)
# Lower-case words allowed inside a name ("Syrian Observatory for Human Rights", "Osama bin Laden").
_CONNECTOR = r"(?:bin|ibn|al|el|de|da|di|du|van|von|der|den|la|le|dos|das|del|of|for)"
# A capitalised cue verb with more capitalised words after it is no part of a name: in a title-case
# headline ("Mayor Lena Hart Says The Tram Line …") it is the verb between the speaker and the
# statement. A cue word the line ends on stays in the name ("a book by Edward Said"), and "Said"
# may still start one ("Said Jalili").
_CUE_WORDS = frozenset(cue.split()[0] for cue in HEADLINE_CUES)
_CUE_AHEAD = rf"(?:{trie(_CUE_WORDS)})[ \t\u00a0]+[{_UPPER}]"
_NON_NAME_CUE_AHEAD = rf"(?:{trie(_CUE_WORDS - {'Said'})})[ \t\u00a0]+[{_UPPER}]"
NAME = (
    rf"(?!{_NON_NAME_CUE_AHEAD}){NAME_TOKEN}"
    rf"(?:[ \t\u00a0]+(?:{_CONNECTOR}[ \t\u00a0]+)?(?!{_CUE_AHEAD}){NAME_TOKEN}){{0,5}}"
)
# The lookahead is what every name starts with (a capital or a glued particle): it rejects most
# positions with one test before the full pattern is tried.
_NAME_RE = re.compile(rf"(?=[{_UPPER}]|[aeib][a-z]{{1,2}}-)(?<![\w’'-]){NAME}")
# ``_NAME_RE`` for names opening on a capital, spelt to start by consuming that capital: ``re`` then
# skips to the next capital in C instead of trying the lookarounds at every position (PolNeAR dev:
# 12.4 -> 8.2 ms CPU a pass, the matching included). What ``NAME`` tests at the capital is tested
# from the character after it, the capital read back with a one-character lookbehind ("(?<=S)ays"
# is "Says"); its particle alternative ("al-") cannot open on a capital.
_NAME_AFTER_CAPITAL_RE = re.compile(
    rf"[{_UPPER}](?<![\w’'-].)"
    rf"(?!{_after_first(_CUE_WORDS - {'Said'})}[ \t\u00a0]+[{_UPPER}])"
    rf"(?:{_after_first(_ABBREVIATED_TITLES)}{_TITLE_DOT}|{_INITIAL_DOT}|\w*(?:['’][{_UPPER}]\w*)?){_HYPHENATED_TAIL}"
    rf"(?:[ \t\u00a0]+(?:{_CONNECTOR}[ \t\u00a0]+)?(?!{_CUE_AHEAD}){NAME_TOKEN}){{0,5}}"
)
# Where a name opening on a particle ("al-Assad") could start: two or three letters before a hyphen,
# found by scanning for the hyphen.
_PARTICLE_HYPHEN_RE = re.compile(r"-(?:(?<=[aeib][a-z]-)|(?<=[aeib][a-z]{2}-))")
_TOKEN_RE = re.compile(r"\S+")
_CAPITALS_RE = re.compile(rf"[{_UPPER}]")
# "Syrian Observatory for Human Rights (SOHR)": a name then an acronym in brackets.
_ACRONYM_DEF_RE = re.compile(rf"(?<![\w’'-])({NAME})[ \t\u00a0]*\(([{_UPPER}][A-Za-z&.-]{{1,11}})\)")
# "SOHR (Syrian Observatory for Human Rights)": an acronym then the name it stands for, in brackets.
_ACRONYM_FIRST_RE = re.compile(
    rf"(?<![\w’'-])([{_UPPER}][{_UPPER}&.-]{{1,11}})[ \t\u00a0]*\((?:the[ \t\u00a0]+)?({NAME})\)"
)
# What both definition patterns need: a bracket opening on a capital.
_BRACKETED_CAPITAL_RE = re.compile(rf"\([ \t\u00a0]*(?:the[ \t\u00a0]+)?[{_UPPER}]")
# The definitions again, anchored at a bracket found first; names are at most six tokens long.
_NAME_WINDOW = 300
_ACRONYM_DEF_END_RE = re.compile(_ACRONYM_DEF_RE.pattern + r"(?=\Z)")
_ACRONYM_FIRST_END_RE = _ACRONYM_FIRST_RE
_ACRONYM_CHAR_RE = re.compile(rf"[{_UPPER}&.-]")
_CONNECTOR_RE = re.compile(rf"{_CONNECTOR}")
# Abbreviated offices before a name, and the role each names ("Sen. Ted Cruz" is a senator).
_OFFICES = {"sen": "senator", "gov": "governor", "rep": "representative", "gen": "general", "lt": "lieutenant",
            "col": "colonel", "sgt": "sergeant", "capt": "captain"}


class NameMention(NamedTuple):
    """A name as found: its text and span, its kind, and a title stripped from its front.

    A named tuple rather than a frozen dataclass: an article has hundreds of mentions, and a tuple
    is built several times faster.
    """

    text: str
    span: Span
    kind: NameKind
    title: str | None


def clean_name(body: str, start: int, end: int) -> tuple[Span, str | None] | None:
    """Trim function words and titles off a capitalised run; return its span and the title."""
    cleaned = _clean_run(body[start:end])
    if cleaned is None:
        return None
    (s, e), title = cleaned
    return (s + start, e + start), title


@lru_cache(maxsize=16384)  # pure; the same runs ("President Barack Obama") recur in every article
def _clean_run(text: str) -> tuple[Span, str | None] | None:
    # ``clean_name`` on a run alone, with offsets into the run.
    tokens = [m.span() for m in _TOKEN_RE.finditer(text)]
    words = [text[s:e].lower().rstrip(".") for s, e in tokens]
    cut = headline_verb_index(words)
    tokens, words = tokens[:cut], words[:cut]
    while words and (_opens_run_only(words) or _opens_clause(text, tokens, words)):
        tokens, words = tokens[1:], words[1:]
    cut = _home_polity_index(words)
    tokens, words = tokens[:cut], words[:cut]
    while words and _closes_run_only(words):
        tokens, words = tokens[:-1], words[:-1]
    dotted = [text[e - 1] == "." for _, e in tokens]
    title_len = _title_length(words, dotted, [text[s].isupper() for s, _ in tokens])
    title = " ".join(_OFFICES.get(w, w) for w in words[:title_len] if w not in HONORIFICS or w in _OFFICES) or None
    tokens = tokens[title_len:]
    if not tokens:
        return None
    return (tokens[0][0], tokens[-1][1]), title


def _home_polity_index(words: list[str]) -> int:
    # Where "of" and a home state or country end a person's name: AP style writes "Sen. Ted Cruz of
    # Texas", and the speaker is "Ted Cruz". Not after an organisation ("Bank of America").
    if "of" not in words[2:]:
        return len(words)
    at = words.index("of", 2)
    name, home = words[:at], words[at + 1:]
    if " ".join(home) not in POLITIES or home == ["america"] or name_kind(" ".join(name)) != "person":
        return len(words)
    return at


_LONG_ADVERB = 9


def _opens_run_only(words: list[str]) -> bool:
    # Sentence-initial function words ("The", "In") and stray connectors never start a name; a
    # discourse word or imperative ("Well", "Trust") does not when a name follows it, nor does the
    # day a name is dated by ("Tuesday for Obama"), unless the run names a paper ("Sunday Times").
    first = words[0]
    if first in NON_NAME_WORDS or _CONNECTOR_RE.fullmatch(first):
        return True
    if len(words) < 2:
        return False
    if first in OPENING_WORDS or len(first) >= _LONG_ADVERB and first.endswith("ly"):
        return True  # "Unfortunately for Clinton"; a given name so spelt is shorter ("Kimberly")
    return first in WEEKDAYS and words[-1] not in ORG_WORDS


def _opens_clause(text: str, tokens: list[Span], words: list[str]) -> bool:
    # "Telling Supporters Carson", "Entrusting Donald Trump", "Outside Carrier's plant": a capitalised
    # "-ing" word or preposition before another capital opens a clause, not a name ("Morning Consult"
    # and "Sterling Brown" are names, "Outside experts" no name at all).
    if len(words) < 2 or not (text[tokens[0][0]].isupper() and text[tokens[1][0]].isupper()):
        return False
    first = words[0]
    return first in OPENING_PREPOSITIONS or _is_gerund(first)


def _is_gerund(word: str) -> bool:
    return len(word) >= 6 and word.endswith("ing") and word not in ING_NAME_WORDS and word not in POLITIES


def _closes_run_only(words: list[str]) -> bool:
    # A stray connector never ends a name, nor does the day it is dated by ("New Hampshire Monday"),
    # unless the day is an event's name ("Super Tuesday").
    last = words[-1]
    if _CONNECTOR_RE.fullmatch(last):
        return True
    return last in WEEKDAYS and len(words) > 1 and words[-2] not in DAY_EVENT_MODIFIERS


_JOINED_TITLE_MAX_WORDS = 4  # "and Democratic presidential nominee": the second of two titles


def _title_length(words: list[str], dotted: list[bool], capitalised: list[bool]) -> int:
    # A title is a run of modifiers and role nouns ending in a role noun ("Foreign Minister"). Before
    # an abbreviated office it may hold any words but connectors: AP style puts the state or party
    # there ("Former Florida Gov. Jeb Bush", "Texas Lt. Gov. Dan Patrick"); "One of Mr. Trump" is
    # no title, and neither is "Friends of Sen. Cruz".
    title_len = max(_role_run(words), _described_length(words, capitalised))
    offices = [i for i, word in enumerate(words[:-1]) if word in _OFFICES and dotted[i]]
    if offices and offices[-1] >= title_len and not any(_CONNECTOR_RE.fullmatch(w) for w in words[:offices[-1]]):
        return offices[-1] + 1
    title_len += _department_length(words, title_len)
    return title_len + _joined_title_length(words, title_len)


def _role_run(words: list[str]) -> int:
    # Modifiers and role nouns up to the last role noun, leaving at least one word for the name.
    title_len = 0
    for i, word in enumerate(words[:-1]):
        if word in ROLE_NOUNS or word in HONORIFICS:
            title_len = i + 1
        elif word not in ROLE_MODIFIERS:
            break
    return title_len


_TITLE_JOINERS = frozenset({"of", "and"})  # "Chief of Staff Cheryl Mills", "pollster and strategist Joel Benenson"


def _described_length(words: list[str], capitalised: list[bool]) -> int:
    # "FBI Director James Comey", "House Speaker Paul Ryan", "Democrat Hillary Clinton": capitalised
    # words up to the last role or descriptor noun before a person's name are the role, whatever
    # they are ("Clinton Communications Director Jennifer Palmieri"); not past a connector, and not
    # when what follows is no person's name ("Justice Department", "Star Tribune", "Republican leaders").
    length = 0
    for i, word in enumerate(words[:-1]):
        if _CONNECTOR_RE.fullmatch(word) or word == "and":
            break
        if word in ROLE_NOUNS or word in DESCRIPTOR_NOUNS:
            length = i + 1
    if not length or not capitalised[length] and words[length] not in _TITLE_JOINERS:
        return 0
    return length if name_kind(" ".join(words[length:])) == "person" else 0


def _joined_title_length(words: list[str], title_len: int) -> int:
    # "Former Secretary of State and Democratic nominee Hillary Clinton": two titles of one person
    # joined by "and". The second ends in a role noun within a few words ("Mrs." is someone else:
    # "Senator and Mrs. Smith"), and a name still follows it.
    if not title_len or words[title_len:title_len + 1] != ["and"]:
        return 0
    rest = words[title_len + 1:]
    second = 0
    for i, word in enumerate(rest[:min(_JOINED_TITLE_MAX_WORDS, len(rest) - 1)]):
        if word in ROLE_NOUNS:
            second = i + 1
        elif _CONNECTOR_RE.fullmatch(word):
            break
    second += _department_length(rest, second)
    return 1 + second if second else 0


def _department_length(words: list[str], title_len: int) -> int:
    # "Secretary of State John Kerry": a one-word department after "of" belongs to the title when a
    # person's name still follows it ("CEO of Washington Restaurant Association" is the organisation).
    if not title_len or words[title_len:title_len + 1] != ["of"]:
        return 0
    rest = words[title_len + 2:]
    return 2 if rest and not any(word in ORG_WORDS for word in rest) else 0


def find_names(body: str, *, lo: int = 0, hi: int | None = None,
               org_names: frozenset[str] = frozenset()) -> list[NameMention]:
    """Every capitalised name in ``body[lo:hi]``, cleaned, in order."""
    found = []
    for match in _name_runs(body, lo, len(body) if hi is None else hi):
        read = _read_run(match.group())
        if read is None:
            continue
        text, offset, title, kind = read
        start = match.start() + offset
        found.append(NameMention(text, (start, start + len(text)), "org" if text in org_names else kind, title))
    return found


def _name_runs(body: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    # ``_NAME_RE.finditer``: when no name opens on a particle, the names are the ones opening on a
    # capital, and the pattern for those alone is scanned several times faster.
    for hyphen in _PARTICLE_HYPHEN_RE.finditer(body, lo, hi):
        starts = (hyphen.start() - 3, hyphen.start() - 2)
        if any(start >= lo and _NAME_RE.match(body, start, hi) for start in starts):
            return _NAME_RE.finditer(body, lo, hi)
    return _NAME_AFTER_CAPITAL_RE.finditer(body, lo, hi)


@lru_cache(maxsize=16384)  # pure; the same runs recur in every article
def _read_run(run: str) -> tuple[str, int, str | None, NameKind] | None:
    # A capitalised run as ``find_names`` keeps it: the name, its offset in the run, the title and
    # the kind the name's own words give (an acronym defined in the article is an org besides).
    cleaned = _clean_run(run)
    if cleaned is None:
        return None
    (start, end), title = cleaned
    text = run[start:end]
    return text, start, title, name_kind(text)


def acronym_definitions(body: str) -> dict[str, tuple[str, Span]]:
    """Acronyms defined in brackets anywhere in the text: ``{"SOHR": (full name, its span)}``."""
    definitions: dict[str, tuple[str, Span]] = {}
    for _, acronym, (start, end) in _definitions_at_brackets(body):
        acronym = acronym.rstrip(".")
        full = _full_name_for(body, start, end, acronym)
        if full is not None and acronym not in definitions:
            definitions[acronym] = (body[full[0]:full[1]], full)
    return definitions


def _definitions_at_brackets(body: str) -> list[tuple[int, str, Span]]:
    # Both patterns hinge on a bracket opening on a capital, rare in news copy: find those brackets
    # with one cheap scan, then read the name only around each, not over the whole text.
    found = []
    close = -1
    for bracket in _BRACKETED_CAPITAL_RE.finditer(body):
        pos = bracket.start()
        if pos < close:
            continue
        closing = body.find(")", pos + 2, pos + 14)
        name_first = (
            None if closing < 0 else _ACRONYM_DEF_END_RE.search(body, max(0, pos - _NAME_WINDOW), closing + 1)
        )
        if name_first is not None:
            found.append((name_first.start(), name_first.group(2), name_first.span(1)))
            close = name_first.end()
            continue
        acronym_first = _ACRONYM_FIRST_END_RE.match(body, _acronym_start(body, pos), pos + _NAME_WINDOW)
        if acronym_first is not None:
            found.append((acronym_first.start(), acronym_first.group(1), acronym_first.span(2)))
            close = acronym_first.end()
    return found


def _acronym_start(body: str, pos: int) -> int:
    # The start of the word before the bracket at ``pos`` (the acronym, if there is one).
    end = pos
    while end > 0 and body[end - 1] in " \t\u00a0":
        end -= 1
    start = end
    while start > 0 and start > end - 12 and _ACRONYM_CHAR_RE.match(body, start - 1):
        start -= 1
    return start


def _full_name_for(body: str, start: int, end: int, acronym: str) -> Span | None:
    # The shortest tail of the name whose capitals hold the acronym's capitals in order, so that
    # "Islamist Hayat Tahrir al-Sham (HTS)" gives "Hayat Tahrir al-Sham".
    cleaned = clean_name(body, start, end)
    if cleaned is None:
        return None
    (start, end), _ = cleaned
    letters = [c for c in acronym if c.isupper()]
    starts = [m.start() + start for m in _TOKEN_RE.finditer(body[start:end])]
    for token_start in reversed(starts):
        capitals = _CAPITALS_RE.findall(body, token_start, end)
        if _is_subsequence(letters, capitals):
            return token_start, end
    return None


def _is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return bool(needle) and all(any(c == h for h in it) for c in needle)
