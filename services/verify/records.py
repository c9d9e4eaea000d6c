"""Compact claim records: what the verifier keeps of each claim (pure core of the verifier).

The projection may hold a million claims, so it keeps small slotted records of the features
matching needs — interned word tuples, a figure's interval — never the pydantic events themselves.
``claim_record`` is the one place a ``schemas.claims`` model becomes a record.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, singledispatch
from typing import TypeVar

from schemas.claims import AttributionClaim, FigureClaim, QuoteClaim
from services.verify.constants import (
    APPROXIMATE_QUALIFIERS,
    EVENT_WORDS,
    FIGURE_CONTEXT_WINDOW,
    GENERIC_COUNTED,
    HEARD_BY_PATTERN,
    MIN_STATEMENT_WORDS,
    NUMBER_SCALE_WORDS,
    NUMBER_WORDS,
    OVER_QUALIFIERS,
    STOPWORDS,
    UNDER_QUALIFIERS,
    UNIT_TO_BASE,
    WIRE_NAMES,
)
from services.verify.figures import Interval, base_unit, compared_quantity, figure_interval
from services.verify.wording import (
    Token,
    acronym,
    content_words,
    entities,
    is_negated,
    name_tokens,
    source_key,
    stem,
    tokens,
    years,
)


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """Features shared by every kind of claim."""

    claim_id: str
    article_id: str
    text: str
    published_at: float | None  # POSIX seconds of the article, for "later" (updates)
    words: tuple[str, ...]  # content-word stems: the statement, or a figure's context
    names: tuple[str, ...]  # entity phrases: of the statement, or of a figure's sentence

    @property
    def kind(self) -> str:
        raise NotImplementedError

    @property
    def checkable(self) -> bool:
        return self.why_uncheckable() is None

    def why_uncheckable(self) -> str | None:
        """Why nothing could ever be compared with this claim, or None when it can be checked."""
        if len(self.words) < MIN_STATEMENT_WORDS:
            return "the statement has too few content words to compare"
        return None


@dataclass(frozen=True, slots=True)
class QuoteRecord(ClaimRecord):
    speaker: tuple[str, ...]  # name tokens, titles dropped; () when nobody is named
    heard_by: str | None  # a wire the sentence says heard the words ("told AFP")
    negated: bool

    @property
    def kind(self) -> str:
        return "quote"

    def why_uncheckable(self) -> str | None:
        if not self.speaker:
            return "the quote has no named speaker"
        return ClaimRecord.why_uncheckable(self)


@dataclass(frozen=True, slots=True)
class AttributionRecord(ClaimRecord):
    source_name: str  # as the claims service resolved it, for the alias book
    source_keys: tuple[str, ...]  # casefolded name, aliases and acronym
    negated: bool

    @property
    def kind(self) -> str:
        return "attribution"


@dataclass(frozen=True, slots=True)
class FigureRecord(ClaimRecord):
    quantity: str
    unit: str  # base unit of the interval
    interval: Interval | None
    events: tuple[str, ...]  # event class of the figure ("killed"), () when none is near
    years: tuple[str, ...]  # years of the sentence outside the figure itself
    counted: str | None  # what is counted when specific: "civilians", not "people"
    parent_id: str | None  # the quote or attribution carrying it

    @property
    def kind(self) -> str:
        return "figure"

    def why_uncheckable(self) -> str | None:
        if self.interval is None:
            return "the figure carries no number"
        if not (self.events or self.names or len(self.words) >= MIN_STATEMENT_WORDS):
            return "the figure has no context (no event, name or words around it)"
        return None


# How many recent values ``_shared`` remembers: a republished copy follows its original within a few
# hundred articles (its claims carry the same texts, figures and context), ~5 values per claim.
_SHARED_VALUES = 16384
_Value = TypeVar("_Value")


@lru_cache(maxsize=_SHARED_VALUES, typed=True)
def _shared(value: _Value) -> _Value:
    """The first of equal values seen recently, so the records of copies hold one object.

    Verbatim and trimmed republications repeat their original's claim texts, figure intervals and
    context words, and each decoded event brings its own copies of them. Bounded, unlike
    ``sys.intern``, whose table would grow by an entry for every distinct claim id and text.
    """
    return value


def timestamp(moment: datetime | None) -> float | None:
    return moment.timestamp() if moment is not None else None


@singledispatch
def claim_record(claim: object, *, published_at: float | None) -> ClaimRecord:
    """The compact record of a claim (dispatch on the claim's model)."""
    raise TypeError(f"no record for {type(claim).__name__}; expected a schemas.claims model")


def _identity(claim: QuoteClaim | AttributionClaim | FigureClaim, published_at: float | None) -> dict:
    """The fields every record has: the article id interned (its claims and articles share it), the
    claim id and text shared with a figure that names it as parent and with copies (``_shared``)."""
    return {"claim_id": _shared(claim.claim_id), "article_id": sys.intern(claim.article_id),
            "text": _shared(claim.text), "published_at": published_at}


@claim_record.register
def _quote(claim: QuoteClaim, *, published_at: float | None) -> ClaimRecord:
    heard = HEARD_BY_PATTERN.search(claim.sentence)
    return QuoteRecord(
        **_identity(claim, published_at),
        words=content_words(claim.text),
        names=entities(claim.text),
        speaker=name_tokens(claim.speaker.name) if claim.speaker else (),
        heard_by=WIRE_NAMES.get(heard.group("wire").lower()) if heard else None,
        negated=is_negated(claim.text),
    )


@claim_record.register
def _attribution(claim: AttributionClaim, *, published_at: float | None) -> ClaimRecord:
    return AttributionRecord(
        **_identity(claim, published_at),
        words=content_words(claim.text),
        names=entities(claim.text),
        source_name=claim.source.name,
        source_keys=source_keys(claim.source.name, claim.source.aliases),
        negated=is_negated(claim.text),
    )


def source_keys(name: str, aliases: tuple[str, ...] = ()) -> tuple[str, ...]:
    """Every key a source is known by: its name, aliases and the acronym of its name."""
    names = [name, *aliases]
    short = acronym(name)
    if short:
        names.append(short)
    return tuple(sorted({source_key(n) for n in names if source_key(n)}))


@claim_record.register
def _figure(claim: FigureClaim, *, published_at: float | None) -> ClaimRecord:
    unit, interval = figure_interval(claim) or (base_unit(claim.unit)[0], None)
    before, after = _around(claim)
    window = before[-FIGURE_CONTEXT_WINDOW:] + after[:FIGURE_CONTEXT_WINDOW]
    about = list(tokens(claim.about or ""))
    outside = claim.sentence.replace(claim.text, " ") if claim.text else claim.sentence
    return FigureRecord(
        **_identity(claim, published_at),
        words=_shared(_context_words(window + about)),
        names=entities(outside),
        quantity=sys.intern(compared_quantity(claim)),
        unit=sys.intern(unit),
        interval=_shared(interval),
        events=_shared(_event_of(about) or _nearest_event(before, after)),
        years=years(outside),
        counted=None if claim.unit else _counted(claim.text, after),
        parent_id=_shared(claim.in_claim_id) if claim.in_claim_id else None,
    )


def _around(claim: FigureClaim) -> tuple[list[Token], list[Token]]:
    """Tokens of the sentence before and after the figure (found by span, else by its text)."""
    start = claim.span[0] - claim.sentence_span[0]
    end = claim.span[1] - claim.sentence_span[0]
    if not (0 <= start <= end <= len(claim.sentence)) or (
        claim.sentence[start:end] != claim.text
    ):
        start = max(claim.sentence.find(claim.text), 0)
        end = start + len(claim.text)
    toks = tokens(claim.sentence)
    return [t for t in toks if t.end <= start], [t for t in toks if t.start >= end]


def _event_of(toks: list[Token]) -> tuple[str, ...]:
    return tuple(sorted({EVENT_WORDS[t.text.lower()] for t in toks if t.text.lower() in EVENT_WORDS}))


def _nearest_event(before: list[Token], after: list[Token]) -> tuple[str, ...]:
    """The event word nearest the figure; on a tie the one before it ("killed 12 and injured")."""
    left = [(i, t) for i, t in enumerate(reversed(before)) if t.text.lower() in EVENT_WORDS]
    right = [(i, t) for i, t in enumerate(after) if t.text.lower() in EVENT_WORDS]
    best = min(left[:1] + right[:1], key=lambda pair: pair[0], default=None)
    return (EVENT_WORDS[best[1].text.lower()],) if best else ()


def _context_words(toks: list[Token]) -> tuple[str, ...]:
    """Content words around a figure, without numbers and units (they say nothing of the event)."""
    words = content_words(" ".join(t.text for t in toks))
    return tuple(w for w in words if not w.isdigit() and w not in _NOT_CONTEXT)


def _counted(text: str, after: list[Token]) -> str | None:
    """The noun counted, when it says who: '100 civilians' → 'civilian'; '100 people' → None."""
    own = [t.text for t in tokens(text)][-1:]
    following = [t.text for t in after[:3] if t.text.lower() not in STOPWORDS]
    for word in own + following:
        lowered = word.lower()
        if word[:1].isupper() or word[:1].isdigit() or lowered in _NOT_COUNTED:
            continue
        return None if lowered in GENERIC_COUNTED else stem(lowered)
    return None


# Words that never name what a figure counts or what it is about: numbers, their scales, units,
# qualifiers and event verbs (the event is compared on its own).
_QUALIFIER_WORDS = {
    w for q in (*APPROXIMATE_QUALIFIERS, *OVER_QUALIFIERS, *UNDER_QUALIFIERS) for w in q.split()
}
_UNIT_WORDS = {*UNIT_TO_BASE, "kilometers", "kilometres", "miles", "meters", "metres"}
_NOT_CONTEXT = frozenset(
    stem(w) for w in [*_UNIT_WORDS, *NUMBER_WORDS, *NUMBER_SCALE_WORDS, *_QUALIFIER_WORDS]
)
_NOT_COUNTED = frozenset(
    {*_UNIT_WORDS, *NUMBER_WORDS, *NUMBER_SCALE_WORDS, *EVENT_WORDS, *STOPWORDS, *_QUALIFIER_WORDS}
)
