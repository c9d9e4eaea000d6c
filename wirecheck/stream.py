"""The one loop that moves events between topics for a stage (shell layer).

A stage is a pure handler (event → events) plus the topics it reads. ``StageRunner`` polls,
decodes at the topic edge, calls the handler, and writes the results with the consumed offsets in
one Kafka transaction, so that a crash anywhere loses nothing and duplicates nothing that a
``read_committed`` consumer can see. Records that cannot be decoded or handled go to the
dead-letter topic with their bytes, where they came from and why; the stage goes on.
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import structlog
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaError, ProducerFencedError
from kafka.structs import OffsetAndMetadata

from schemas import DeadLettered, Event, Producer, VerdictChanged
from schemas.exceptions import EventDecodeError
from schemas.registry import decode, encode, key_for, topic_for
from wirecheck.exceptions import StageStuckError, WirecheckError
from wirecheck.instances import take_slot
from wirecheck.metrics import (
    BATCH_SECONDS,
    DEAD_LETTERED,
    EVENT_SECONDS,
    EVENTS_CONSUMED,
    EVENTS_PRODUCED,
    VERDICTS_EMITTED,
    LagSampler,
)
from wirecheck.settings import Settings
from wirecheck.topic_reader import committed_reader, partitions_of

log = structlog.get_logger()

# How long a stage waits for its input topics' metadata before it gives up with an error.
METADATA_WAIT_S = 30.0
METADATA_MAX_AGE_MS = 10_000
# kafka-python waits for a transactional request's result without a bound, and after a broker
# restart one sometimes never completes (found by tests/faults: a verifier idled for ever in
# send_offsets_to_transaction). A step still running after the broker's own transaction timeout
# (transaction.timeout.ms, 60 s) stops the stage instead; its restart resumes from the committed
# offsets, as after a crash.
TRANSACTION_STEP_TIMEOUT_S = 60.0
# Between batches nothing is unsent; a producer still busy after this on close is stuck.
PRODUCER_CLOSE_TIMEOUT_S = 10.0

Handler = Callable[[Event], list[Event]]


@dataclass
class Stage:
    """What a service runs: a name, the logical topics it reads, and its pure handler."""

    name: str
    inputs: tuple[str, ...]
    handle: Handler
    producer: Producer
    # Stateful stages rebuild their projection by re-handling their inputs up to the committed
    # offsets before they take new work (outputs dropped: they were written the first time).
    stateful: bool = False
    # A stateful stage's projection applies a batch before the batch's transaction commits; when
    # the transaction aborts, the runner calls ``reset`` (an empty projection) and rebuilds it to
    # the committed offsets, because handling the batch again on top of it would emit nothing.
    reset: Callable[[], None] | None = None
    # A stage with a loop of its own (the verifier's, services/verify/runner.py) names its
    # StageRunner subclass here, so whoever runs a Stage runs it the way the service does.
    runner: type[StageRunner] | None = None


@dataclass
class StageCounters:
    consumed: int = 0
    produced: int = 0
    dead_lettered: int = 0
    replayed: int = 0


@dataclass
class StageRunner:
    stage: Stage
    settings: Settings
    counters: StageCounters = field(default_factory=StageCounters)

    def __post_init__(self) -> None:
        self._logical = {self.settings.topic(t): t for t in self.stage.inputs}

    def run(self, stop: threading.Event) -> None:
        """Run until ``stop`` is set; each poll's batch is one transaction."""
        group = self.settings.group(self.stage.name)
        slot = take_slot(self.settings, group)  # several instances of a stage must not fence each other
        producer = _transactional_producer(self.settings, slot.transactional_id(group))
        consumer = _group_consumer(self.settings, group)
        try:
            if self.stage.stateful:
                self.rebuild_projection(consumer)
                log.info("projection rebuilt", stage=self.stage.name, replayed=self.counters.replayed)
            _await_partitions(consumer, self._logical)
            consumer.subscribe(list(self._logical))
            if self.settings.metrics_port:
                LagSampler(self.settings, self.stage.name, self.stage.inputs, stop).start()
            log.info("stage started", stage=self.stage.name, topics=list(self._logical), group=group)
            while not stop.is_set():
                batch = consumer.poll(timeout_ms=self.settings.poll_timeout_ms,
                                      max_records=self.settings.max_poll_records)
                if batch:
                    with BATCH_SECONDS.labels(self.stage.name).time():
                        self._process_batch(batch, producer, consumer)
        finally:
            consumer.close()
            producer.close(timeout=PRODUCER_CLOSE_TIMEOUT_S)
            slot.release()
            log.info("stage stopped", stage=self.stage.name, **vars(self.counters))

    def _process_batch(self, batch: dict, producer: KafkaProducer, consumer: KafkaConsumer) -> None:
        """Handle one poll's records atomically.

        Commit order:
          1. begin the transaction;
          2. send every output event (or dead-letter record) through the transactional producer;
          3. add the consumed offsets to the same transaction (KIP-447 group metadata);
          4. commit: outputs and offsets become visible together, or neither does.
        On an abortable failure the transaction is aborted and the consumer rewinds to the last
        committed offsets, so the batch is handled again from the same input.
        """
        producer.begin_transaction()
        try:
            for records in batch.values():
                for record in records:
                    for event in self._outputs(record):
                        topic = self.settings.topic(topic_for(event))
                        producer.send(topic, key=key_for(event), value=encode(event))
                        EVENTS_PRODUCED.labels(self.stage.name, topic_for(event)).inc()
                        if isinstance(event, VerdictChanged):
                            VERDICTS_EMITTED.labels(event.verdict, event.decided_by).inc()
            offsets = {tp: OffsetAndMetadata(recs[-1].offset + 1, "", -1) for tp, recs in batch.items()}
            commit_with_offsets(producer, offsets, consumer)
        except ProducerFencedError:
            raise  # another instance took over this transactional id: this one must stop
        except KafkaError as exc:
            log.warning("transaction aborted; rewinding", stage=self.stage.name, error=repr(exc))
            bounded_transaction_step(producer.abort_transaction, "aborting the transaction")
            _rewind(consumer, batch.keys())
            if self.stage.stateful:
                self._restore_projection(consumer)

    def _restore_projection(self, consumer: KafkaConsumer) -> None:
        """Take an aborted batch back out of the projection: empty it, rebuild it to the committed
        offsets. Without ``reset`` the stage stops rather than lose the batch's outputs (found by
        tests/faults: a broker restart aborted verifier batches whose verdicts never came again)."""
        if self.stage.reset is None:
            raise WirecheckError(f"stage {self.stage.name} aborted a transaction and cannot reset its "
                                 "projection; restart it to rebuild the projection from the topics")
        self.stage.reset()
        self.rebuild_projection(consumer)
        log.info("projection rebuilt after an aborted transaction", stage=self.stage.name)

    def _outputs(self, record: ConsumerRecord) -> list[Event]:
        """The events one record yields: the handler's, or a single dead-letter record."""
        self.counters.consumed += 1
        EVENTS_CONSUMED.labels(self.stage.name).inc()
        try:
            with EVENT_SECONDS.labels(self.stage.name).time():
                outputs = self.stage.handle(decode(self._logical[record.topic], record.value))
        except EventDecodeError as exc:
            return [self._dead_letter(record, exc.reason, "decode")]
        except Exception as exc:  # noqa: BLE001 — one bad document must not stop the stream
            log.exception("handler failed", stage=self.stage.name, topic=record.topic,
                          offset=record.offset)
            return [self._dead_letter(record, f"handler failed: {type(exc).__name__}: {exc}", "handler")]
        self.counters.produced += len(outputs)
        return outputs

    def _dead_letter(self, record: ConsumerRecord, reason: str, error_type: str) -> DeadLettered:
        self.counters.dead_lettered += 1
        DEAD_LETTERED.labels(self.stage.name, error_type).inc()
        where = f"{record.topic}/{record.partition}/{record.offset}"
        log.warning("dead-lettered", stage=self.stage.name, where=where, reason=reason)
        return DeadLettered.create(
            key=f"{self.stage.name}:{where}",
            producer=self.stage.producer,
            correlation_id=where,
            stage=self.stage.name,
            topic=record.topic,
            partition=record.partition,
            offset=record.offset,
            key_b64=base64.b64encode(record.key).decode() if record.key is not None else None,
            value_b64=base64.b64encode(record.value or b"").decode(),
            reason=reason,
            error_type=error_type,
        )

    def rebuild_projection(self, group_consumer: KafkaConsumer) -> None:
        """Re-handle every input record below the group's committed offsets, dropping outputs.

        Records that failed the first time failed again the same way and are skipped: they are
        in the dead-letter topic already.
        """
        reader = committed_reader(self.settings)
        try:
            targets = {
                tp: end
                for tp in partitions_of(reader, self._logical)
                if (end := group_consumer.committed(tp) or 0) > 0
            }
            if not targets:
                return  # nothing committed yet: a first start
            reader.assign(list(targets))
            reader.seek_to_beginning(*targets)
            while targets:
                for tp, records in reader.poll(timeout_ms=1000, max_records=2000).items():
                    self._replay(tp, [r for r in records if r.offset < targets[tp]])
                    if reader.position(tp) >= targets[tp]:
                        del targets[tp]
                        reader.pause(tp)
        finally:
            reader.close()

    def _replay(self, tp: TopicPartition, records: list[ConsumerRecord]) -> None:
        for record in records:
            try:
                self.stage.handle(decode(self._logical[tp.topic], record.value))
            except Exception:  # noqa: BLE001 — dead-lettered on the live pass already
                continue
            self.counters.replayed += 1


def commit_with_offsets(producer: KafkaProducer, offsets: dict[TopicPartition, OffsetAndMetadata],
                        consumer: KafkaConsumer) -> None:
    """Steps 3 and 4 of a stage's transaction: the consumed offsets join it under the group's
    metadata (KIP-447: a member fenced out of the group cannot commit), then it commits."""
    metadata = consumer.group_metadata()
    bounded_transaction_step(lambda: producer.send_offsets_to_transaction(offsets, metadata), "sending the offsets")
    bounded_transaction_step(producer.commit_transaction, "committing the transaction")


def bounded_transaction_step(step: Callable[[], object], what: str) -> None:
    """Run one blocking transactional call; raise ``StageStuckError`` if it has not returned within
    TRANSACTION_STEP_TIMEOUT_S (the call is left behind in its daemon thread)."""
    failures: list[BaseException] = []

    def call() -> None:
        try:
            step()
        except BaseException as exc:  # noqa: BLE001 — re-raised in the stage's thread
            failures.append(exc)

    worker = threading.Thread(target=call, name=f"transaction: {what}", daemon=True)
    worker.start()
    worker.join(TRANSACTION_STEP_TIMEOUT_S)
    if worker.is_alive():
        raise StageStuckError(f"{what} did not return within {TRANSACTION_STEP_TIMEOUT_S:.0f} s; the stage "
                              "stops so that a restart resumes from the committed offsets")
    if failures:
        raise failures[0]


def _rewind(consumer: KafkaConsumer, partitions: Iterable[TopicPartition]) -> None:
    for tp in partitions:
        committed = consumer.committed(tp)
        if committed is None:
            consumer.seek_to_beginning(tp)
        else:
            consumer.seek(tp, committed)


def _transactional_producer(settings: Settings, transactional_id: str) -> KafkaProducer:
    producer = KafkaProducer(
        bootstrap_servers=settings.bootstrap,
        transactional_id=transactional_id,
        enable_idempotence=True,
        acks="all",
        linger_ms=settings.linger_ms,
        batch_size=settings.batch_bytes,
        client_id=transactional_id,
    )
    producer.init_transactions()
    return producer


def _await_partitions(consumer: KafkaConsumer, topics: Iterable[str]) -> None:
    """Know every input's partitions before joining the group.

    A member whose metadata lacks a subscribed topic when the group assigns gets none of its
    partitions ("No partition metadata for topic …"), and only a later metadata refresh repairs
    that. Asking for the partitions first fetches the metadata, so the first assignment is whole.
    """
    deadline = time.monotonic() + METADATA_WAIT_S
    missing = list(topics)
    while missing:
        missing = [t for t in missing if not consumer.partitions_for_topic(t)]
        if missing and time.monotonic() > deadline:
            raise WirecheckError(f"topics {missing} do not exist on {consumer.config['bootstrap_servers']}; "
                                 "create them with `wirecheck kafka up`")
        if missing:
            time.sleep(0.2)


def _group_consumer(settings: Settings, group: str) -> KafkaConsumer:
    return KafkaConsumer(
        bootstrap_servers=settings.bootstrap,
        group_id=group,
        enable_auto_commit=False,
        isolation_level="read_committed",
        auto_offset_reset="earliest",
        client_id=group,
        # A partition added or missed at assignment is picked up within seconds, not the 5-minute default.
        metadata_max_age_ms=METADATA_MAX_AGE_MS,
        session_timeout_ms=settings.session_timeout_ms,
        # Kafka's advice: heartbeats at most a third of the session timeout apart.
        heartbeat_interval_ms=min(3_000, settings.session_timeout_ms // 3),
    )
