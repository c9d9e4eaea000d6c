"""The live queue: the projection fed from Kafka by a background thread, and decisions written back
(shell layer).

The reader assigns itself every partition of the five topics with no consumer group and reads
``read_committed`` from offset 0: the queue is a read model, rebuilt on every start by replaying.
Decisions go to decisions.v1 through an idempotent producer. Checking a reviewer's token, writing
the decision and applying it to the projection happen under one lock, so of two reviewers deciding
the same claim at once the later is refused and shown the earlier's decision.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timezone

import structlog
from kafka import KafkaProducer

from schemas import DecisionRecorded, Event, Producer
from schemas.exceptions import EventDecodeError
from schemas.registry import ARTICLES, CLAIMS, DEADLETTER, DECISIONS, VERDICTS, decode, encode, key_for
from services.review.decisions import record_decision
from services.review.exceptions import DecisionConflictError, UnknownClaimError
from services.review.projection import ClaimView, ReviewProjection
from wirecheck import __version__
from wirecheck.metrics import ARTICLE_TO_VERDICT_SECONDS, REVIEW_CONFLICTS, REVIEW_DECISIONS
from wirecheck.settings import Settings
from wirecheck.topic_reader import committed_reader, partitions_of

log = structlog.get_logger()
PRODUCER = Producer(service="review", version=__version__)
INPUTS = (ARTICLES, CLAIMS, VERDICTS, DECISIONS, DEADLETTER)
SEND_TIMEOUT_S = 10.0

Publish = Callable[[DecisionRecorded], None]


class ReviewStore:
    """The projection behind a lock, with a condition that wakes live subscribers on change."""

    def __init__(self, publish: Publish) -> None:
        self.projection = ReviewProjection()
        self.changed = threading.Condition(threading.RLock())
        self.caught_up = threading.Event()
        self._publish = publish
        self._observed_latency: set[str] = set()

    def apply(self, events: list[tuple[Event, datetime | None]]) -> None:
        with self.changed:
            changed = [self.projection.apply(e, written_at=w) for e, w in events]
            self._observe_latencies()
            if any(changed):
                self.changed.notify_all()

    def _observe_latencies(self) -> None:
        for claim_id, seconds in self.projection.article_to_verdict_seconds().items():
            if claim_id not in self._observed_latency:
                self._observed_latency.add(claim_id)
                ARTICLE_TO_VERDICT_SECONDS.observe(seconds)

    def read(self, reader: Callable[[ReviewProjection], object]):
        with self.changed:
            return reader(self.projection)

    def view(self, claim_id: str) -> ClaimView:
        view = self.read(lambda p: p.view(claim_id))
        if view is None:
            raise UnknownClaimError(f"no verified claim {claim_id!r} in the queue (yet)")
        return view

    def decide(self, claim_id: str, *, reviewer: str, action: str, verdict: str | None,
               comment: str | None, seen_token: str) -> DecisionRecorded:
        """Check, write, apply — in that order, under the lock (see the module docstring)."""
        with self.changed:
            view = self.view(claim_id)
            try:
                event = record_decision(view, reviewer=reviewer, action=action, verdict=verdict,
                                        comment=comment, seen_token=seen_token, producer=PRODUCER,
                                        now=datetime.now(timezone.utc))
            except DecisionConflictError:
                REVIEW_CONFLICTS.inc()
                raise
            self._publish(event)  # 1. on the broker first: a decision not written is not applied
            self.projection.apply(event)  # 2. then in the queue, so the next reviewer sees it
            self.changed.notify_all()
        REVIEW_DECISIONS.labels(view.claim.kind, event.decision).inc()
        return event

    def wait_for_change(self, version: int, timeout_s: float) -> int:
        """Block until the projection's version passes ``version`` or the timeout; the new version."""
        with self.changed:
            self.changed.wait_for(lambda: self.projection.version != version, timeout=timeout_s)
            return self.projection.version


def kafka_publisher(settings: Settings) -> tuple[Publish, Callable[[], None]]:
    """A function writing one decision to decisions.v1 and waiting for the ack; and a closer."""
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", enable_idempotence=True,
                             client_id="wirecheck-review")
    topic = settings.topic(DECISIONS)

    def publish(event: DecisionRecorded) -> None:
        producer.send(topic, key=key_for(event), value=encode(event)).get(timeout=SEND_TIMEOUT_S)

    return publish, producer.close


class TopicFollower(threading.Thread):
    """Feeds the store from offset 0 of every input topic, then follows new records until stopped."""

    def __init__(self, store: ReviewStore, settings: Settings, stop: threading.Event) -> None:
        super().__init__(name="review-follower", daemon=True)
        self.store, self.settings, self.stop = store, settings, stop
        self._logical = {settings.topic(t): t for t in INPUTS}

    def run(self) -> None:
        consumer = committed_reader(self.settings, client_id="wirecheck-review")
        try:
            partitions = partitions_of(consumer, self._logical)
            consumer.assign(partitions)
            consumer.seek_to_beginning(*partitions)
            ends = consumer.end_offsets(partitions)
            while not self.stop.is_set():
                batch = consumer.poll(timeout_ms=self.settings.poll_timeout_ms, max_records=2000)
                self.store.apply([e for records in batch.values() for e in self._decoded(records)])
                if not self.store.caught_up.is_set() and all(
                        consumer.position(tp) >= end for tp, end in ends.items()):
                    self.store.caught_up.set()
                    log.info("review queue rebuilt", version=self.store.projection.version)
        except Exception:
            log.exception("review follower stopped")
            raise
        finally:
            consumer.close()

    def _decoded(self, records) -> list[tuple[Event, datetime]]:
        out = []
        for record in records:
            try:
                event = decode(self._logical[record.topic], record.value)
            except EventDecodeError:
                continue  # the stages dead-letter bad records; the queue only skips them
            out.append((event, datetime.fromtimestamp(record.timestamp / 1000, timezone.utc)))
        return out
