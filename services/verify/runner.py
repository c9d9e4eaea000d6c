"""The verifier's Kafka shell: claims.v1 + decisions.v1 → verify.intake.v1 → verdicts.v1.

Any number of instances share one consumer group. Each instance

* copies the records of the input partitions it owns, in offset order, into the one partition of
  the intake log (``services.verify.intake``) — that log is the order everyone applies;
* applies the *whole* intake log to its own index, so matching sees claims of every partition and
  every instance derives every verdict (a claim on partition 1 that corroborates one on partition 0
  changes the latter's verdict in every instance);
* sends only the outputs of the units it owns — a verdict belongs to its article's claims
  partition — from the unit's emission frontier on (``services.verify.outbox``).

On start an instance re-applies the intake log up to its current end before it joins the group
(outputs below every unit's frontier are dropped: they were sent the first time), so a restart,
a new instance or a replay into a fresh group derive the same verdicts, event for event.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

import structlog
from kafka import ConsumerRebalanceListener, KafkaAdminClient, KafkaConsumer, KafkaProducer, TopicPartition
from kafka.consumer.fetcher import ConsumerRecord
from kafka.errors import KafkaError, ProducerFencedError
from kafka.structs import OffsetAndMetadata

from schemas import DeadLettered, Event, Producer, VerdictChanged
from schemas.registry import CLAIMS, DECISIONS, VERIFY_INTAKE, encode, key_for, topic_for
from services.verify.exceptions import IntakeRecordError
from services.verify.handler import VerifierState, handle
from services.verify.heap import HeapFreezer
from services.verify.intake import IntakeApplier, Source, Unit, intake_headers, source_of
from services.verify.outbox import Outbox, Progress
from wirecheck import __version__
from wirecheck.instances import InstanceSlot, take_slot
from wirecheck.metrics import BATCH_SECONDS, EVENTS_CONSUMED, EVENTS_PRODUCED, VERDICTS_EMITTED, LagSampler
from wirecheck.settings import Settings
from wirecheck.stream import (
    Stage,
    StageRunner,
    _await_partitions,
    _group_consumer,
    _transactional_producer,
    bounded_transaction_step,
    commit_with_offsets,
)
from wirecheck.topic_reader import committed_reader, partitions_of

log = structlog.get_logger()

PRODUCER = Producer(service="verify", version=__version__)

# How often an instance reads the other units' frontiers back from the group: drops what their
# owners sent from its outbox and lets it report its own records as done (wirecheck.lag).
FRONTIER_REFRESH_S = 1.0


def verify_stage(state: VerifierState) -> Stage:
    def handle_event(event: Event) -> list[Event]:
        return list(handle(event, state, producer=PRODUCER))

    return Stage(name="verify", inputs=(CLAIMS, DECISIONS), handle=handle_event,
                 producer=PRODUCER, runner=VerifierRunner)


def run(settings: Settings, stop: threading.Event) -> None:
    VerifierRunner(verify_stage(VerifierState()), settings).run(stop)


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """An input record as the intake log remembers it (what a dead letter reports)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None


class _Assignments(ConsumerRebalanceListener):
    """Notes the partitions a rebalance hands over; the runner takes them over after the poll."""

    def __init__(self) -> None:
        self.fresh: set[TopicPartition] = set()

    def on_partitions_revoked(self, revoked) -> None:
        self.fresh -= set(revoked)

    def on_partitions_assigned(self, assigned) -> None:
        self.fresh |= set(assigned)


@dataclass
class _Clients:
    producer: KafkaProducer
    group: KafkaConsumer
    intake: KafkaConsumer
    admin: KafkaAdminClient
    slot: InstanceSlot

    def close(self) -> None:
        for client in (self.group, self.intake, self.producer, self.admin):
            client.close()
        self.slot.release()


@dataclass
class VerifierRunner(StageRunner):
    """Runs one verifier instance of the group (see the module docstring)."""

    applier: IntakeApplier = field(init=False)
    outbox: Outbox = field(default_factory=Outbox)
    owned: set[Unit] = field(default_factory=set)  # the units this instance emits for, as of its last step
    _committed: dict[TopicPartition, tuple[int, Progress]] = field(default_factory=dict)
    _units: dict[Unit, TopicPartition] = field(default_factory=dict)
    _assignments: _Assignments = field(default_factory=_Assignments)
    _refreshed_at: float = 0.0
    _busy: bool = False
    _heap: HeapFreezer = field(default_factory=HeapFreezer)

    def __post_init__(self) -> None:
        super().__post_init__()
        self.applier = IntakeApplier(handle=self.stage.handle, dead_letter=self._source_dead_letter)

    def run(self, stop: threading.Event) -> None:
        """Catch up the intake log, join the group, then one transaction per loop until ``stop``."""
        group = self.settings.group(self.stage.name)
        clients = _open_clients(self.settings, group)
        try:
            self._catch_up(clients, stop)
            log.info("projection rebuilt", stage=self.stage.name, replayed=self.counters.replayed)
            clients.group.subscribe(list(self._logical), listener=self._assignments)
            if self.settings.metrics_port:
                LagSampler(self.settings, self.stage.name, self.stage.inputs, stop).start()
            log.info("stage started", stage=self.stage.name, topics=list(self._logical), group=group)
            while not stop.is_set():
                self._step(clients)
        finally:
            clients.close()
            log.info("stage stopped", stage=self.stage.name, **vars(self.counters))

    # --- start-up ------------------------------------------------------------------------------

    def _catch_up(self, clients: _Clients, stop: threading.Event) -> None:
        """Know every unit and its frontier, then apply the intake log up to its end as of now
        (or until ``stop``: a long catch-up must not outlast a SIGTERM's grace period)."""
        _await_partitions(clients.group, [*self._logical, self._intake_topic])
        self._units = {(self._logical[tp.topic], tp.partition): tp
                       for tp in partitions_of(clients.intake, self._logical)}
        for unit, tp in self._units.items():  # the group consumer waits for its coordinator
            found = clients.group.committed(tp, metadata=True)
            self.outbox.advance(unit, Progress.from_metadata(found.metadata if found else None).emitted)
        log_partition = TopicPartition(self._intake_topic, 0)
        clients.intake.assign([log_partition])
        clients.intake.seek_to_beginning(log_partition)
        end = clients.intake.end_offsets([log_partition])[log_partition]
        while clients.intake.position(log_partition) < end and not stop.is_set():
            applied = self._apply_intake(clients.intake.poll(timeout_ms=1000, max_records=2000))
            self.counters.replayed += applied

    @property
    def _intake_topic(self) -> str:
        return self.settings.topic(VERIFY_INTAKE)

    # --- the loop ------------------------------------------------------------------------------

    def _step(self, clients: _Clients) -> None:
        """Poll both sides, then commit what changed in one transaction."""
        timeout = self.settings.poll_timeout_ms
        batch = clients.group.poll(timeout_ms=0 if self._busy else timeout,
                                   max_records=self.settings.max_poll_records)
        batch = self._take_over(clients, batch)
        records = clients.intake.poll(timeout_ms=0 if batch else timeout,
                                      max_records=self.settings.max_poll_records)
        self._busy = self._apply_intake(records) > 0
        if time.monotonic() - self._refreshed_at > FRONTIER_REFRESH_S:
            self._refresh_frontiers(clients)
        progress = self._progress(clients.group)
        owned = [self._unit(tp) for tp in progress]
        if batch or self.outbox.due(owned, self.applier.position) or progress != {
            tp: self._committed.get(tp) for tp in progress
        }:
            with BATCH_SECONDS.labels(self.stage.name).time():
                self._commit(clients, batch, progress)

    def _take_over(self, clients: _Clients, batch: dict) -> dict:
        """Start partitions a rebalance handed over where their last owner's transaction left them.

        Records the poll returned for them were fetched from the committed offset (records every
        instance has finished with), not from where copying stopped; they are dropped and fetched
        again from there.
        """
        fresh, self._assignments.fresh = self._assignments.fresh, set()
        for tp in fresh:
            found = clients.group.committed(tp, metadata=True)
            progress = Progress.from_metadata(found.metadata if found else None)
            offset = found.offset if found and found.offset >= 0 else 0
            self._committed[tp] = (offset, progress)
            self.outbox.advance(self._unit(tp), progress.emitted)
            _seek(clients.group, tp, progress.sequenced)
        return {tp: records for tp, records in batch.items() if tp not in fresh}

    def _apply_intake(self, records: dict) -> int:
        """Apply intake copies in log order, holding each output for its unit's owner."""
        applied = 0
        for record in (r for rs in records.values() for r in rs):
            try:
                source = source_of(record.headers, record.key)
            except IntakeRecordError as exc:
                log.warning("intake record ignored", offset=record.offset, reason=str(exc))
                continue
            self.counters.consumed += 1
            EVENTS_CONSUMED.labels(self.stage.name).inc()
            for unit, event in self.applier.apply(record.offset, source, record.value):
                self.outbox.add(unit, record.offset, event)
            applied += 1
        self._heap.applied(applied)  # the projection grew: keep the GC off its old part (heap.py)
        return applied

    def _refresh_frontiers(self, clients: _Clients) -> None:
        """Read every unit's committed progress; keep other owners' frontiers in the outbox.

        One request for the whole group; a failed read (the group coordinator moving, or not there
        yet on a new broker) is only a later trim, so it is tried again at the next refresh.
        """
        self._refreshed_at = time.monotonic()
        group = self.settings.group(self.stage.name)
        try:
            committed = clients.admin.list_group_offsets({group: None}).get(group, {})
        except KafkaError as exc:
            log.info("frontiers not read; trying again", stage=self.stage.name, error=repr(exc))
            return
        mine = clients.group.assignment()
        for unit, tp in self._units.items():
            if tp in committed and tp not in mine:
                self.outbox.advance(unit, Progress.from_metadata(committed[tp].metadata).emitted)

    def _progress(self, consumer: KafkaConsumer) -> dict[TopicPartition, tuple[int, Progress]]:
        """What each owned partition's commit would say: its done offset and its Progress."""
        owned = consumer.assignment() - self._assignments.fresh
        self.owned = {self._unit(tp) for tp in owned}
        position = self.applier.position
        frontiers = [max(position, self.outbox.frontier(u)) if self._units[u] in owned else self.outbox.frontier(u)
                     for u in self._units]
        self.applier.settle(min(frontiers, default=0))
        progress = {}
        for tp in owned:
            unit = self._unit(tp)
            done, _ = self._committed.get(tp, (0, Progress()))
            settled = self.applier.settled(unit)
            emitted = max(self.outbox.frontier(unit), position)
            progress[tp] = (max(done, settled or 0), Progress(consumer.position(tp), emitted))
        return progress

    def _commit(self, clients: _Clients, batch: dict, progress: dict) -> None:
        """Copy the batch into the intake log and send the owned units' due outputs, atomically.

        Commit order:
          1. begin the transaction;
          2. copy every polled input record into the intake log, with its source in the headers;
          3. send each owned unit's outputs from its frontier up to the applied position;
          4. add each owned partition's offset (done by every owner) and Progress (copied up to,
             emitted up to) to the same transaction, with the group's metadata (KIP-447 fencing);
          5. commit: copies, verdicts and progress become visible together, or none does.
        On an abortable failure nothing moves: the copies are polled again from the committed
        position and the outputs are still in the outbox.
        """
        producer = clients.producer
        producer.begin_transaction()
        try:
            for records in batch.values():
                for record in records:
                    self._copy(producer, record)
            for event in self.outbox.due(map(self._unit, progress), self.applier.position):
                self._send(producer, event)
            offsets = {tp: OffsetAndMetadata(done, p.to_metadata(), -1) for tp, (done, p) in progress.items()}
            commit_with_offsets(producer, offsets, clients.group)
        except ProducerFencedError:
            raise  # another instance took over this transactional id: this one must stop
        except KafkaError as exc:
            log.warning("transaction aborted; rewinding", stage=self.stage.name, error=repr(exc))
            bounded_transaction_step(producer.abort_transaction, "aborting the transaction")
            for tp in progress:
                _seek(clients.group, tp, self._committed.get(tp, (0, Progress()))[1].sequenced)
            return
        for tp, (done, p) in progress.items():
            self._committed[tp] = (done, p)
            self.outbox.advance(self._unit(tp), p.emitted)

    def _copy(self, producer: KafkaProducer, record: ConsumerRecord) -> None:
        source = Source(self._logical[record.topic], record.partition, record.offset)
        producer.send(self._intake_topic, key=record.key, value=record.value, headers=intake_headers(source))

    def _send(self, producer: KafkaProducer, event: Event) -> None:
        topic = self.settings.topic(topic_for(event))
        producer.send(topic, key=key_for(event), value=encode(event))
        self.counters.produced += 1
        EVENTS_PRODUCED.labels(self.stage.name, topic_for(event)).inc()
        if isinstance(event, VerdictChanged):
            VERDICTS_EMITTED.labels(event.verdict, event.decided_by).inc()

    def _unit(self, tp: TopicPartition) -> Unit:
        return (self._logical[tp.topic], tp.partition)

    def _source_dead_letter(self, source: Source, value: bytes | None, reason: str,
                            error_type: str) -> DeadLettered:
        record = SourceRecord(self.settings.topic(source.topic), source.partition, source.offset,
                              source.key, value)
        return self._dead_letter(record, reason, error_type)  # type: ignore[arg-type]


def _seek(consumer: KafkaConsumer, tp: TopicPartition, offset: int | None) -> None:
    if offset is None:
        consumer.seek_to_beginning(tp)
    else:
        consumer.seek(tp, offset)


def _open_clients(settings: Settings, group: str) -> _Clients:
    slot = take_slot(settings, group)
    producer = _transactional_producer(settings, slot.transactional_id(group))
    return _Clients(producer=producer, group=_group_consumer(settings, group), slot=slot,
                    intake=committed_reader(settings, max_partition_fetch_bytes=4 * 1_048_576),
                    admin=KafkaAdminClient(bootstrap_servers=settings.bootstrap, client_id=f"{group}.admin"))
