"""A single-node Apache Kafka broker (KRaft, combined mode) run from its Maven Central jars (shell layer).

No Docker engine runs on our machines and no Kafka package exists in PyPI or Debian, so
``wirecheck kafka up`` does what DESIGN.md, "Running Kafka here", describes:

1. fetch ``org.apache.kafka:kafka_2.13`` and a log4j2 binding with ``mvn dependency:copy-dependencies``
   into ``<home>/kafka/libs`` (once; later runs reuse the folder);
2. write ``server.properties`` (loopback listeners, every replication factor and min ISR 1);
3. format the storage with ``kafka.tools.StorageTool format --standalone`` (once);
4. start ``kafka.Kafka`` in the background, its pid in ``broker.pid`` and its output in ``broker.log``;
5. wait until the broker answers a metadata request.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from wirecheck.exceptions import BrokerError
from wirecheck.settings import LOCAL_BROKER_PORT, LOCAL_CONTROLLER_PORT

HERE = Path(__file__).parent
POM = HERE / "pom.xml"
LOG4J_CONFIG = HERE / "log4j2.yaml"
# Broker start-up takes 3–10 s on our 2-core machines; a minute leaves room for a cold JVM.
START_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 30.0

SERVER_PROPERTIES = """\
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:{controller_port}
listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller_port}
advertised.listeners=PLAINTEXT://127.0.0.1:{port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs={data_dir}
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
"""


@dataclass(frozen=True)
class LocalBroker:
    """Paths and ports of the local broker under ``home`` (the project's ``var/`` by default)."""

    home: Path
    port: int = LOCAL_BROKER_PORT
    controller_port: int = LOCAL_CONTROLLER_PORT
    # Where the jars are cached; several brokers (the demo's, the tests') may share one download.
    jar_cache: Path | None = None

    @property
    def root(self) -> Path:
        return self.home.resolve() / "kafka"

    @property
    def libs(self) -> Path:
        return self.jar_cache.resolve() if self.jar_cache else self.root / "libs"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def config(self) -> Path:
        return self.root / "server.properties"

    @property
    def pid_file(self) -> Path:
        return self.root / "broker.pid"

    @property
    def log_file(self) -> Path:
        return self.root / "broker.log"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    # -- lifecycle ---------------------------------------------------------------------------

    def up(self, *, echo=print) -> None:
        """Fetch, format and start the broker unless it already runs; return once it answers."""
        if self.pid() is not None and port_open(self.port):
            echo(f"kafka: already running (pid {self.pid()}) on {self.bootstrap}")
            return
        if port_open(self.port):
            raise BrokerError(
                f"port {self.port} is taken by another process; stop it, or point "
                "KAFKA_BOOTSTRAP_SERVERS at the broker you want wirecheck to use"
            )
        self.fetch_jars(echo=echo)
        self.format_storage(echo=echo)
        self._start(echo=echo)
        self.wait_ready()
        echo(f"kafka: ready on {self.bootstrap} (pid {self.pid()}, log {self.log_file})")

    def down(self, *, wipe: bool = False, echo=print) -> None:
        """Stop the broker (SIGTERM, then SIGKILL after a timeout); ``wipe`` removes its data."""
        pid = self.pid()
        if pid is None:
            echo("kafka: not running")
        else:
            _terminate(pid)
            echo(f"kafka: stopped (pid {pid})")
        self.pid_file.unlink(missing_ok=True)
        if wipe:
            shutil.rmtree(self.data_dir, ignore_errors=True)
            self.config.unlink(missing_ok=True)
            echo(f"kafka: removed {self.data_dir}")

    def status(self) -> str:
        pid = self.pid()
        if pid is None:
            return "kafka: not running"
        state = "answering" if port_open(self.port) else "not answering yet"
        return f"kafka: running (pid {pid}) on {self.bootstrap}, {state}"

    def pid(self) -> int | None:
        """The broker's pid if its pid file names a live process."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _alive(pid) else None

    # -- steps -------------------------------------------------------------------------------

    def fetch_jars(self, *, echo=print) -> None:
        """Copy Kafka and its runtime dependencies from Maven Central into ``libs`` (once)."""
        if any(self.libs.glob("kafka_2.13-*.jar")):
            return
        if shutil.which("mvn") is None:
            raise BrokerError("Maven (mvn) is not installed; install it (apt-get install maven)")
        echo(f"kafka: fetching the broker jars from Maven Central into {self.libs} (once)")
        staging = self.libs.with_name("libs.partial")
        shutil.rmtree(staging, ignore_errors=True)
        _run(
            ["mvn", "-q", "-B", "-f", str(POM), "dependency:copy-dependencies",
             f"-DoutputDirectory={staging}", "-DincludeScope=runtime"],
            what="fetching the Kafka jars with Maven",
        )
        self.libs.parent.mkdir(parents=True, exist_ok=True)
        staging.rename(self.libs)  # only a complete download becomes the cache

    def format_storage(self, *, echo=print) -> None:
        """Write the config and format the KRaft storage, unless it is formatted already."""
        self.root.mkdir(parents=True, exist_ok=True)
        self.config.write_text(
            SERVER_PROPERTIES.format(
                port=self.port, controller_port=self.controller_port, data_dir=self.data_dir
            )
        )
        if (self.data_dir / "meta.properties").exists():
            return
        cluster_id = _java(self, "kafka.tools.StorageTool", "random-uuid").strip().splitlines()[-1]
        echo(f"kafka: formatting storage in {self.data_dir} (cluster {cluster_id})")
        _java(self, "kafka.tools.StorageTool", "format", "--standalone", "-t", cluster_id,
              "-c", str(self.config))

    def _start(self, *, echo=print) -> None:
        echo(f"kafka: starting broker on {self.bootstrap}")
        with open(self.log_file, "ab") as log:
            proc = subprocess.Popen(
                _java_cmd(self, "kafka.Kafka", str(self.config), heap="-Xmx1g"),
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                start_new_session=True,  # survives the CLI that started it
            )
        self.pid_file.write_text(str(proc.pid))

    def wait_ready(self, timeout_s: float = START_TIMEOUT_S) -> None:
        """Block until a metadata request succeeds, or raise with the tail of the broker log."""
        from kafka import KafkaAdminClient

        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.pid() is None:
                raise BrokerError(f"the broker exited during start-up:\n{self.log_tail()}")
            if port_open(self.port):
                try:
                    KafkaAdminClient(bootstrap_servers=self.bootstrap, request_timeout_ms=5000).close()
                    return
                except Exception:  # noqa: BLE001 — not ready yet; any error means "try again"
                    pass
            time.sleep(0.5)
        raise BrokerError(f"the broker did not answer within {timeout_s:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_file.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no broker log)"


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def _java_cmd(broker: LocalBroker, main: str, *args: str, heap: str = "-Xmx256m") -> list[str]:
    java = shutil.which("java")
    if java is None:
        raise BrokerError("Java is not installed; Kafka 4 needs Java 17 (apt-get install openjdk-17-jre)")
    return [java, heap, "-cp", f"{broker.libs}/*", f"-Dlog4j2.configurationFile={LOG4J_CONFIG}",
            f"-Dkafka.logs.dir={broker.root}", main, *args]


def _java(broker: LocalBroker, main: str, *args: str) -> str:
    return _run(_java_cmd(broker, main, *args), what=f"running {main}")


def _run(cmd: list[str], *, what: str) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise BrokerError(f"{what} failed (exit {proc.returncode}):\n{proc.stdout[-2000:]}{proc.stderr[-2000:]}")
    return proc.stdout


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child of ours counts as gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return True


def _terminate(pid: int) -> None:
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while time.monotonic() < deadline:
        if not _alive(pid):
            return
        time.sleep(0.2)
    print(f"kafka: pid {pid} ignored SIGTERM for {STOP_TIMEOUT_S:.0f} s; killing it", file=sys.stderr)
    os.kill(pid, signal.SIGKILL)
