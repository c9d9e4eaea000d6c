"""The fault harness: the claims and verify services as real processes on a broker the test may stop,
a stream published into them, and a scenario that does harm along the way (test layer).

A scenario is a small function of a ``FaultRun``: it publishes the stream (all of it, in chunks or
with poison in between) and kills, restarts or adds services, or stops the broker, as it goes. The
harness then waits until both stages have handled everything committed on their inputs and reads
the outputs back, for the test to compare with the clean run.
"""

from __future__ import annotations

import subprocess
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from kafka import KafkaAdminClient, KafkaProducer
from kafka.errors import KafkaError

from schemas import ArticlePublished
from schemas.registry import ARTICLES, CLAIMS, DECISIONS, encode, key_for
from tests.faults.outcome import RunRecord
from tests.faults.stream import MAX_ARTICLE_CHARS, Poison
from tests.integration.helpers import kill_hard, wait_until
from wirecheck.broker.local import LocalBroker
from wirecheck.lag import pending_records
from wirecheck.processes import start_service, stop_services
from wirecheck.settings import Settings
from wirecheck.topics import ensure_topics

STAGE_INPUTS = {"claims": (ARTICLES,), "verify": (CLAIMS, DECISIONS)}
# Small transactions, so a kill lands inside one more often than between two.
MAX_POLL_RECORDS = 50
# The least the broker accepts (group.min.session.timeout.ms): a killed member's partitions move
# to its restarted self after ~6 s instead of Kafka's default 45 s.
SESSION_TIMEOUT_MS = 6_000
# A bound on waiting for the pipeline to drain, not a speed assertion (2 shared cores).
DRAIN_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class Scenario:
    """A named fault: ``act`` drives the run; ``partitions`` per topic (see ``FaultRun``).

    ``reference`` gives the run to compare with when it is not the session's clean run — e.g. with
    several partitions, the pure verifier over the order the run itself recorded.
    """

    name: str
    act: Callable[[FaultRun], None]
    partitions: int = 1
    reference: Callable[[FaultRun], RunRecord] | None = None


@dataclass
class SentPoison:
    poison: Poison
    topic: str
    partition: int
    offset: int


@dataclass
class FaultRun:
    """One scenario's pipeline: fresh topics on ``broker``, services as child processes.

    With one partition per topic the verifier applies claims in publication order on every run,
    however often it restarts, so its verdicts can be compared with the in-process clean run
    exactly. Several partitions interleave by timing; a scenario that needs them (a second verifier
    instance) relies on the verifier ordering claims deterministically across partitions.
    """

    broker: LocalBroker
    stream: Sequence[ArticlePublished]
    partitions: int = 1
    settings: Settings = field(init=False)
    services: dict[str, subprocess.Popen] = field(default_factory=dict)
    restarts: int = 0
    # When set, a service that exits on its own is restarted, as systemd or Kubernetes would
    # (counted in ``restarts``); otherwise its exit fails the run.
    supervised: bool = False
    published: int = 0
    poison_sent: list[SentPoison] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.settings = Settings(bootstrap_servers=self.broker.bootstrap, partitions=self.partitions,
                                 topic_prefix=f"f{uuid.uuid4().hex[:10]}.", poll_timeout_ms=100)
        ensure_topics(self.settings)
        self._kinds: dict[str, str] = {}
        self._producer = KafkaProducer(bootstrap_servers=self.broker.bootstrap, enable_idempotence=True,
                                       acks="all", linger_ms=5)

    # -- services ------------------------------------------------------------------------------

    def start(self, service: str, *, instance: str | None = None) -> None:
        """``wirecheck run SERVICE`` as a child process named ``instance`` (default: the service)."""
        env = {"KAFKA_BOOTSTRAP_SERVERS": self.broker.bootstrap,
               "WIRECHECK_TOPIC_PREFIX": self.settings.topic_prefix,
               "WIRECHECK_POLL_TIMEOUT_MS": "100",
               "WIRECHECK_MAX_POLL_RECORDS": str(MAX_POLL_RECORDS),
               "WIRECHECK_SESSION_TIMEOUT_MS": str(SESSION_TIMEOUT_MS),
               "WIRECHECK_MAX_ARTICLE_CHARS": str(MAX_ARTICLE_CHARS)}
        self.services[instance or service] = start_service(service, env=env)
        self._kinds[instance or service] = service

    def kill(self, instance: str) -> None:
        """SIGKILL: no shutdown code runs, an open transaction is left for the broker to abort."""
        kill_hard(self.services.pop(instance))

    def kill_and_restart(self, service: str) -> None:
        self.kill(service)
        self.start(service)
        self.restarts += 1

    def stop(self, instance: str) -> None:
        """SIGTERM: the instance finishes its batch and leaves the group."""
        stop_services([self.services.pop(instance)])

    def restart_broker(self, down_for_s: float = 3.0) -> None:
        """Stop the broker (SIGTERM) with the services running, wait, start it on the same ports."""
        self.broker.down(echo=lambda *_: None)
        time.sleep(down_for_s)
        self.broker.up(echo=lambda *_: None)
        self.restarts += 1

    # -- input ---------------------------------------------------------------------------------

    def chunks(self, count: int) -> list[Sequence[ArticlePublished]]:
        size = -(-len(self.stream) // count)
        return [self.stream[i:i + size] for i in range(0, len(self.stream), size)]

    def publish(self, items: Sequence[ArticlePublished | Poison]) -> None:
        """Articles (keyed by article id, as ingest does) and poison records, in the order given."""
        pending = []
        for item in items:
            if isinstance(item, Poison):
                topic = self.settings.topic(item.topic)
                pending.append((item, topic, self._producer.send(topic, value=item.value)))
            else:
                self._producer.send(self.settings.topic(ARTICLES), key=key_for(item), value=encode(item))
                self.published += 1
        self._producer.flush()
        for poison, topic, future in pending:
            metadata = future.get(timeout=30)
            self.poison_sent.append(SentPoison(poison, topic, metadata.partition, metadata.offset))

    # -- progress ------------------------------------------------------------------------------

    def handled(self, stage: str) -> int:
        """Offsets the stage's group has committed on its inputs, summed (0 while unreachable)."""
        try:
            admin = KafkaAdminClient(bootstrap_servers=self.broker.bootstrap)
        except KafkaError:
            return 0
        try:
            group = self.settings.group(stage)
            committed = admin.list_group_offsets({group: None}).get(group, {})
            inputs = {self.settings.topic(t) for t in STAGE_INPUTS[stage]}
            return sum(o.offset for tp, o in committed.items() if tp.topic in inputs)
        except KafkaError:
            return 0
        finally:
            admin.close()

    def wait_until_handled(self, stage: str, *, more_than: int) -> None:
        wait_until(lambda: self.handled(stage) > more_than, what=f"{stage} to take new work")

    def drained(self) -> bool:
        """Both stages have handled every committed input record, and every service still runs."""
        crashed = {name: p.returncode for name, p in self.services.items() if p.poll() is not None}
        assert self.supervised or not crashed, f"services exited on their own: {crashed}"
        for instance in crashed:
            self.start(self._kinds[instance], instance=instance)
            self.restarts += 1
        try:
            return self.handled("claims") >= self.published and not any(
                pending for stage, inputs in STAGE_INPUTS.items()
                for pending in pending_records(self.settings, stage, inputs).values())
        except KafkaError:
            return False

    def finish(self) -> None:
        wait_until(self.drained, timeout_s=DRAIN_TIMEOUT_S, what="both stages to drain their inputs")

    def close(self) -> None:
        """Stop every service (SIGTERM; each must exit cleanly) and the producer."""
        procs = list(self.services.values())
        self.services.clear()
        stop_services(procs)
        self._producer.close()
        codes = [p.returncode for p in procs]
        assert all(code == 0 for code in codes), f"a service did not stop cleanly: exit codes {codes}"
