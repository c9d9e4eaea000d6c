"""The end-to-end benchmark's shell: a broker of its own on free loopback ports, the services as
separate processes, the feeds that load them and the gauges that watch them (bench layer).

Nothing here measures: ``bench.e2e`` decides what to time; this module starts, feeds, watches and
stops, and leaves no process or data folder behind.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from kafka import KafkaAdminClient, KafkaProducer
from kafka.errors import KafkaError

from schemas import ArticlePublished
from schemas.registry import ARTICLES, CLAIMS, DECISIONS, VERDICTS, encode, key_for
from wirecheck.broker.local import LocalBroker
from wirecheck.lag import pending_records
from wirecheck.processes import start_service, stop_services
from wirecheck.settings import Settings
from wirecheck.topic_reader import committed_reader, partitions_of
from wirecheck.topics import ensure_topics

REPO = Path(__file__).resolve().parents[1]
JAR_CACHE = REPO / "var" / "kafka" / "libs"  # shared with the demo and the tests: fetched once
STAGE_INPUTS = {"claims": (ARTICLES,), "verify": (CLAIMS, DECISIONS)}
GROUP_WAIT_S = 120.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Layout:
    """One configuration of the pipeline: a row of the tables."""

    name: str
    claims_processes: int = 1
    verify_processes: int = 1  # more than one needs the verifier's scale-out (one group, shared intake)
    partitions: int = 3
    env: dict[str, str] = field(default_factory=dict)  # WIRECHECK_* settings of every service

    def describe(self) -> str:
        knobs = ", ".join(f"{k.removeprefix('WIRECHECK_').lower()}={v}" for k, v in sorted(self.env.items()))
        return (f"{self.claims_processes} claims, {self.verify_processes} verify process(es), {self.partitions} partitions"
                + (f", {knobs}" if knobs else ", defaults"))


class BenchBroker:
    """A local broker in a temporary folder on free loopback ports, for one benchmark run."""

    def __enter__(self) -> BenchBroker:
        self.home = Path(tempfile.mkdtemp(prefix="wirecheck-bench-"))
        self.broker = LocalBroker(self.home, port=free_port(), controller_port=free_port(), jar_cache=JAR_CACHE)
        try:
            self.broker.up(echo=lambda message: print(message, file=sys.stderr))
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        self.broker.down(wipe=True, echo=lambda *_: None)
        shutil.rmtree(self.home, ignore_errors=True)

    @property
    def bootstrap(self) -> str:
        return self.broker.bootstrap


class Pipeline:
    """The claims and verify services of one layout, on topics of their own, as child processes."""

    def __init__(self, broker: BenchBroker, layout: Layout) -> None:
        self.layout = layout
        self.home = broker.home
        self.settings = Settings(bootstrap_servers=broker.bootstrap, topic_prefix=f"b{uuid.uuid4().hex[:8]}.",
                                 partitions=layout.partitions, home=broker.home)
        self.env = {"KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap, "WIRECHECK_TOPIC_PREFIX": self.settings.topic_prefix,
                    "WIRECHECK_PARTITIONS": str(layout.partitions), "WIRECHECK_HOME": str(broker.home), **layout.env}
        self._stack = ExitStack()
        self._procs: list[subprocess.Popen] = []

    def __enter__(self) -> Pipeline:
        ensure_topics(self.settings)
        log = self._stack.enter_context(open(self.home / f"{self.layout.name}.services.log", "ab"))
        names = ["claims"] * self.layout.claims_processes + ["verify"] * self.layout.verify_processes
        self._procs = [start_service(name, env=self.env, stderr=log) for name in names]
        self._names = names
        self._stack.callback(stop_services, self._procs)
        try:
            self._await_members({self.settings.group(s): n for s, n in Counter(names).items()})
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *_exc) -> None:
        self._stack.close()

    def log_tail(self, lines: int = 15) -> str:
        text = (self.home / f"{self.layout.name}.services.log").read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def named_processes(self) -> list[tuple[str, subprocess.Popen]]:
        return list(zip(self._names, self._procs, strict=True))

    def alive(self) -> bool:
        return all(p.poll() is None for p in self._procs)

    def _await_members(self, members: dict[str, int]) -> None:  # group id → processes
        """Wait until every stage's group is stable with all its processes, so timing starts on a
        pipeline that is ready, not on Python start-up and the first rebalance."""
        admin = KafkaAdminClient(bootstrap_servers=self.settings.bootstrap)
        deadline = time.monotonic() + GROUP_WAIT_S
        try:
            while time.monotonic() < deadline:
                if not self.alive():
                    raise RuntimeError(f"a service exited at start:\n{self.log_tail()}")
                if self._groups_stable(admin, members):
                    return
                time.sleep(0.5)
        finally:
            admin.close()
        raise RuntimeError(f"the services' groups did not become stable within {GROUP_WAIT_S:.0f} s")

    @staticmethod
    def _groups_stable(admin: KafkaAdminClient, members: dict[str, int]) -> bool:
        try:
            groups = admin.describe_groups(list(members))
        except KafkaError:
            return False  # the group coordinator is not up yet (a fresh broker creates its topic)
        return all(groups[g]["group_state"] == "Stable" and len(groups[g]["members"]) == n
                   for g, n in members.items())

    def ingest(self, path: Path, output: Path) -> subprocess.Popen:
        """`wirecheck ingest PATH` as a child process: the publishing side of a burst."""
        with open(output, "ab") as out:
            return subprocess.Popen([sys.executable, "-m", "wirecheck.cli", "ingest", str(path)],
                                    env={**os.environ, **self.env}, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=subprocess.STDOUT)


class LagGauge:
    """Offset lag of every stage, cheap enough to sample each second; ``settled`` asks the
    transaction-aware ``wirecheck.lag.pending_records`` once offsets say the work is nearly done."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap)
        self.reader = committed_reader(settings)

    def offsets_behind(self) -> dict[str, int]:
        """Per stage: end offsets minus the group's committed offsets, over its inputs."""
        behind = {}
        for stage, inputs in STAGE_INPUTS.items():
            committed = self._committed(stage)
            ends = self.reader.end_offsets(partitions_of(self.reader, [self.settings.topic(t) for t in inputs]))
            behind[stage] = sum(end - committed.get(tp, 0) for tp, end in ends.items())
        return behind

    def handled(self, stage: str) -> int:
        """Offsets the stage has committed: records handled where its inputs have no transactions."""
        return sum(self._committed(stage).values())

    def _committed(self, stage: str) -> dict:
        group = self.settings.group(stage)
        return {tp: meta.offset for tp, meta in self.admin.list_group_offsets({group: None}).get(group, {}).items()}

    def settled(self, behind: dict[str, int]) -> bool:
        """True when no stage has a committed record left to handle. Each transaction leaves a
        marker per partition, so offsets stay a few above zero; within that, count records."""
        if any(lag > 2 * self.settings.partitions for lag in behind.values()):
            return False
        return all(sum(pending_records(self.settings, stage, inputs).values()) == 0
                   for stage, inputs in STAGE_INPUTS.items())

    def close(self) -> None:
        self.reader.close()
        self.admin.close()


class VerdictWatcher(threading.Thread):
    """Notes when the first verdict of each article becomes visible (``read_committed``).

    Only ``correlation_id`` is read from each record (orjson), to leave the cores to the services.
    """

    def __init__(self, settings: Settings) -> None:
        super().__init__(name="verdict-watcher", daemon=True)
        self.settings = settings
        self.first_seen: dict[str, float] = {}
        self.verdicts = 0
        self.stop = threading.Event()

    def run(self) -> None:
        consumer = committed_reader(self.settings, fetch_max_wait_ms=20)
        try:
            consumer.assign(partitions_of(consumer, [self.settings.topic(VERDICTS)]))
            while not self.stop.is_set():
                for records in consumer.poll(timeout_ms=100).values():
                    now = time.monotonic()
                    for record in records:
                        self.verdicts += 1
                        self.first_seen.setdefault(orjson.loads(record.value)["correlation_id"], now)
        finally:
            consumer.close()


def publish_paced(settings: Settings, events: list[ArticlePublished], send_at: list[float],
                  on_sent=lambda: None) -> dict[str, float]:
    """Send each event at its due time (monotonic clock); the send time of each article's first version."""
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap, enable_idempotence=True, acks="all",
                             linger_ms=0, client_id="bench-feed")
    sent: dict[str, float] = {}
    try:
        for event, due in zip(events, send_at, strict=True):
            time.sleep(max(0.0, due - time.monotonic()))
            sent.setdefault(event.article.article_id, time.monotonic())
            producer.send(settings.topic(ARTICLES), key=key_for(event), value=encode(event))
            on_sent()
        producer.flush()
    finally:
        producer.close()
    return sent
