"""The review queue's read model: articles, claims, verdicts and decisions folded into views (pure core).

A projection like the verifier's index: rebuilt by replaying articles.v1, claims.v1, verdicts.v1,
decisions.v1 and deadletter.v1 from offset 0. It keeps each input in its own map and joins them
when read, so the order in which topics are replayed does not change the result. Re-delivered
events (same ``event_id``) change nothing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import singledispatchmethod

from schemas import (
    Article,
    ArticleMeta,
    ArticlePublished,
    Claim,
    ClaimsExtracted,
    DeadLettered,
    DecisionRecorded,
    Event,
    FigureClaim,
    VerdictChanged,
)
from services.review.constants import (
    HIGH_IMPACT_QUANTITIES,
    TIER_CONTESTED,
    TIER_HIGH_IMPACT,
    TIER_REST,
)


@dataclass(frozen=True)
class ClaimView:
    """Everything a reviewer sees of one claim, joined from the projection's maps."""

    claim: Claim
    article: ArticleMeta
    body: str | None
    verdict: VerdictChanged
    decisions: tuple[DecisionRecorded, ...]

    @property
    def claim_id(self) -> str:
        return self.claim.claim_id

    @property
    def decision(self) -> DecisionRecorded | None:
        """The decision in force: the latest by time, then event id (as the verifier orders them)."""
        return self.decisions[-1] if self.decisions else None

    @property
    def reviewed(self) -> bool:
        return self.decision is not None and self.decision.decision != "needs_evidence"

    @property
    def token(self) -> str:
        """What a reviewer saw: the verdict revision and the decision in force (optimistic lock)."""
        return f"{self.verdict.revision}:{self.decision.event_id if self.decision else '-'}"

    @property
    def tier(self) -> int:
        if self.verdict.verdict == "contested":
            return TIER_CONTESTED
        if self.verdict.verdict == "single_source" and is_high_impact(self.claim):
            return TIER_HIGH_IMPACT
        return TIER_REST


def is_high_impact(claim: Claim) -> bool:
    return isinstance(claim, FigureClaim) and claim.quantity in HIGH_IMPACT_QUANTITIES


def _decision_order(decision: DecisionRecorded) -> tuple[datetime, str]:
    return (decision.occurred_at, decision.event_id)


@dataclass
class ReviewProjection:
    """The folded topics; change it only through ``apply``."""

    articles: dict[str, Article] = field(default_factory=dict)
    ingested_at: dict[str, datetime] = field(default_factory=dict)
    metas: dict[str, ArticleMeta] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    verdicts: dict[str, VerdictChanged] = field(default_factory=dict)
    first_verdict_at: dict[str, datetime] = field(default_factory=dict)
    decisions: dict[str, list[DecisionRecorded]] = field(default_factory=dict)
    dead_letters: Counter = field(default_factory=Counter)
    counts: Counter = field(default_factory=Counter)
    version: int = 0
    _seen: set[str] = field(default_factory=set)

    def apply(self, event: Event, *, written_at: datetime | None = None) -> bool:
        """Fold one event in; ``written_at`` is the record's broker timestamp. Returns whether it
        changed anything (a re-delivered event does not)."""
        if event.event_id in self._seen:
            return False
        self._seen.add(event.event_id)
        self.counts[event.event_type] += 1
        self._apply(event, written_at)
        self.version += 1
        return True

    @singledispatchmethod
    def _apply(self, event: Event, written_at: datetime | None) -> None:
        """Events of other types are counted and otherwise ignored."""

    @_apply.register
    def _article(self, event: ArticlePublished, written_at: datetime | None) -> None:
        self.articles[event.article.article_id] = event.article
        self.ingested_at[event.article.article_id] = event.occurred_at

    @_apply.register
    def _claims(self, event: ClaimsExtracted, written_at: datetime | None) -> None:
        self.metas[event.article.article_id] = event.article
        for claim in event.claims:
            self.claims[claim.claim_id] = claim

    @_apply.register
    def _verdict(self, event: VerdictChanged, written_at: datetime | None) -> None:
        latest = self.verdicts.get(event.claim_id)
        if latest is None or event.revision > latest.revision:
            self.verdicts[event.claim_id] = event
        if event.revision == 1 and written_at is not None:
            self.first_verdict_at[event.claim_id] = written_at

    @_apply.register
    def _decision(self, event: DecisionRecorded, written_at: datetime | None) -> None:
        history = self.decisions.setdefault(event.claim_id, [])
        history.append(event)
        history.sort(key=_decision_order)

    @_apply.register
    def _dead_letter(self, event: DeadLettered, written_at: datetime | None) -> None:
        self.dead_letters[(event.stage, event.error_type)] += 1

    # --- reading ---------------------------------------------------------------------------

    def view(self, claim_id: str) -> ClaimView | None:
        """The claim joined with its article, verdict and decisions; None until all are known."""
        claim, verdict = self.claims.get(claim_id), self.verdicts.get(claim_id)
        if claim is None or verdict is None:
            return None
        article = self.articles.get(claim.article_id)
        meta = self.metas.get(claim.article_id) or article
        if meta is None:
            return None
        return ClaimView(claim=claim, article=meta, body=article.body if article else None,
                         verdict=verdict, decisions=tuple(self.decisions.get(claim_id, ())))

    def views(self) -> list[ClaimView]:
        return [v for claim_id in self.verdicts if (v := self.view(claim_id)) is not None]

    def article_to_verdict_seconds(self) -> dict[str, float]:
        """Per claim: seconds from its article's ingest to its first verdict being written."""
        out = {}
        for claim_id, written in self.first_verdict_at.items():
            claim = self.claims.get(claim_id)
            ingested = self.ingested_at.get(claim.article_id) if claim else None
            if ingested is not None:
                out[claim_id] = max(0.0, (written - ingested).total_seconds())
        return out
