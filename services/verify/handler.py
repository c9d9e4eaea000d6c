"""Entry points the Kafka runner calls: an event in, the VerdictChanged events it causes out.

Pure: handlers change the ``VerifierState`` projection and *return* events; the runner sends them
(STYLE.md, "Handlers return events; the runner sends them"). Every VerdictChanged is derived:

* ``event_id`` from ``f"{claim_id}:{revision}"``, so a replay produces the same ids;
* ``occurred_at`` is the triggering event's, so a replay produces the same records;
* ``causation_id`` is the triggering event's id, ``correlation_id`` the claim's article.

A VerdictChanged is emitted only when a claim's verdict, its set of independent origins or who
decided it changes. A re-delivered event (same ``event_id``, or the same article text and extractor
version) changes nothing and returns no events.

A claim retracted because its article has a newer version (state.py, rule 4) gets a last
VerdictChanged: ``unverified``, no origins, no evidence, reason RETRACTED_REASON. Retractions come
first in the returned list, then the new claims, then earlier claims whose evidence moved.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from functools import singledispatch

from schemas.envelope import Event, Producer
from schemas.events import ClaimsExtracted, DecisionRecorded, VerdictChanged
from services.verify.constants import RETRACTED_REASON, UNVERIFIED_CONFIDENCE
from services.verify.exceptions import UnsupportedEventError
from services.verify.records import ClaimRecord
from services.verify.state import CurrentVerdict, VerifierState
from services.verify.verdicts import Assessment

__all__ = ["VerifierState", "handle"]


@singledispatch
def handle(
    event: Event, state: VerifierState, *, producer: Producer, emit: bool = True
) -> list[VerdictChanged]:
    """Apply one event to the projection; returns the verdict changes it causes, in order.

    With ``emit=False`` (a projection rebuild, whose outputs are dropped) the state ends exactly as
    with ``emit=True`` but no VerdictChanged is built: listing evidence is most of the work
    (bench/results/profiles/02-*.txt).
    """
    raise UnsupportedEventError(
        f"the verifier handles ClaimsExtracted and DecisionRecorded, not {type(event).__name__}"
    )


@handle.register
def _claims_extracted(
    event: ClaimsExtracted, state: VerifierState, *, producer: Producer, emit: bool = True
) -> list[VerdictChanged]:
    if state.has_seen(event):
        return []
    added = state.add_claims(event)
    retractions = [
        change
        for _, record in sorted(added.retracted.items())
        if record.claim_id in state.current
        for change in _retraction(record, state, cause=event, producer=producer, emit=emit)
    ]
    earlier = sorted(
        claim_id
        for claim_id in (added.affected | added.gained.keys()) - set(added.new)
        if claim_id not in added.gained or state.links_can_move(claim_id, added.gained[claim_id])
    )
    changes = _changes(
        added.new + earlier, state, cause=event, producer=producer, rewritten=added.rewritten,
        emit=emit,
    )
    return retractions + changes


@handle.register
def _decision_recorded(
    event: DecisionRecorded, state: VerifierState, *, producer: Producer, emit: bool = True
) -> list[VerdictChanged]:
    if state.has_seen(event) or not state.add_decision(event):
        return []
    if event.claim_id not in state.index:
        return []  # kept; it applies when the claim arrives
    return _changes([event.claim_id], state, cause=event, producer=producer, emit=emit)


def _changes(
    claim_ids: Iterable[str],
    state: VerifierState,
    *,
    cause: Event,
    producer: Producer,
    rewritten: Collection[str] = (),
    emit: bool = True,
) -> list[VerdictChanged]:
    """A VerdictChanged for each claim whose verdict, origins or decider moved; state follows.

    A ``rewritten`` claim (same id, new text in a newer article version) always gets one.
    """
    changes = []
    for claim_id in claim_ids:
        assessment = state.assessment(claim_id)
        current = state.current.get(claim_id)
        unchanged = current is not None and not current.differs_from(assessment)
        if unchanged and claim_id not in rewritten:
            continue
        if emit:
            changes.append(_verdict_changed(claim_id, assessment, current, state, cause, producer))
        state.follow(claim_id, assessment, current.revision + 1 if current else 1)
    return changes


def _retraction(
    record: ClaimRecord, state: VerifierState, *, cause: Event, producer: Producer, emit: bool
) -> list[VerdictChanged]:
    """The last verdict of a claim whose article was superseded (none without ``emit``); state follows."""
    current = state.current[record.claim_id]
    state.current[record.claim_id] = CurrentVerdict("unverified", (), "verifier", current.revision + 1)
    if not emit:
        return []
    change = _verdict_event(
        record, current.revision + 1, current.verdict, cause, producer,
        verdict="unverified",
        reason=RETRACTED_REASON,
        confidence=UNVERIFIED_CONFIDENCE,
        independent_origins=(),
        evidence=(),
    )
    return [change]


def _verdict_changed(
    claim_id: str,
    assessment: Assessment,
    current: CurrentVerdict | None,
    state: VerifierState,
    cause: Event,
    producer: Producer,
) -> VerdictChanged:
    return _verdict_event(
        state.index.get(claim_id), current.revision + 1 if current else 1,
        current.verdict if current else None, cause, producer,
        verdict=assessment.verdict,
        reason=assessment.reason,
        confidence=assessment.confidence,
        independent_origins=assessment.independent_origins,
        evidence=state.evidence(claim_id),
        decided_by=assessment.decided_by,
    )


def _verdict_event(
    record: ClaimRecord, revision: int, previous_verdict: str | None, cause: Event, producer: Producer,
    **decision: object,
) -> VerdictChanged:
    """Revision ``revision`` of a claim's verdict: its id follows from the claim and the revision, so a
    replay makes the same event; ``decision`` is the verdict with its reason and evidence."""
    return VerdictChanged.create(
        key=f"{record.claim_id}:{revision}",
        producer=producer,
        correlation_id=record.article_id,
        causation_id=cause.event_id,
        occurred_at=cause.occurred_at,
        claim_id=record.claim_id,
        article_id=record.article_id,
        claim_kind=record.kind,
        claim_text=record.text,
        previous_verdict=previous_verdict,
        revision=revision,
        **decision,
    )
