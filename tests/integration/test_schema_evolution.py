"""Schema evolution through the real broker: articles.v1 holding ArticlePublished v1 records (as an
older ingest wrote them, naive timestamps) beside v2 records gives the same claims and verdicts as
the same articles all written as v2."""

import json
from datetime import datetime, timezone

import pytest
from kafka import KafkaProducer

from schemas import ArticlePublished
from schemas.registry import ARTICLES, CLAIMS, DECISIONS, encode, key_for
from services.claims.runner import claims_stage
from services.ingest.runner import PRODUCER
from services.ingest.sources import article_events, expand_paths
from services.verify.handler import VerifierState
from services.verify.runner import verify_stage
from tests.integration.helpers import running, wait_until
from wirecheck.demo import SAMPLE_FEED, SEED, SEED_METADATA
from wirecheck.lag import pending_records
from wirecheck.report import collect
from wirecheck.topic_reader import committed_reader, partitions_of
from wirecheck.topics import ensure_topics

pytestmark = pytest.mark.kafka


def _articles() -> list[ArticlePublished]:
    inputs = [([SEED], SEED_METADATA), (expand_paths([str(SAMPLE_FEED)]), {})]
    events = [e for paths, defaults in inputs
              for e in article_events(paths, producer=PRODUCER, max_chars=512_000, defaults=defaults)]
    assert all(isinstance(e, ArticlePublished) for e in events)
    return events


def _naive_utc(value: str | None) -> str | None:
    if value is None:
        return None
    return datetime.fromisoformat(value).astimezone(timezone.utc).replace(tzinfo=None).isoformat()


def as_v1_record(event: ArticlePublished) -> bytes:
    """The bytes an ingest of schema v1 wrote for this article: no UTC offsets."""
    raw = json.loads(encode(event))
    raw["schema_version"] = 1
    raw["occurred_at"] = _naive_utc(raw["occurred_at"])
    for name in ("published_at", "first_published_at"):
        raw["article"][name] = _naive_utc(raw["article"][name])
    return json.dumps(raw).encode()


def _publish(settings, records: list[tuple[bytes, bytes]]) -> None:
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap, enable_idempotence=True, acks="all")
    for key, value in records:
        producer.send(settings.topic(ARTICLES), key=key, value=value)
    producer.flush()
    producer.close()


def _schema_versions_on_topic(settings) -> list[int]:
    consumer = committed_reader(settings, consumer_timeout_ms=3000, auto_offset_reset="earliest")
    try:
        consumer.assign(partitions_of(consumer, [settings.topic(ARTICLES)]))
        return sorted(json.loads(record.value)["schema_version"] for record in consumer)
    finally:
        consumer.close()


def _outcome(settings, articles: int) -> tuple[dict, dict]:
    def done() -> bool:  # claims first: the group coordinator answers once the claims stage committed
        return (len(collect(settings).claims) == articles
                and not any(pending_records(settings, "verify", (CLAIMS, DECISIONS)).values()))

    with running(claims_stage(settings), verify_stage(VerifierState()), settings=settings):
        wait_until(done, what="every article's claims and verdicts")
    collected = collect(settings)
    claims = {a: sorted(c.claim_id for c in e.claims) for a, e in collected.claims.items()}
    verdicts = {c: (v.verdict, v.independent_origins) for c, v in collected.verdicts.items()}
    return claims, verdicts


def test_a_topic_mixing_v1_and_v2_articles_gives_the_verdicts_of_all_v2(settings_factory) -> None:
    events = _articles()
    all_v2, mixed = settings_factory(), settings_factory()
    for settings in (all_v2, mixed):
        ensure_topics(settings)
    _publish(all_v2, [(key_for(e), encode(e)) for e in events])
    _publish(mixed, [(key_for(e), as_v1_record(e) if i % 2 == 0 else encode(e)) for i, e in enumerate(events)])
    assert _schema_versions_on_topic(mixed) == [1] * ((len(events) + 1) // 2) + [2] * (len(events) // 2)

    claims, verdicts = _outcome(all_v2, len(events))
    assert _outcome(mixed, len(events)) == (claims, verdicts)
    assert len(claims) == len(events) and len(verdicts) > 30
    assert {v for v, _ in verdicts.values()} >= {"corroborated", "single_source"}
