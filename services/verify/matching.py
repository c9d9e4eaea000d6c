"""Does claim B assert the same thing as claim A, and do they agree? (pure core of the verifier)

``relate(a, b)`` compares two claim records of different articles and returns a ``Relation``:

* quotes — the same person (the shorter name is the tail of the longer: "Abdel Rahman" is
  "Rami Abdel Rahman") and the same statement (STATEMENT_CONTAINMENT of the shorter statement's
  content words in the longer one: robust to shortening, curly/straight marks, plural/tense).
* attributions — the same source (a shared name, alias or acronym, or linked in the ``AliasBook``)
  and the same statement. A negation on one side only contradicts.
* figures — the same quantity and base unit, about the same thing (a shared entity, or
  MIN_SHARED_FIGURE_WORDS context words) with nothing that tells them apart: a different event
  ("killed" / "injured"), a conflicting name ("North Korea" / "South Korea"), different years, or a
  different counted group ("civilians" / "fighters"). Then their intervals decide (see figures.py).

For every kind, two claims that both name places or people must share one of those names and have
none in conflict (``names_apart``), and two dated claims published more than MATCH_WINDOW apart are
not compared (a story's claims are reported within days; this also bounds the index's work).

The relation is symmetric, so the index stores each edge once for both claims.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Literal

from services.verify.constants import (
    MATCH_WINDOW_SECONDS,
    MIN_SHARED_FIGURE_WORDS,
    MIN_SHARED_STATEMENT_WORDS,
    STATEMENT_CONTAINMENT,
    TOLL_EVENTS,
)
from services.verify.records import AttributionRecord, ClaimRecord, FigureRecord, QuoteRecord
from services.verify.wording import entity_conflict, same_person

RelationKind = Literal["supports", "contradicts", "updates", "none"]
SameSource = Callable[[tuple[str, ...], tuple[str, ...]], bool]


@dataclass(frozen=True, slots=True)
class Relation:
    """How claim B bears on claim A, with the reason in words.

    ``reason`` may be a function that words it: matching a new claim needs only the ``kind`` of up
    to MAX_CANDIDATES relations, and wording two figures' intervals was ~5 % of live handling at
    10^5 claims; only evidence shown in a verdict reads ``why``.
    """

    kind: RelationKind
    reason: str | Callable[[], str]

    @property
    def why(self) -> str:
        return self.reason if isinstance(self.reason, str) else self.reason()


def relate(a: ClaimRecord, b: ClaimRecord, *, same_source: SameSource) -> Relation:
    """The relation between two claims of different articles (``none`` when not comparable)."""
    if a.article_id == b.article_id:
        return Relation("none", "same article")
    if a.kind != b.kind:
        return Relation("none", f"a {a.kind} and a {b.kind} are not compared")
    if not (a.checkable and b.checkable):
        return Relation("none", "one of the claims cannot be checked")
    if a.published_at is not None and b.published_at is not None:
        days = abs(a.published_at - b.published_at) / 86400.0
        if days * 86400.0 > MATCH_WINDOW_SECONDS:
            return Relation("none", f"published {days:.0f} days apart")
    return _RULES[a.kind](a, b, same_source)


def _relate_quotes(a: QuoteRecord, b: QuoteRecord, _: SameSource) -> Relation:
    if not same_person(a.speaker, b.speaker):
        return Relation("none", f"different speakers ({_name(a)} / {_name(b)})")
    return _relate_statements(a, b, a.negated, b.negated, f"same speaker ({_name(b)})")


def _relate_attributions(a: AttributionRecord, b: AttributionRecord, same: SameSource) -> Relation:
    if not same(a.source_keys, b.source_keys):
        return Relation("none", f"different sources ({a.source_name} / {b.source_name})")
    return _relate_statements(a, b, a.negated, b.negated, f"same source ({b.source_name})")


def _relate_statements(
    a: ClaimRecord, b: ClaimRecord, a_negated: bool, b_negated: bool, who: str
) -> Relation:
    apart = names_apart(a, b)
    if apart:
        return Relation("none", f"{who} but {apart}")
    shared, smaller = statement_overlap(a.words, b.words)
    if len(shared) < MIN_SHARED_STATEMENT_WORDS or len(shared) < STATEMENT_CONTAINMENT * smaller:
        return Relation("none", f"{who} but different statements ({len(shared)}/{smaller} words)")
    words = f"{len(shared)} of {smaller} content words shared"
    if a_negated != b_negated:
        return Relation("contradicts", f"{who}, {words}, but one side negates it")
    return Relation("supports", f"{who}, {words}")


def statement_overlap(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[set[str], int]:
    """Shared content words, and the size of the smaller statement."""
    return set(a) & set(b), min(len(a), len(b))


def _name(record: QuoteRecord) -> str:
    return " ".join(record.speaker).title()


def _relate_figures(a: FigureRecord, b: FigureRecord, _: SameSource) -> Relation:
    reason = _why_not_same_subject(a, b)
    if reason:
        return Relation("none", reason)
    assert a.interval is not None and b.interval is not None  # checkable
    if a.interval.overlaps(b.interval):
        return Relation("supports", lambda: f"consistent figures: {_shown(a, b)}")
    if _is_toll(a) and a.published_at and b.published_at and a.published_at != b.published_at:
        earlier, later = sorted((a, b), key=lambda r: r.published_at or 0.0)
        assert later.interval is not None and earlier.interval is not None
        if later.interval.is_above(earlier.interval):
            return Relation("updates", lambda: f"a later report ({_day(later)}) raises the toll: {_shown(a, b)}")
    return Relation("contradicts", lambda: f"incompatible figures: {_shown(a, b)}")


def _day(record: FigureRecord) -> object:
    return datetime.fromtimestamp(record.published_at or 0.0, timezone.utc).date()


def _shown(a: FigureRecord, b: FigureRecord) -> str:
    """Two figures as written and as the intervals they admit."""
    assert a.interval is not None and b.interval is not None  # checkable
    return f"{a.text!r} ({a.interval.describe(a.unit)}) vs {b.text!r} ({b.interval.describe(b.unit)})"


def _why_not_same_subject(a: FigureRecord, b: FigureRecord) -> str | None:
    """Why two figures are not about the same thing, or None when they are."""
    if a.quantity != b.quantity or a.unit != b.unit:
        return f"different quantities ({a.quantity} {a.unit} / {b.quantity} {b.unit})".strip()
    if a.events and b.events and not set(a.events) & set(b.events):
        return f"different events ({', '.join(a.events)} / {', '.join(b.events)})"
    if a.years and b.years and not set(a.years) & set(b.years):
        return f"different years ({', '.join(a.years)} / {', '.join(b.years)})"
    apart = names_apart(a, b)
    if apart:
        return apart
    if a.counted and b.counted and a.counted != b.counted:
        return f"different groups counted ({a.counted} / {b.counted})"
    if not set(a.names) & set(b.names) and len(set(a.words) & set(b.words)) < MIN_SHARED_FIGURE_WORDS:
        return "no shared context"
    return None


def names_apart(a: ClaimRecord, b: ClaimRecord) -> str | None:
    """Why the names of two claims say they are about different things, or None.

    Conflicting names ("North Korea" / "South Korea") always do; so do two sets of names with none
    in common ("killed 12 in Aleppo" / "killed 30 in Homs"): a missed match costs less than a false
    contradiction.
    """
    conflict = entity_conflict(a.names, b.names)
    if conflict:
        return f"different places or names ({conflict[0]} / {conflict[1]})"
    if a.names and b.names and not set(a.names) & set(b.names):
        return f"no name in common ({', '.join(a.names)} / {', '.join(b.names)})"
    return None


def _is_toll(record: FigureRecord) -> bool:
    return bool(set(record.events) & TOLL_EVENTS)


# One rule per claim kind; both claims are of that kind (checked in ``relate``).
_RULES: dict[str, Callable[..., Relation]] = {
    "quote": _relate_quotes,
    "attribution": _relate_attributions,
    "figure": _relate_figures,
}
