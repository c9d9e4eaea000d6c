"""Word-level normalisation for matching claims (pure core of the verifier).

Turns claim text into comparable pieces: stemmed content words, capitalised entity phrases, years,
person-name tokens and source keys. Everything returned is plain strings and tuples (interned, so a
million claims share their vocabulary), never library token objects.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from services.verify.constants import (
    MIN_ACRONYM_WORDS,
    NAME_TITLES,
    NEGATIONS,
    NON_ENTITY_WORDS,
    NUMBER_WORDS,
    SPELLING_VARIANTS,
    STOPWORDS,
)

# Republished copies repeat their original's sentences word for word, and a source's names recur in
# every attribution, so the small text-level features below are cached per text (bounded; in
# profile 05 tokenising and record building are ~20 % of a rebuild). Token tuples are not: 8192 of
# them held ~10 MB for no measurable gain (profile 06).
_TEXT_CACHE = 8192

# Words with inner hyphens or apostrophes ("al-Sham", "Syria's"), or numbers with separators.
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_MARKS = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": " ", "–": " "})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_CONNECTORS = frozenset({"al", "el", "bin", "ibn", "abu", "abd", "de", "van", "von"})


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its character offsets in the text it came from."""

    text: str
    start: int
    end: int


def tokens(text: str) -> tuple[Token, ...]:
    """Words and numbers of ``text`` with offsets; curly marks and dashes normalised first."""
    clean = text.translate(_MARKS)
    return tuple(Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(clean))


def stem(word: str) -> str:
    """A light suffix-stripping stem (plural, -ed, -ing, final e), enough for paraphrase-lite."""
    w = word.lower().removesuffix("'s")
    w = SPELLING_VARIANTS.get(w, w)
    w = NUMBER_WORDS.get(w, w)
    if w.isdigit() or len(w) <= 3:
        return sys.intern(w)
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return sys.intern(w)


@lru_cache(maxsize=_TEXT_CACHE)
def content_words(text: str) -> tuple[str, ...]:
    """Sorted distinct stems of the words that carry content (stopwords dropped)."""
    return _stems(t.text for t in tokens(text))


def _stems(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({stem(w) for w in words if w.lower() not in STOPWORDS}))


@lru_cache(maxsize=_TEXT_CACHE)
def is_negated(text: str) -> bool:
    """Whether the text carries a negation word ('not', 'never', "n't")."""
    lowered = text.lower().translate(_MARKS)
    return "n't" in lowered or any(t.text.lower() in NEGATIONS for t in tokens(lowered))


@lru_cache(maxsize=_TEXT_CACHE)
def years(text: str) -> tuple[str, ...]:
    """Four-digit years 1800–2099 mentioned in the text."""
    return tuple(sorted({t.text for t in tokens(text) if _YEAR.match(t.text)}))


@lru_cache(maxsize=_TEXT_CACHE)
def entities(text: str) -> tuple[str, ...]:
    """Capitalised phrases (proper names) of a sentence, lower-cased, e.g. ('homs', 'north korea').

    A lone capitalised first word is skipped: it is capitalised because it starts the sentence.
    Calendar words and titles are not entities.
    """
    found: set[str] = set()
    for index, run in _capitalised_runs(tokens(text), text.translate(_MARKS)):
        words = [w for w in run if w.lower().removesuffix("'s") not in NON_ENTITY_WORDS]
        words = [w for w in words if w.lower() not in STOPWORDS]
        if not words or (index == 0 and len(run) == 1):
            continue
        found.add(sys.intern(" ".join(w.lower().removesuffix("'s") for w in words)))
    return tuple(sorted(found))


def _capitalised_runs(toks: tuple[Token, ...], text: str) -> Iterator[tuple[int, list[str]]]:
    """Runs of capitalised words; punctuation between two words ends a run ("Homs,” Rami")."""
    run: list[str] = []
    start = 0
    for i, tok in enumerate(toks):
        joined = i > 0 and not text[toks[i - 1].end : tok.start].strip()
        if run and not joined:
            yield start, run
            run = []
        if _is_capitalised(tok.text):
            if not run:
                start = i
            run.append(tok.text)
            continue
        if run:
            yield start, run
        run = []
    if run:
        yield start, run


def _is_capitalised(word: str) -> bool:
    head, _, tail = word.partition("-")
    if head.lower() in _CONNECTORS and tail:
        return tail[:1].isupper()
    return word[:1].isupper()


def entity_conflict(a: Iterable[str], b: Iterable[str]) -> tuple[str, str] | None:
    """Two names with the same head and different modifiers ('north korea' vs 'south korea').

    One being the tail of the other ('korea' / 'north korea', 'jolani' / 'abu mohammed al-jolani')
    is not a conflict. Returns the conflicting pair, or None.
    """
    for x in a:
        for y in b:
            if x == y:
                continue
            xs, ys = x.split(), y.split()
            if xs[-1] != ys[-1] or len(xs) == len(ys) == 1:
                continue
            short, long_ = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
            if long_[-len(short) :] != short:
                return x, y
    return None


@lru_cache(maxsize=_TEXT_CACHE)
def name_tokens(name: str) -> tuple[str, ...]:
    """A person's name as lower-case tokens without titles: 'Dr. Hassan Abdel Ghani' → (…)."""
    words = [t.text.lower() for t in tokens(name)]
    while words and words[0].rstrip(".") in NAME_TITLES:
        words.pop(0)
    return tuple(sys.intern(w) for w in words)


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two name-token tuples can name one person: the shorter is the tail of the longer.

    'Abdel Rahman' and 'Rami Abdel Rahman' can; 'Hassan Abdel Ghani' and 'Ahmed Abdel Ghani' cannot.
    """
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return long_[-len(short) :] == short


@lru_cache(maxsize=_TEXT_CACHE)
def source_key(name: str) -> str:
    """The casefolded key of a source name, without a leading article: 'The AP' → 'ap'."""
    words = [t.text for t in tokens(name)]
    if words and words[0].lower() == "the":
        words = words[1:]
    return sys.intern(" ".join(words).casefold())


def acronym(name: str) -> str | None:
    """Initials of a long organisation name: 'Syrian Observatory for Human Rights' → 'SOHR'.

    Only names with at least MIN_ACRONYM_WORDS capitalised words (hyphen parts count, so
    'Hayat Tahrir al-Sham' → 'HTS'); shorter ones are linked through KNOWN_SOURCE_ALIASES instead.
    """
    parts = [p for t in tokens(name) for p in t.text.split("-")]
    initials = [p[0] for p in parts if p[:1].isupper()]
    if len(initials) < MIN_ACRONYM_WORDS or name.isupper():
        return None
    return "".join(initials)
