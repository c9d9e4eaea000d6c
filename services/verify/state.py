"""The verifier's projection: claims, articles, aliases, match edges and verdicts (pure core).

Rebuilt by replaying claims.v1 and decisions.v1 from offset 0; the verdicts it holds are a function
of the *set* of events seen, not of their order (DESIGN.md, "Events are the source of truth"). What
changes a claim's verdict is tracked so that only those claims are assessed again:

1. a new claim — itself and every claim it matches (their evidence grew);
2. an article whose origin changed (it joined a near-duplicate cluster) — its claims and their
   matches (the origins they count changed);
3. a source newly linked to an alias — its attributions are matched again, as are their matches
   and the figures they carry;
4. a newer version of an article (versions.py) — the old version's claims leave the index with
   their edges (each gets a last verdict, see handler.py), the claims they were linked to are
   assessed again, and the new version's claims come in as in 1. The one exception to "a function
   of the set of events": which of two versions is newer may fall back on arrival order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
from services.verify.verdict_table import CurrentVerdict, CurrentVerdicts
from services.verify.verdicts import (
    Assessment,
    Decision,
    Link,
    apply_decision,
    assess,
    link_can_move,
)
from services.verify.versions import ArticleVersions, content_key


@dataclass(frozen=True, slots=True)
class Added:
    """What indexing one ClaimsExtracted changed."""

    new: list[str]  # ids of the claims filed, in event order
    affected: set[str]  # claims already in the index whose evidence or origin may have moved
    retracted: dict[str, ClaimRecord]  # claims of a superseded version, no longer in the index
    rewritten: set[str] = field(default_factory=set)  # same id in the new version, other content
    # earlier claims whose only change is new links: claim → [(new claim, relation)]
    gained: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


def _extraction_key(event: ClaimsExtracted) -> int:
    """(article, its text, extractor version) as one 64-bit int: the same extraction twice."""
    meta = event.article
    return content_key(f"{meta.article_id}\x1f{meta.content_sha256}\x1f{event.extractor_version}")


class VerifierState:
    """Everything the verifier knows; changed only through ``add_claims`` and ``add_decision``."""

    def __init__(self) -> None:
        self.index = ClaimIndex()
        self.articles = ArticleOrigins()
        self.aliases = AliasBook()
        self.current = CurrentVerdicts()
        self.decisions: dict[str, Decision] = {}
        self.pinned: dict[str, Verdict] = {}
        self.versions = ArticleVersions()
        self._seen_events: set[int] = set()  # 64-bit keys of event ids: half a UUID string's size
        self._seen_extractions: set[int] = set()
        self._origins: dict[str, str] = {}  # memo of origin(), emptied whenever the state changes

    # --- ingesting ---------------------------------------------------------------------------

    def has_seen(self, event: ClaimsExtracted | DecisionRecorded) -> bool:
        """A re-delivery: the same event id, or the same article text by the same extractor."""
        if content_key(event.event_id) in self._seen_events:
            return True
        if isinstance(event, ClaimsExtracted):
            return _extraction_key(event) in self._seen_extractions
        return False

    def add_claims(self, event: ClaimsExtracted) -> Added:
        """Index an article's claims, replacing those of an older version of it (versions.py).

        Returns the new claim ids, every earlier claim to assess again and the claims retracted
        because their article has a newer version. An older version than the one held changes
        nothing.
        """
        meta = event.article
        stray = [c.claim_id for c in event.claims if c.article_id != meta.article_id]
        if stray:
            raise VerifyError(
                f"claims {stray[:3]} name another article than {meta.article_id}; "
                "the claims service must emit one article's claims per event"
            )
        self._seen_events.add(content_key(event.event_id))
        self._seen_extractions.add(_extraction_key(event))
        self._origins.clear()
        standing = self.versions.classify(meta)
        if standing == "older":
            return Added([], set(), {})
        self.versions.install(meta)
        affected: set[str] = set()
        retracted: dict[str, ClaimRecord] = {}
        if standing == "newer":
            retracted, affected = self._retract_article(meta.article_id)
        credit = article_credit(meta, (c.sentence for c in event.claims))
        if standing == "newer":
            moved_articles = self.articles.replace(meta, credit)
        else:
            moved_articles = self.articles.register(meta, credit)
        new, more, gained = self._index_claims(event)
        affected |= more
        for article_id in moved_articles:
            for claim_id in self.index.in_article(article_id):
                affected |= {claim_id, *self.index.neighbours(claim_id)}
        rewritten = {k for k, old in retracted.items() if k in self.index and self.index.get(k) != old}
        retracted = {k: v for k, v in retracted.items() if k not in self.index}
        gained = {k: v for k, v in gained.items() if k not in affected and k not in new}
        return Added(new, affected - retracted.keys(), retracted, rewritten, gained)

    def _retract_article(self, article_id: str) -> tuple[dict[str, ClaimRecord], set[str]]:
        """Take every claim of an article out; returns them and the claims they were linked to."""
        retracted = {claim_id: self.index.get(claim_id) for claim_id in self.index.in_article(article_id)}
        linked: set[str] = set()
        for claim_id in retracted:
            linked |= self.index.remove(claim_id)
        return retracted, linked - retracted.keys()

    def _index_claims(
        self, event: ClaimsExtracted
    ) -> tuple[list[str], set[str], dict[str, list[tuple[str, str]]]]:
        """File the event's claims and match them; returns (new ids, claims to assess, new links)."""
        relinked = self._link_aliases(event)
        published = timestamp(event.article.published_at)
        new = [claim_record(c, published_at=published) for c in event.claims]
        new = [r for r in new if r.claim_id not in self.index]
        for record in new:
            self.index.add(record)
        affected = {r.claim_id for r in new}
        gained: dict[str, list[tuple[str, str]]] = {}
        for record in new:
            for other_id, relation in self._connect(record).items():
                gained.setdefault(other_id, []).append((record.claim_id, relation))
        for claim_id in relinked:
            affected |= self._reconnect(claim_id)
            for carried in self.index.in_article(self.index.get(claim_id).article_id):
                affected |= {carried, *self.index.neighbours(carried)}
        return [r.claim_id for r in new], affected, gained

    def _link_aliases(self, event: ClaimsExtracted) -> set[str]:
        """Link the sources of attributions; returns earlier attributions whose source group moved."""
        moved: set[str] = set()
        for claim in event.claims:
            if isinstance(claim, AttributionClaim):
                moved |= self.aliases.link(claim.source.name, claim.source.aliases)
        return {claim_id for key in moved for claim_id in self.index.with_source_key(key)}

    def _connect(self, record: ClaimRecord) -> dict[str, str]:
        """Match a record against its candidates and store the edges; returns matched id → relation."""
        if not record.checkable:  # it matches nothing (matching.py)
            return {}
        anchors = (
            self.aliases.group(record.source_keys) if isinstance(record, AttributionRecord) else None
        )
        matched, room = {}, self.index.room(record.claim_id)
        for other in self.index.candidates(record, blocking_keys(record, anchors, query=True)):
            if room <= 0:
                break
            if not self.index.has_room(other.claim_id):
                continue
            relation = self.relation(record, other)
            if relation.kind != "none":
                self.index.link(record.claim_id, other.claim_id, relation.kind)
                matched[other.claim_id] = relation.kind
                room -= 1
        return matched

    def _reconnect(self, claim_id: str) -> set[str]:
        dropped = self.index.unlink(claim_id)
        return {claim_id} | dropped | self._connect(self.index.get(claim_id)).keys()

    def add_decision(self, event: DecisionRecorded) -> bool:
        """Keep a reviewer decision if it is the newest for its claim; returns whether it is."""
        self._seen_events.add(content_key(event.event_id))
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

    def follow(self, claim_id: str, assessment: Assessment, revision: int) -> None:
        """Record the verdict now in force for a claim."""
        self.current[claim_id] = CurrentVerdict(
            assessment.verdict, assessment.independent_origins, assessment.decided_by, revision
        )

    # --- reading ---------------------------------------------------------------------------

    def links_can_move(self, claim_id: str, links: list[tuple[str, str]]) -> bool:
        """Whether new links (other claim, relation) can change a claim's verdict (verdicts.py).

        Only the verifier's own last verdict is known to equal the assessment before the links, so
        a claim with a reviewer decision or without a verdict yet is always assessed.
        """
        current = self.current.get(claim_id)
        if current is None or claim_id in self.decisions:
            return True
        article_id, own = self.index.get(claim_id).article_id, self.origin(claim_id)
        return any(
            link_can_move(current.verdict, current.independent_origins, own=own,
                          origin=self.origin(other_id), relation=relation)
            for other_id, relation in links
            if not self.articles.same_text(article_id, self.index.get(other_id).article_id)
        )

    def _evidence_links(self, record: ClaimRecord) -> dict[str, str]:
        """Linked claims that can bear on ``record``: not those of a copy of its own article.

        A republished copy repeats the article's claims, so it neither supports nor contradicts
        them; and a copy's claim that matches a *different* claim of the article (the same figure
        inside a quote and inside an attribution) would otherwise smuggle the article's own origin
        in as a second one.
        """
        return {
            other_id: relation
            for other_id, relation in self.index.neighbours(record.claim_id).items()
            if not self.articles.same_text(record.article_id, self.index.get(other_id).article_id)
        }

    def _earliest(self, item: tuple[str, str]) -> tuple[float, str]:
        published = self.index.get(item[0]).published_at
        return (published if published is not None else float("inf"), item[0])

    def relation(self, a: ClaimRecord, b: ClaimRecord) -> Relation:
        return relate(a, b, same_source=self.aliases.same)

    def origin(self, claim_id: str) -> str:
        """The independent origin a claim is counted under (rules in origins.py).

        Memoised until the projection next changes: assessing a story's claims asks for the same
        claims' origins over and over.
        """
        known = self._origins.get(claim_id)
        if known is None:
            known = self._origins[claim_id] = self._origin(claim_id)
        return known

    def _origin(self, claim_id: str) -> str:
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
            for other, relation in sorted(self._evidence_links(record).items())
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
        later claims of the same origin — and claims of the claim's own origin — are echoes. Claims
        of a copy of the claim's own article are listed as echoes and never counted.
        """
        record, own = self.index.get(claim_id), self.origin(claim_id)
        counted, found = {own}, []
        for other_id, relation in sorted(self.index.neighbours(claim_id).items(), key=self._earliest):
            other = self.index.get(other_id)
            origin = self.origin(other_id)
            copy = self.articles.same_text(record.article_id, other.article_id)
            independent = origin not in counted and not copy
            if not copy:
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

