"""The verifier's projection: claims, articles, aliases, match edges and verdicts (pure core).

Rebuilt by replaying claims.v1 and decisions.v1 from offset 0; the verdicts it holds are a function
of the *set* of events seen, not of their order (DESIGN.md, "Events are the source of truth"). What
changes a claim's verdict is tracked so that only those claims are assessed again:

1. a new claim — itself and every claim it matches (their evidence grew);
2. an article whose origin changed (it joined a near-duplicate cluster) — its claims and their
   matches (the origins they count changed);
3. a source newly linked to an alias — its attributions are matched again, as are their matches
   and the figures they carry.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.claims import AttributionClaim
from schemas.events import ClaimsExtracted, DecisionRecorded, Evidence, Verdict
from services.verify.exceptions import VerifyError
from services.verify.index import ClaimIndex, blocking_keys
from services.verify.matching import Relation, relate
from services.verify.origins import AliasBook, ArticleOrigins, article_credit
from services.verify.records import (
    AttributionRecord,
    ClaimRecord,
    FigureRecord,
    QuoteRecord,
    claim_record,
    timestamp,
)
from services.verify.verdicts import Assessment, Decision, Link, apply_decision, assess


@dataclass(frozen=True, slots=True)
class CurrentVerdict:
    """The last verdict emitted for a claim."""

    verdict: Verdict
    independent_origins: tuple[str, ...]
    decided_by: str
    revision: int

    def differs_from(self, assessment: Assessment) -> bool:
        return (self.verdict, self.independent_origins, self.decided_by) != (
            assessment.verdict,
            assessment.independent_origins,
            assessment.decided_by,
        )


class VerifierState:
    """Everything the verifier knows; changed only through ``add_claims`` and ``add_decision``."""

    def __init__(self) -> None:
        self.index = ClaimIndex()
        self.articles = ArticleOrigins()
        self.aliases = AliasBook()
        self.current: dict[str, CurrentVerdict] = {}
        self.decisions: dict[str, Decision] = {}
        self.pinned: dict[str, Verdict] = {}
        self._seen_events: set[str] = set()
        self._seen_extractions: set[tuple[str, str]] = set()

    # --- ingesting ---------------------------------------------------------------------------

    def has_seen(self, event: ClaimsExtracted | DecisionRecorded) -> bool:
        if event.event_id in self._seen_events:
            return True
        if isinstance(event, ClaimsExtracted):
            return (event.article.article_id, event.extractor_version) in self._seen_extractions
        return False

    def add_claims(self, event: ClaimsExtracted) -> tuple[list[str], set[str]]:
        """Index an article's claims; returns (its new claim ids, every claim to assess again)."""
        meta = event.article
        stray = [c.claim_id for c in event.claims if c.article_id != meta.article_id]
        if stray:
            raise VerifyError(
                f"claims {stray[:3]} name another article than {meta.article_id}; "
                "the claims service must emit one article's claims per event"
            )
        self._seen_events.add(event.event_id)
        self._seen_extractions.add((meta.article_id, event.extractor_version))
        credit = article_credit(meta, (c.sentence for c in event.claims))
        moved_articles = self.articles.register(meta, credit)
        relinked = self._link_aliases(event)
        published = timestamp(meta.published_at)
        new = [claim_record(c, published_at=published) for c in event.claims]
        new = [r for r in new if r.claim_id not in self.index]
        for record in new:
            self.index.add(record)
        affected = {r.claim_id for r in new}
        for record in new:
            affected |= self._connect(record)
        for claim_id in relinked:
            affected |= self._reconnect(claim_id)
            for carried in self.index.in_article(self.index.get(claim_id).article_id):
                affected |= {carried, *self.index.neighbours(carried)}
        for article_id in moved_articles:
            for claim_id in self.index.in_article(article_id):
                affected |= {claim_id, *self.index.neighbours(claim_id)}
        return [r.claim_id for r in new], affected

    def _link_aliases(self, event: ClaimsExtracted) -> set[str]:
        """Link the sources of attributions; returns earlier attributions whose source group moved."""
        moved: set[str] = set()
        for claim in event.claims:
            if isinstance(claim, AttributionClaim):
                moved |= self.aliases.link(claim.source.name, claim.source.aliases)
        return {claim_id for key in moved for claim_id in self.index.with_source_key(key)}

    def _connect(self, record: ClaimRecord) -> set[str]:
        """Match a record against its candidates and store the edges; returns the matched ids."""
        anchors = (
            self.aliases.group(record.source_keys) if isinstance(record, AttributionRecord) else None
        )
        matched = set()
        for other in self.index.candidates(record, blocking_keys(record, anchors, query=True)):
            relation = self.relation(record, other)
            if relation.kind != "none":
                self.index.link(record.claim_id, other.claim_id, relation.kind)
                matched.add(other.claim_id)
        return matched

    def _reconnect(self, claim_id: str) -> set[str]:
        dropped = self.index.unlink(claim_id)
        return {claim_id} | dropped | self._connect(self.index.get(claim_id))

    def add_decision(self, event: DecisionRecorded) -> bool:
        """Keep a reviewer decision if it is the newest for its claim; returns whether it is."""
        self._seen_events.add(event.event_id)
        decision = Decision(
            event_id=event.event_id,
            at=event.occurred_at.timestamp(),
            reviewer=event.reviewer,
            decision=event.decision,
            verdict=event.verdict,
            comment=event.comment,
        )
        if not decision.is_newer_than(self.decisions.get(event.claim_id)):
            return False
        self.decisions[event.claim_id] = decision
        current = self.current.get(event.claim_id)
        if decision.decision == "confirm" and decision.verdict is None and current:
            self.pinned[event.claim_id] = current.verdict
        return True

    # --- reading ---------------------------------------------------------------------------

    def _earliest(self, item: tuple[str, str]) -> tuple[float, str]:
        published = self.index.get(item[0]).published_at
        return (published if published is not None else float("inf"), item[0])

    def relation(self, a: ClaimRecord, b: ClaimRecord) -> Relation:
        return relate(a, b, same_source=self.aliases.same)

    def origin(self, claim_id: str) -> str:
        """The independent origin a claim is counted under (rules in origins.py)."""
        record = self.index.get(claim_id)
        if isinstance(record, AttributionRecord):
            return self.aliases.label(record.source_keys[0]) if record.source_keys else "unknown"
        if isinstance(record, QuoteRecord) and record.heard_by:
            return record.heard_by
        if isinstance(record, FigureRecord) and record.parent_id in self.index:
            parent = self.index.get(record.parent_id or "")
            if parent.article_id == record.article_id and not isinstance(parent, FigureRecord):
                return self.origin(parent.claim_id)
        return self.articles.origin(record.article_id)

    def assessment(self, claim_id: str) -> Assessment:
        """The verdict in force for a claim: the reviewer's, else the verifier's."""
        record = self.index.get(claim_id)
        links = [
            Link(other, self.origin(other), relation)  # type: ignore[arg-type]
            for other, relation in sorted(self.index.neighbours(claim_id).items())
        ]
        verifier = assess(origin=self.origin(claim_id), uncheckable=record.why_uncheckable(), links=links)
        decision = self.decisions.get(claim_id)
        if decision and decision.decision == "confirm" and decision.verdict is None:
            # A bare "confirm" keeps the verdict in force when it was first applied.
            self.pinned.setdefault(claim_id, verifier.verdict)
        return apply_decision(verifier, decision, self.pinned.get(claim_id))

    def evidence(self, claim_id: str) -> tuple[Evidence, ...]:
        """Each linked claim, how it relates and whether it counts as independent.

        An origin counts once: its earliest claim (by publication time, then id) is independent,
        later claims of the same origin — and claims of the claim's own origin — are echoes.
        """
        record, own = self.index.get(claim_id), self.origin(claim_id)
        counted, found = {own}, []
        for other_id, relation in sorted(self.index.neighbours(claim_id).items(), key=self._earliest):
            other = self.index.get(other_id)
            origin = self.origin(other_id)
            independent = origin not in counted
            counted.add(origin)
            shown = "echo" if relation == "supports" and not independent else relation
            found.append(
                Evidence(
                    claim_id=other_id,
                    article_id=other.article_id,
                    source=self.articles.outlet(other.article_id),
                    url=self.articles.url(other.article_id),
                    origin=origin,
                    relation=shown,
                    independent=independent,
                    why=self.relation(record, other).why,
                )
            )
        return tuple(found)

