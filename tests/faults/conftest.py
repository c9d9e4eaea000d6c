"""Fixtures of the faults tier: a broker of its own, the stream, the clean run, and the results table.

The broker is a local one from the Maven Central jars on free loopback ports, whatever
``KAFKA_BOOTSTRAP_SERVERS`` says, because one scenario stops and restarts it; it is stopped and
its data folder removed at the end of the session. Without Java or the jars the tier skips, or
fails under ``KAFKA_REQUIRED=1`` as the rest of the Kafka tests do.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from schemas import ArticlePublished
from tests.conftest import REPO, _free_port, _no_broker
from tests.faults import table
from tests.faults.outcome import RunRecord, clean_run
from tests.faults.stream import MAX_ARTICLE_CHARS, generated_articles
from wirecheck.broker.local import LocalBroker


@pytest.fixture(scope="session")
def fault_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalBroker]:
    if not shutil.which("java") or not (shutil.which("mvn") or any((REPO / "var/kafka/libs").glob("*.jar"))):
        _no_broker("the faults tier needs a local broker it may restart: Java 17 and Maven (or cached jars)")
    home = tmp_path_factory.mktemp("fault-kafka")
    broker = LocalBroker(home, port=_free_port(), controller_port=_free_port(), jar_cache=REPO / "var/kafka/libs")
    try:
        broker.up(echo=lambda *_: None)
    except Exception as exc:  # noqa: BLE001 — reported as a skip or, in CI, a failure
        broker.down(echo=lambda *_: None)
        _no_broker(f"the faults tier's local broker did not start: {exc}")
    try:
        yield broker
    finally:
        broker.down(wipe=True, echo=lambda *_: None)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def stream() -> list[ArticlePublished]:
    return generated_articles()


@pytest.fixture(scope="session")
def clean(stream: list[ArticlePublished]) -> RunRecord:
    """The uninterrupted run every faulted one must equal, computed once."""
    return clean_run(stream, max_chars=MAX_ARTICLE_CHARS)


@pytest.fixture(scope="session")
def fault_rows(stream: list[ArticlePublished], clean: RunRecord) -> Iterator[list[table.FaultRow]]:
    """Rows the tests add; the table is written once, at the end of the session."""
    rows: list[table.FaultRow] = []
    yield rows
    if rows:
        table.write(rows, articles=len(stream), claims=clean.events_out,
                    verdict_events=len(clean.verdict_events))
