"""A reviewer's form becomes a DecisionRecorded event, or a conflict (pure core).

Optimistic concurrency: the form carries the ``token`` of the claim the reviewer saw (its verdict
revision and the decision in force). If the claim has moved on since — another reviewer decided,
or new evidence changed the verdict — nothing is recorded and the reviewer is shown what changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from schemas import DecisionRecorded, Producer
from schemas.events import VERDICTS, Verdict
from services.review.constants import MAX_COMMENT_CHARS
from services.review.exceptions import DecisionConflictError, InvalidDecisionError
from services.review.projection import ClaimView

Action = Literal["confirm", "overturn", "needs_evidence"]
ACTIONS: tuple[Action, ...] = ("confirm", "overturn", "needs_evidence")


def record_decision(
    view: ClaimView,
    *,
    reviewer: str,
    action: str,
    verdict: str | None,
    comment: str | None,
    seen_token: str,
    producer: Producer,
    now: datetime,
) -> DecisionRecorded:
    """The event for a reviewer's decision on ``view``; raises on a stale token or a bad form."""
    if seen_token != view.token:
        raise DecisionConflictError(describe_change(view), current_token=view.token)
    return DecisionRecorded.create(
        # Derived from what the reviewer saw: the same form sent twice is the same event.
        key=f"{view.claim_id}:{seen_token}:{reviewer}",
        producer=producer,
        correlation_id=view.claim.article_id,
        causation_id=view.verdict.event_id,
        occurred_at=now,
        claim_id=view.claim_id,
        reviewer=reviewer,
        decision=_action(action),
        verdict=_verdict_for(view, _action(action), verdict),
        comment=_comment(comment),
    )


def _action(action: str) -> Action:
    if action not in ACTIONS:
        raise InvalidDecisionError(f"decision {action!r} is not one of {', '.join(ACTIONS)}")
    return action  # type: ignore[return-value]


def _verdict_for(view: ClaimView, action: Action, verdict: str | None) -> Verdict | None:
    """confirm pins the verdict the reviewer saw; overturn needs another one; needs_evidence none."""
    if action == "confirm":
        return view.verdict.verdict
    if action == "needs_evidence":
        return None
    if verdict not in VERDICTS:
        raise InvalidDecisionError(f"overturn needs the verdict it sets, one of {', '.join(VERDICTS)}")
    if verdict == view.verdict.verdict:
        raise InvalidDecisionError(f"the verdict is already {verdict}; confirm it instead of overturning")
    return verdict  # type: ignore[return-value]


def _comment(comment: str | None) -> str | None:
    text = (comment or "").strip()
    if len(text) > MAX_COMMENT_CHARS:
        raise InvalidDecisionError(f"the comment has {len(text)} characters; keep it under "
                                   f"{MAX_COMMENT_CHARS}")
    return text or None


def describe_decision(decision: DecisionRecorded) -> str:
    what = {"confirm": f"confirmed {decision.verdict}", "overturn": f"overturned to {decision.verdict}",
            "needs_evidence": "asked for more evidence"}[decision.decision]
    when = decision.occurred_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    note = f" — “{decision.comment}”" if decision.comment else ""
    return f"{decision.reviewer} {what} at {when}{note}"


def describe_change(view: ClaimView) -> str:
    """What a reviewer holding a stale page needs to know before deciding again."""
    if view.decision is not None:
        return (f"This claim changed while you were looking: {describe_decision(view.decision)}. "
                "Your decision was not recorded; read it and decide again.")
    return (f"This claim changed while you were looking: the verdict is now {view.verdict.verdict} "
            f"(revision {view.verdict.revision}). Your decision was not recorded; decide again.")
