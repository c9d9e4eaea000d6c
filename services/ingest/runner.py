"""The ingest service's Kafka shell: publishes ArticlePublished events to articles.v1.

Deduplication is event-sourced: the topic itself says what was published. Before publishing, the
publisher reads the identity (article id, outlet, content hash, version; ``dedup.Identity``) of every
record already on ``articles.v1`` from the record key and headers (values are decoded only for
records written before the outlet header existed), so re-ingesting a file publishes nothing new and
an older version never follows a newer one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import structlog
from kafka import KafkaProducer

from schemas import ArticlePublished, Producer
from schemas.exceptions import EventDecodeError
from schemas.registry import ARTICLES, DEADLETTER, decode, encode, key_for
from services.ingest.dedup import Identity, PublishedIndex, outlet_key
from services.ingest.exceptions import BadRecordError
from services.ingest.normalise import dead_letter
from services.ingest.sources import article_events, expand_paths
from wirecheck import __version__
from wirecheck.metrics import ARTICLES_INGESTED
from wirecheck.settings import Settings
from wirecheck.topic_reader import committed_reader, partitions_of

PRODUCER = Producer(service="ingest", version=__version__)
CONTENT_HEADER = "content-sha256"
OUTLET_HEADER = "outlet"
VERSION_HEADER = "article-version"
WATCH_INTERVAL_S = 1.0
log = structlog.get_logger()


@dataclass
class IngestResult:
    published: list[ArticlePublished] = field(default_factory=list)
    duplicates: int = 0
    superseded: int = 0  # older versions of articles already published in a newer one
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
        sent = []
        for item in items:
            if isinstance(item, BadRecordError):
                log.warning("record refused", where=item.where, reason=item.reason)
                ARTICLES_INGESTED.labels("refused").inc()
                dead = dead_letter(item, producer=PRODUCER)
                self.producer.send(self.settings.topic(DEADLETTER), key=key_for(dead), value=encode(dead))
                result.errors.append(item)
                continue
            identity = Identity.of(item.article)
            standing = self.seen.standing(identity)
            if standing != "new":
                ARTICLES_INGESTED.labels(standing).inc()
                result.duplicates += standing == "duplicate"
                result.superseded += standing == "superseded"
                continue
            self.seen.add(identity)
            sent.append(self.producer.send(self.topic, key=key_for(item), value=encode(item),
                                           headers=_headers(identity)))
            ARTICLES_INGESTED.labels("published").inc()
            result.published.append(item)
        self.producer.flush()
        for future in sent:
            future.get()  # a record the broker did not take raises here instead of passing silently
        return result

    def close(self) -> None:
        self.producer.close()


def _headers(identity: Identity) -> list[tuple[str, bytes]]:
    headers = [(CONTENT_HEADER, identity.content_sha256.encode()), (OUTLET_HEADER, identity.outlet.encode())]
    if identity.version is not None:
        headers.append((VERSION_HEADER, str(identity.version).encode()))
    return headers


def published_identities(settings: Settings) -> PublishedIndex:
    """The identity of every record on articles.v1, read from keys and headers."""
    consumer = committed_reader(settings)
    try:
        partitions = partitions_of(consumer, [settings.topic(ARTICLES)])
        index = PublishedIndex()
        if not partitions:
            return index  # the topic does not exist yet: nothing was published
        consumer.assign(partitions)
        ends = {tp: end for tp, end in consumer.end_offsets(partitions).items() if end > 0}
        consumer.seek_to_beginning(*partitions)
        while any(consumer.position(tp) < end for tp, end in ends.items()):
            for records in consumer.poll(timeout_ms=1000, max_records=5000).values():
                for record in records:
                    identity = _identity_of(record.key, dict(record.headers or ()), record.value)
                    if identity is not None:
                        index.add(identity)
        return index
    finally:
        consumer.close()


def _identity_of(key: bytes | None, headers: dict[str, bytes], value: bytes | None) -> Identity | None:
    """A record's identity from its headers; older records without the outlet header are decoded."""
    if OUTLET_HEADER not in headers:
        try:
            return Identity.of(decode(ARTICLES, value).article)
        except EventDecodeError:
            return None  # not an article: nothing to deduplicate against
    version = headers.get(VERSION_HEADER)
    return Identity(article_id=(key or b"").decode(), outlet=outlet_key(headers[OUTLET_HEADER].decode()),
                    content_sha256=headers.get(CONTENT_HEADER, b"").decode(),
                    version=int(version) if version else None)


def ingest_paths(paths: Iterable[str], settings: Settings, *,
                 defaults: dict[str, str] | None = None) -> IngestResult:
    """Publish the articles in the files, folders and globs ``paths``."""
    return ingest_files(expand_paths(paths), settings, defaults=defaults)


def ingest_files(files: Iterable[Path], settings: Settings, *,
                 defaults: dict[str, str] | None = None) -> IngestResult:
    """Publish the articles of ``files``, read lazily (a progress bar may wrap the iterable)."""
    publisher = ArticlePublisher(settings)
    try:
        events = article_events(files, producer=PRODUCER, max_chars=settings.max_article_chars,
                                defaults=defaults)
        return publisher.publish(events)
    finally:
        publisher.close()


def watch(inbox: Path, settings: Settings, stop: threading.Event, *,
          defaults: dict[str, str] | None = None) -> None:
    """The long-running ingest service: publish every file that appears in (or changes in) ``inbox``.

    Used by ``wirecheck run ingest --inbox`` and ``wirecheck ingest --watch``; ``defaults`` fill
    metadata the files do not give.
    """
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
                    [path], producer=PRODUCER, max_chars=settings.max_article_chars, defaults=defaults))
                log.info("ingested", file=str(path), published=len(result.published),
                         duplicates=result.duplicates, superseded=result.superseded,
                         refused=len(result.errors))
            stop.wait(WATCH_INTERVAL_S)
    finally:
        publisher.close()


def _version(path: Path) -> tuple[float, int]:
    stat = path.stat()
    return (stat.st_mtime, stat.st_size)
