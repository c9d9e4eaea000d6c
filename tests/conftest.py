"""Shared fixtures: the Kafka broker for the integration tier, found in the order DESIGN.md gives.

1. ``KAFKA_BOOTSTRAP_SERVERS`` if set;
2. a local broker from the Maven Central jars (``wirecheck.broker.local``), started for the test
   session in a temporary folder on free loopback ports and stopped afterwards;
3. a testcontainers ``KafkaContainer`` when a Docker engine answers the Docker API;
4. otherwise skip — or fail when ``KAFKA_REQUIRED=1`` (CI), so a missing broker is never green.
"""

from __future__ import annotations

import os
import shutil
import socket
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from wirecheck.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _free_port() -> int:
    """A loopback port nobody listens on now: the test broker never collides with the demo's or
    with another test session's."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _kafka_required() -> bool:
    return os.environ.get("KAFKA_REQUIRED", "") not in ("", "0", "false")


def _no_broker(reason: str) -> None:
    if _kafka_required():
        pytest.fail(f"KAFKA_REQUIRED=1 but no Kafka broker could be had: {reason}", pytrace=False)
    pytest.skip(f"no Kafka broker: {reason}")


def _docker_engine_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=3)
        return bool(client.ping())
    except Exception:  # noqa: BLE001 — any failure means no engine
        return False


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap servers of a real broker for the whole session."""
    if os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        yield os.environ["KAFKA_BOOTSTRAP_SERVERS"]
        return
    if shutil.which("java") and (shutil.which("mvn") or any((REPO / "var/kafka/libs").glob("*.jar"))):
        from wirecheck.broker.local import LocalBroker

        broker = LocalBroker(tmp_path_factory.mktemp("kafka-home"), port=_free_port(),
                             controller_port=_free_port(), jar_cache=REPO / "var/kafka/libs")
        try:
            broker.up(echo=lambda *_: None)
        except Exception as exc:  # noqa: BLE001 — reported below, as a skip or a failure
            broker.down(echo=lambda *_: None)
            _no_broker(f"the local broker did not start: {exc}")
        try:
            yield broker.bootstrap
        finally:
            broker.down(echo=lambda *_: None)
        return
    if _docker_engine_answers():
        from testcontainers.kafka import KafkaContainer

        with KafkaContainer("apache/kafka:4.1.1").with_kraft() as container:
            yield container.get_bootstrap_server()
        return
    _no_broker("KAFKA_BOOTSTRAP_SERVERS is unset, Java/Maven are missing and no Docker engine answers")


@pytest.fixture
def settings_factory(kafka_bootstrap: str) -> Callable[..., Settings]:
    """Settings on the session broker with topics and groups of their own (a random prefix)."""

    def make(**overrides) -> Settings:
        prefix = f"t{uuid.uuid4().hex[:10]}."
        values = {"bootstrap_servers": kafka_bootstrap, "topic_prefix": prefix,
                  "home": REPO / "var", "poll_timeout_ms": 100, **overrides}
        return Settings(**values)

    return make


@pytest.fixture
def kafka_settings(settings_factory: Callable[..., Settings]) -> Settings:
    from wirecheck.topics import ensure_topics

    settings = settings_factory()
    ensure_topics(settings)
    return settings


@pytest.fixture(scope="session")
def seed_text() -> str:
    path = SHARED / "seeds" / "homs-2024-12-06.txt"
    if not path.exists():
        pytest.fail(f"the seed article is missing at {path}; shared/ must sit beside the repo")
    return path.read_text(encoding="utf-8")
