"""Queue order and filters, and the numbers the dashboard shows (pure core over ``ClaimView``).

Order (issue 5): claims still needing a person before reviewed ones; among them ``contested``
first, then high-impact ``single_source`` figures, then the rest; newest article first within a
tier, claim id last so the order is total and a rebuild gives the same queue.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timezone

from pydantic import BaseModel, ConfigDict, field_validator

from schemas.events import VERDICTS
from services.review.projection import ClaimView

KINDS = ("quote", "attribution", "figure")


class QueueFilter(BaseModel):
    """What the reviewer narrowed the queue to; empty fields do not filter."""

    model_config = ConfigDict(frozen=True)

    verdict: str | None = None
    kind: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None

    @field_validator("verdict", "kind", "outlet", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("since", "until", mode="before")
    @classmethod
    def _blank_date_is_none(cls, value: object) -> object:
        return None if value == "" else value

    def accepts(self, view: ClaimView) -> bool:
        published = _published(view)
        return all((
            self.verdict is None or view.verdict.verdict == self.verdict,
            self.kind is None or view.claim.kind == self.kind,
            self.outlet is None or view.article.source == self.outlet,
            self.since is None or published >= datetime.combine(self.since, time.min, timezone.utc),
            self.until is None or published <= datetime.combine(self.until, time.max, timezone.utc),
        ))


def _published(view: ClaimView) -> datetime:
    """When the claim appeared: the article's publication time, else when it was verified."""
    when = view.article.published_at or view.verdict.occurred_at
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def queue_key(view: ClaimView) -> tuple:
    return (view.reviewed, view.tier, -_published(view).timestamp(), view.claim_id)


def order_queue(views: Iterable[ClaimView], queue_filter: QueueFilter | None = None) -> list[ClaimView]:
    """The queue: filtered, in review order."""
    chosen = (v for v in views if queue_filter is None or queue_filter.accepts(v))
    return sorted(chosen, key=queue_key)


def outlets(views: Iterable[ClaimView]) -> list[str]:
    return sorted({v.article.source for v in views})


def queue_depth(views: Iterable[ClaimView]) -> int:
    """Claims still waiting for a person (no decision in force, or sent back for evidence)."""
    return sum(1 for v in views if not v.reviewed)


def verdict_distribution(views: Iterable[ClaimView]) -> dict[str, int]:
    counts = Counter(v.verdict.verdict for v in views)
    return {verdict: counts.get(verdict, 0) for verdict in VERDICTS}


def agreement_by_kind(views: Iterable[ClaimView]) -> dict[str, tuple[int, int]]:
    """Per claim kind: (decisions agreeing with the verifier, decisions) — the verifier's live
    precision as reviewers judge it. A confirm agrees; an overturn to another verdict does not."""
    agreed: Counter = Counter()
    total: Counter = Counter()
    for view in views:
        decision = view.decision
        if decision is None or decision.decision == "needs_evidence":
            continue
        total[view.claim.kind] += 1
        if decision.decision == "confirm":
            agreed[view.claim.kind] += 1
    return {kind: (agreed[kind], total[kind]) for kind in KINDS}
