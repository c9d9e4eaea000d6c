"""Cue words learned from PolNeAR's attributions: how often a word, in its context, is a cue (pure core).

Reported speech in news has a long tail of cues ("defended", "is pushing for", "showed", "warned")
that no hand-made list covers. ``services.claims.train_cues`` counts, over PolNeAR's training
articles, how often each lower-case word lies inside an annotated cue span — alone, with the token
after it and with the token before it — and ships the smoothed rates as ``cue_table.json`` beside
this module, with the common nouns that head annotated speakers (nothing is downloaded or trained
at run time). A word is read as a cue when its rate in the most specific context seen often enough
reaches ``CUE_THRESHOLD``.

The same tokenizer (``tokens``) serves training and extraction, so the features match.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from services.claims.extract.cues import trie

Span = tuple[int, int]

TABLE_PATH = Path(__file__).with_name("cue_table.json")
_OWN_RULES = frozenset({"according", "citing"})  # cues the attribution rules read, with their source
WORD_FLOOR = 0.1  # a word this rarely a cue on its own is not looked at in context
CUE_THRESHOLD = 0.25  # P(cue | word, context) from which a word is a cue; best quote F1 on held-out train articles

# Words (with inner apostrophes and hyphens) and the punctuation that tells a cue's use: a colon
# or a quote mark after "said", a comma after "added".
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*|[:,“”\"]")
_PASSIVE_AUXILIARIES = frozenset({"is", "was", "were", "are", "be", "been", "being"})
_AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "did", "does", "do", "could", "should", "may"})
# Adverbs that sit inside cues ("often says", "also noted") but are never the cue themselves.
_ADVERBS = frozenset("also often still then now later earlier again once never already just even further first".split())
# A run of these alone holds no cue: auxiliaries and adverbs only come with one.
_NEVER_THE_CUE = _AUXILIARIES | _PASSIVE_AUXILIARIES | _ADVERBS
# A past participle after "has also": regular, or one of the irregular ones of reporting and seeing.
_PARTICIPLE = re.compile(r"[a-z]+ed|seen|shown|told|written|spoken|given|made|taken|said|heard|thought|known")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` of ``text[start:end]``, in order."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def features(toks: list[tuple[int, int, str]], i: int) -> tuple[str, str, str]:
    """The word; the word and the next token; the word and the previous one (``C`` for a capitalised word)."""
    after = toks[i + 1][2] if i + 1 < len(toks) else ""
    before = toks[i - 1][2] if i > 0 else ""
    return context_keys(toks[i][2], after, before)


def context_keys(word: str, after: str, before: str) -> tuple[str, str, str]:
    """``features`` from the word and its neighbouring tokens as written."""
    word = word.lower()
    before = "C" if before[:1].isupper() else before.lower()
    return word, f"{word}|n={after.lower()}", f"{word}|p={before}"


def _load(path: Path) -> dict:
    # A missing table (a checkout before training) means no learned cues, never an error.
    if not path.exists():
        return {"rates": {}, "speaker_heads": []}
    return json.loads(path.read_text(encoding="utf-8"))


_TABLE = _load(TABLE_PATH)
RATES: dict[str, float] = _TABLE.get("rates", {})
# Common nouns that head speakers in PolNeAR ("poll", "campaign", "officials"): someone to credit.
SPEAKER_HEADS: frozenset[str] = frozenset(_TABLE.get("speaker_heads", ()))


def cue_rate(keys: tuple[str, str, str], rates: dict[str, float] = RATES) -> float:
    """P(cue) of a word with its ``context_keys``: the rate of its most specific context in the table
    (0 for unseen words)."""
    word, with_next, with_previous = keys
    rate = rates.get(word)
    if rate is None:
        return 0.0
    # The next token says more than the previous one ("said :" vs "showed that"); the table holds
    # a context only when it was seen often enough to be trusted over the word alone.
    for context in (with_previous, with_next):
        rate = rates.get(context, rate)
    return rate


def _vocabulary(rates: dict[str, float], threshold: float) -> re.Pattern[str]:
    # One scan finds the words that can be a cue in some context (most words of a text never are):
    # a lower-case letter first, whole tokens only.
    best: dict[str, float] = {}
    for key, rate in rates.items():
        word = key.split("|", 1)[0]
        best[word] = max(best.get(word, 0.0), rate)
    # Function words ("to", "of", "the") are inside many cues but rarely one by themselves.
    words = tuple(word for word, rate in best.items()
                  if rate >= threshold and rates.get(word, 0.0) >= WORD_FLOOR and word not in _OWN_RULES)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?=[a-z])(?<![A-Za-z’'-])(?:{trie(words)})(?![A-Za-z’'-])")


def cues_in_every_context(rates: dict[str, float], threshold: float) -> frozenset[str]:
    # Words whose every rate in the table, alone and in each context, reaches ``threshold``: a cue
    # wherever they stand, so the tokens around them need not be read (a quarter of the candidates
    # in PolNeAR dev).
    lowest: dict[str, float] = {}
    for key, rate in rates.items():
        word = key.split("|", 1)[0]
        lowest[word] = min(lowest.get(word, 1.0), rate)
    return frozenset(word for word, rate in lowest.items() if rate >= threshold)


_CAN_BE_CUE = _vocabulary(RATES, CUE_THRESHOLD)
_ALWAYS_CUE = cues_in_every_context(RATES, CUE_THRESHOLD)
# The characters of ``_TOKEN``'s tokens: word characters, and punctuation that is a token by itself.
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'-"
_PUNCT_TOKENS = frozenset(':,“”"')
_TOKEN_CHARS = frozenset(_WORD_CHARS) | _PUNCT_TOKENS
_LOOK_BACK_CHARS = 40  # longer than any word before a cue
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([a-z]+)(?![A-Za-z’'-])")
_MAX_PARTICLES = 2  # words read after a cue run's last cue word: "lashed out at", "issued a statement"
# A form of "be" ending right before a cue, an adverb allowed between ("is now calling for").
_BE_BEFORE = re.compile(
    rf"(?<![A-Za-z’'-])(is|are|was|were|am|been)(?:\s+(?:{'|'.join(sorted(_ADVERBS))}|[a-z]+ly))?\s+\Z"
)


def cue_runs(body: str, start: int, end: int, *, threshold: float = CUE_THRESHOLD) -> Iterator[Span]:
    """Spans of runs of adjacent cue tokens in ``body[start:end]`` ("has taken aim at" is one run),
    without leading adverbs, with a progressive's "be" and the words the table reads after the last
    cue word ("is calling for"); passives ("was said") are left out: their subject is not the speaker."""
    run: list[tuple[int, int, str]] = []
    covered = start  # the end of the last run, with the words read after it ("issued a statement")
    words = _CAN_BE_CUE if threshold >= CUE_THRESHOLD else _vocabulary(RATES, threshold)
    always = _ALWAYS_CUE if threshold == CUE_THRESHOLD else frozenset()
    for match in words.finditer(body, start, end):
        if match.start() < covered:
            continue
        if match.group() not in always and not _is_cue_in_context(body, match, start, end, threshold):
            continue
        if run and body[run[-1][1]:match.start()].strip():
            for span in _kept(body, run, start, end):
                covered = span[1]
                yield span
            run = []
            if match.start() < covered:
                continue
        run.append((match.start(), match.end(), match.group()))
    if run:
        yield from _kept(body, run, start, end)


def _is_cue_in_context(body: str, match: re.Match[str], start: int, end: int, threshold: float) -> bool:
    # The word's rate read with the tokens around it, inside the window only.
    after = _TOKEN.search(body, match.end(), end)
    before = _token_before(body, max(start, match.start() - _LOOK_BACK_CHARS), match.start())
    keys = context_keys(match.group(), after.group() if after else "", before)
    return cue_rate(keys) >= threshold


def _token_before(body: str, lo: int, hi: int) -> str:
    """The last token of ``body[lo:hi]`` with nothing but non-token characters after it; "" if none.

    Read backwards from ``hi``: a regular expression anchored at the end (``token junk* \\Z``) is
    tried at every position of the window, and cost three times the rest of the context lookup."""
    end = hi
    while end > lo and body[end - 1] not in _TOKEN_CHARS:
        end -= 1
    if end == lo:
        return ""
    if body[end - 1] in _PUNCT_TOKENS:
        return body[end - 1]
    run = body[lo:end]
    word = run[len(run.rstrip(_WORD_CHARS)):]
    # A token starts on a letter: apostrophes and hyphens opening the run are not part of it.
    return word.lstrip("’'-")


def _kept(body: str, run: list[tuple[int, int, str]], start: int, end: int) -> Iterator[Span]:
    while run and (run[0][2].endswith("ly") or run[0][2] in _ADVERBS):  # "often questions": not the cue
        run = run[1:]
    if not run:
        return
    if all(t[2] in _AUXILIARIES for t in run):
        return
    if all(t[2] in _NEVER_THE_CUE for t in run):
        yield from _with_participle(body, run, end)
    elif run[0][2] not in _PASSIVE_AUXILIARIES or _is_progressive(run):
        yield _progressive_start(body, run, start), _particle_end(body, run[-1], end)


def _with_participle(body: str, run: list[tuple[int, int, str]], end: int) -> Iterator[Span]:
    # Auxiliaries and adverbs alone are no cue ("has also been a critic"); the table learned "has
    # also" from PolNeAR's cues "has also discovered", "has also detailed", so the run is one when the
    # participle after it is read with it. Not in a passive ("has also been hit by").
    after = _NEXT_WORD.match(body, run[-1][1], end)
    if after is None or any(t[2] in _PASSIVE_AUXILIARIES for t in run) or not _PARTICIPLE.fullmatch(after.group(1)):
        return
    yield run[0][0], _particle_end(body, (after.start(1), after.end(1), after.group(1)), end)


def _particle_end(body: str, last: tuple[int, int, str], end: int) -> int:
    """Where a cue run ends once the words that belong to it after its last cue word are read with it.

    Particles and prepositions are cues too rarely alone to be in the vocabulary (``WORD_FLOOR``), but
    the table knows them right after a cue word ("calling for", "referring to", "lashed out at"):
    PolNeAR's cue spans hold them, and without them the statement would open on "for …"."""
    word, stop = last[2], last[1]
    for _ in range(_MAX_PARTICLES):
        after = _NEXT_WORD.match(body, stop, end)
        if after is None or RATES.get(f"{after.group(1).lower()}|p={word.lower()}", 0.0) < CUE_THRESHOLD:
            break
        word, stop = after.group(1), after.end(1)
    return stop


def _is_progressive(run: list[tuple[int, int, str]]) -> bool:
    # "was referring to", "is calling for": a form of "be" before an "-ing" cue is the subject
    # speaking; before a participle ("was criticized by", "is being called") it is a passive.
    return len(run) > 1 and run[1][2].endswith("ing") and run[1][2] not in _PASSIVE_AUXILIARIES


def _progressive_start(body: str, run: list[tuple[int, int, str]], start: int) -> int:
    """Where a cue run starts once a form of "be" before its "-ing" cue is read with it.

    "is", "are" and "were" are cues too rarely to be in the learned vocabulary, so "Clinton is
    calling for" gives the run "calling"; the auxiliary belongs to the cue, or the subject before
    it would read "Clinton is" (PolNeAR's cue spans hold the auxiliary: "is calling for")."""
    first = run[0][2]
    if not first.endswith("ing") or first in _PASSIVE_AUXILIARIES:
        return run[0][0]
    before = _BE_BEFORE.search(body, max(start, run[0][0] - _LOOK_BACK_CHARS), run[0][0])
    return before.start(1) if before else run[0][0]
