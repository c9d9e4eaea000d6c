"""The ingest service's Kafka shell: publishes ArticlePublished events to articles.v1.

Deduplication is event-sourced: the topic itself says what was published. Before publishing, the
publisher reads the (article id, content hash) of every record already on ``articles.v1`` from the
record headers (values are not decoded), so re-ingesting a file publishes nothing new.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import structlog
from kafka import KafkaConsumer, KafkaProducer, TopicPartition

from schemas import ArticlePublished, Producer
from schemas.registry import ARTICLES, DEADLETTER, encode, key_for
from services.ingest.exceptions import BadRecordError
from services.ingest.normalise import dead_letter
from services.ingest.sources import article_events, expand_paths
from wirecheck import __version__
from wirecheck.metrics import ARTICLES_INGESTED
from wirecheck.settings import Settings

PRODUCER = Producer(service="ingest", version=__version__)
CONTENT_HEADER = "content-sha256"
WATCH_INTERVAL_S = 1.0
log = structlog.get_logger()


@dataclass
class IngestResult:
    published: list[ArticlePublished] = field(default_factory=list)
    duplicates: int = 0
    errors: list[BadRecordError] = field(default_factory=list)


class ArticlePublisher:
    """Publishes articles once each: keyed by article id, idempotent producer, acks from all."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.topic = settings.topic(ARTICLES)
        self.seen = published_identities(settings)
        self.producer = KafkaProducer(bootstrap_servers=settings.bootstrap, enable_idempotence=True,
                                      acks="all", linger_ms=5, client_id="wirecheck-ingest")

    def publish(self, items: Iterable[ArticlePublished | BadRecordError]) -> IngestResult:
        result = IngestResult()
        for item in items:
            if isinstance(item, BadRecordError):
                log.warning("record refused", where=item.where, reason=item.reason)
                ARTICLES_INGESTED.labels("refused").inc()
                dead = dead_letter(item, producer=PRODUCER)
                self.producer.send(self.settings.topic(DEADLETTER), key=key_for(dead), value=encode(dead))
                result.errors.append(item)
                continue
            identity = (item.article.article_id, item.article.content_sha256)
            if identity in self.seen:
                ARTICLES_INGESTED.labels("duplicate").inc()
                result.duplicates += 1
                continue
            self.seen.add(identity)
            self.producer.send(self.topic, key=key_for(item), value=encode(item),
                               headers=[(CONTENT_HEADER, identity[1].encode())])
            ARTICLES_INGESTED.labels("published").inc()
            result.published.append(item)
        self.producer.flush()
        return result

    def close(self) -> None:
        self.producer.close()


def published_identities(settings: Settings) -> set[tuple[str, str]]:
    """(article id, content hash) of every record on articles.v1, read from keys and headers."""
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None,
                             enable_auto_commit=False, isolation_level="read_committed")
    try:
        topic = settings.topic(ARTICLES)
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        consumer.assign(partitions)
        ends = {tp: end for tp, end in consumer.end_offsets(partitions).items() if end > 0}
        consumer.seek_to_beginning(*partitions)
        seen: set[tuple[str, str]] = set()
        while any(consumer.position(tp) < end for tp, end in ends.items()):
            for records in consumer.poll(timeout_ms=1000, max_records=5000).values():
                for r in records:
                    sha = dict(r.headers or ()).get(CONTENT_HEADER, b"").decode()
                    seen.add(((r.key or b"").decode(), sha))
        return seen
    finally:
        consumer.close()


def ingest_paths(paths: Iterable[str], settings: Settings, *,
                 defaults: dict[str, str] | None = None) -> IngestResult:
    publisher = ArticlePublisher(settings)
    try:
        events = article_events(expand_paths(paths), producer=PRODUCER,
                                max_chars=settings.max_article_chars, defaults=defaults)
        return publisher.publish(events)
    finally:
        publisher.close()


def watch(inbox: Path, settings: Settings, stop: threading.Event) -> None:
    """The long-running ingest service: publish every file that appears in (or changes in) ``inbox``."""
    inbox.mkdir(parents=True, exist_ok=True)
    publisher = ArticlePublisher(settings)
    versions: dict[Path, tuple[float, int]] = {}
    log.info("ingest watching", inbox=str(inbox))
    try:
        while not stop.is_set():
            changed = [p for p in expand_paths([str(inbox)]) if versions.get(p) != _version(p)]
            for path in changed:
                versions[path] = _version(path)
                result = publisher.publish(article_events(
                    [path], producer=PRODUCER, max_chars=settings.max_article_chars))
                log.info("ingested", file=str(path), published=len(result.published),
                         duplicates=result.duplicates, refused=len(result.errors))
            stop.wait(WATCH_INTERVAL_S)
    finally:
        publisher.close()


def _version(path: Path) -> tuple[float, int]:
    stat = path.stat()
    return (stat.st_mtime, stat.st_size)
