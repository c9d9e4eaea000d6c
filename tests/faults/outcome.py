"""What a run produced, and how it differs from the clean run (test layer, no Kafka but reading).

The clean run is the pure cores in one process, articles in publication order — the order a
single-partition pipeline applies them in. A faulted run is read back from its topics
``read_committed``, as any consumer sees it. Both are reduced to the same record: the event ids of
every ClaimsExtracted and VerdictChanged, and each claim's final verdict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from schemas import ArticlePublished, ClaimsExtracted, DeadLettered, VerdictChanged
from schemas.registry import CLAIMS, DEADLETTER, VERDICTS
from services.claims.handler import claims_of
from services.claims.runner import PRODUCER as CLAIMS_PRODUCER
from services.verify.handler import VerifierState, handle
from services.verify.runner import PRODUCER as VERIFY_PRODUCER
from wirecheck.settings import Settings
from wirecheck.topic_reader import read_topic

FinalVerdict = tuple[str, tuple[str, ...], int]  # verdict, independent origins, revision


@dataclass
class RunRecord:
    claims_events: list[str] = field(default_factory=list)
    verdict_events: list[str] = field(default_factory=list)
    final: dict[str, FinalVerdict] = field(default_factory=dict)
    dead_letters: list[DeadLettered] = field(default_factory=list)

    def add_claims(self, event: ClaimsExtracted) -> None:
        self.claims_events.append(event.event_id)

    def add_verdict(self, event: VerdictChanged) -> None:
        self.verdict_events.append(event.event_id)
        latest = self.final.get(event.claim_id)
        if latest is None or event.revision >= latest[2]:
            self.final[event.claim_id] = (event.verdict, event.independent_origins, event.revision)

    @property
    def events_out(self) -> int:
        return len(self.claims_events) + len(self.verdict_events)


@dataclass(frozen=True)
class Comparison:
    lost: int  # events of the clean run missing from this one
    duplicated: int  # records whose event id was read before
    unexpected: int  # event ids the clean run never produced
    differing: int  # claims whose final verdict, origins or revision differ

    @property
    def identical(self) -> bool:
        return not (self.lost or self.duplicated or self.unexpected or self.differing)


def clean_run(articles: Iterable[ArticlePublished], *, max_chars: int) -> RunRecord:
    """The pure claims and verify cores over ``articles`` in order, as one uninterrupted run."""
    record, state = RunRecord(), VerifierState()
    for article in articles:
        extracted = claims_of(article, producer=CLAIMS_PRODUCER, max_chars=max_chars)
        record.add_claims(extracted)
        for verdict in handle(extracted, state, producer=VERIFY_PRODUCER):
            record.add_verdict(verdict)
    return record


def read_run(settings: Settings) -> RunRecord:
    """Everything committed on claims.v1, verdicts.v1 and deadletter.v1 of ``settings``."""
    record = RunRecord()
    for event in read_topic(settings, CLAIMS):
        record.add_claims(event)
    for event in read_topic(settings, VERDICTS):
        record.add_verdict(event)
    record.dead_letters = [e for e in read_topic(settings, DEADLETTER) if isinstance(e, DeadLettered)]
    return record


def compare(run: RunRecord, clean: RunRecord) -> Comparison:
    produced = run.claims_events + run.verdict_events
    expected = set(clean.claims_events) | set(clean.verdict_events)
    seen = set(produced)
    return Comparison(
        lost=len(expected - seen),
        duplicated=sum(n - 1 for n in Counter(produced).values()),
        unexpected=len(seen - expected),
        differing=sum(run.final.get(claim) != verdict for claim, verdict in clean.final.items())
        + len(run.final.keys() - clean.final.keys()),
    )
