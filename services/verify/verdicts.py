"""Verdict rules: from a claim's links to other claims, its verdict (pure core of the verifier).

* ``unverified`` — the claim cannot be checked: a quote with no named speaker, a statement of fewer
  than MIN_STATEMENT_WORDS content words, a figure with no number or with no context (no event, no
  name, almost no words). Nothing could ever be compared with it, so no evidence can move it.
* ``single_source`` — checkable, but every claim that agrees with it comes from its own origin
  (echoes, or nothing yet), and no independent origin disagrees.
* ``corroborated`` — at least two independent origins (its own included) agree, none disagrees.
* ``contested`` — at least one origin other than its own contradicts it, whatever the support.

A later, higher toll ("updates") neither supports nor contradicts; it is shown as evidence. A claim
that contradicts claims of its own origin is not contested (one origin cannot be independent of
itself); the evidence shows it.

Confidence is the rule of succession over independent origins, (agree + 1) / (agree + disagree + 2):
one origin 0.67, two 0.75, three 0.8; one for and one against 0.5; unverified 0.5 (no evidence).
Reviewer decisions take precedence (``apply_decision``) and have confidence 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from schemas.events import Verdict
from services.verify.constants import REVIEWER_CONFIDENCE, UNVERIFIED_CONFIDENCE
from services.verify.exceptions import InvalidDecisionError


@dataclass(frozen=True, slots=True)
class Link:
    """A claim of another article and how it relates, under the origin it is counted as."""

    claim_id: str
    origin: str
    relation: Literal["supports", "contradicts", "updates"]


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: Verdict
    confidence: float
    reason: str
    independent_origins: tuple[str, ...]
    decided_by: Literal["verifier", "reviewer"] = "verifier"


@dataclass(frozen=True, slots=True)
class Decision:
    """The reviewer decision in force for a claim (the latest by time, then event id)."""

    event_id: str
    at: float
    reviewer: str
    decision: Literal["confirm", "overturn", "needs_evidence"]
    verdict: Verdict | None
    comment: str | None = None

    def is_newer_than(self, other: Decision | None) -> bool:
        return other is None or (self.at, self.event_id) > (other.at, other.event_id)


def assess(*, origin: str, uncheckable: str | None, links: Sequence[Link]) -> Assessment:
    """The verifier's verdict for a claim of ``origin`` given its links (``uncheckable``: why not)."""
    if uncheckable:
        return Assessment("unverified", UNVERIFIED_CONFIDENCE, f"cannot be checked: {uncheckable}", (origin,))
    agree = {origin} | {l.origin for l in links if l.relation == "supports"}
    disagree = {l.origin for l in links if l.relation == "contradicts" and l.origin != origin}
    origins = tuple(sorted(agree | disagree | {l.origin for l in links}))
    confidence = (len(agree) + 1) / (len(agree) + len(disagree) + 2)
    reason = _reason(origin, agree, disagree, links)
    if disagree:
        return Assessment("contested", confidence, reason, origins)
    if len(agree) >= 2:
        return Assessment("corroborated", confidence, reason, origins)
    return Assessment("single_source", confidence, reason, origins)


def link_can_move(
    verdict: Verdict, origins: Sequence[str], *, own: str, origin: str, relation: str
) -> bool:
    """Whether one more link (``origin``, ``relation``) can change a verifier verdict or its origins.

    ``verdict`` and ``origins`` are what ``assess`` gave before the link. A known origin cannot join
    ``origins`` again; the claim's own origin never counts; a supporting origin already listed
    only turns ``single_source`` (where it can only be an updating origin) into ``corroborated``; a
    contradicting one makes any uncontested verdict ``contested``. An update never moves a verdict.
    Lets the state skip re-assessing a hot claim, O(its links), for each echo (profile 01).
    """
    if origin not in origins or verdict not in ("single_source", "corroborated", "contested"):
        return True
    if origin == own:
        return False
    if relation == "supports":
        return verdict == "single_source"
    if relation == "contradicts":
        return verdict != "contested"
    return False


def _reason(origin: str, agree: set[str], disagree: set[str], links: Sequence[Link]) -> str:
    others = sorted(agree - {origin})
    if disagree:
        parts = [f"contradicted by {_listed(disagree)}"]
        parts.append(f"supported by {_listed(others)}" if others else f"only {origin} supports it")
    elif others:
        parts = [f"corroborated by {len(agree)} independent origins: {_listed(agree)}"]
    else:
        parts = [f"only {origin} reports it"]
    echoes = sum(1 for l in links if l.origin == origin and l.relation == "supports")
    if echoes:
        parts.append(f"{echoes} echo{'es' if echoes > 1 else ''} of {origin} not counted")
    updates = sorted({l.origin for l in links if l.relation == "updates"})
    if updates:
        parts.append(f"the toll differs in a later report ({_listed(updates)})")
    return "; ".join(parts)


def _listed(origins: set[str] | list[str]) -> str:
    return ", ".join(sorted(origins))


def apply_decision(
    assessment: Assessment, decision: Decision | None, pinned: Verdict | None
) -> Assessment:
    """The verdict in force: the reviewer's where one decided, else the verifier's.

    ``confirm`` keeps the verdict it names, or ``pinned`` (the verdict the reviewer saw) when it names
    none; ``overturn`` sets its verdict; ``needs_evidence`` hands the claim back to the verifier.
    """
    if decision is None or decision.decision == "needs_evidence":
        return assessment
    verdict = decision.verdict or (pinned if decision.decision == "confirm" else None)
    if verdict is None:
        raise InvalidDecisionError(
            f"decision {decision.event_id} overturns without a verdict; set `verdict` to the one "
            "it should be"
        )
    words = "confirmed" if decision.decision == "confirm" else "overturned to"
    reason = f"reviewer {decision.reviewer} {words} {verdict}"
    if decision.comment:
        reason += f": {decision.comment}"
    return Assessment(
        verdict, REVIEWER_CONFIDENCE, reason, assessment.independent_origins, "reviewer"
    )
