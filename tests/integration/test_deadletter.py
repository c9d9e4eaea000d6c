"""Poison records on articles.v1 go to deadletter.v1 with their bytes and reason; the stage goes on."""

import base64

import pytest
from kafka import KafkaProducer

from schemas import ClaimsExtracted, DeadLettered, Producer
from schemas.registry import ARTICLES, CLAIMS, DEADLETTER, encode
from services.claims.runner import claims_stage
from services.ingest.formats import RawArticle
from services.ingest.normalise import to_event
from tests.integration.helpers import running, wait_until
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka

GOOD_BODY = '"We will not leave," Mayor Jane Roe said on Friday. Over 100 people attended.'


def _good(body: str, url: str) -> bytes:
    raw = RawArticle(where="test", body=body, source="Test Times", url=url)
    return encode(to_event(raw, producer=Producer(service="test", version="0"), max_chars=10_000))


POISON = [
    (b"\xff\xfe\xfd", "not UTF-8"),
    (b"{this is not json", "not valid JSON"),
    (b'{"event_type": "ArticlePublished", "schema_version": 1}', "failed validation"),
    (b'{"event_type": "VerdictChanged"}', "does not belong on"),
    (b"", "empty record"),
]


def test_poison_is_dead_lettered_and_good_articles_still_flow(kafka_settings) -> None:
    settings = kafka_settings.model_copy(update={"max_article_chars": 200})
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap)
    topic = settings.topic(ARTICLES)
    producer.send(topic, key=b"a", value=_good(GOOD_BODY, "https://t.example/1"))
    for value, _ in POISON:
        producer.send(topic, key=b"p", value=value)
    oversized = _good("Words. " * 100, "https://t.example/big")  # 700 chars > the 200 limit
    producer.send(topic, key=b"b", value=oversized)
    producer.send(topic, key=b"c", value=_good(GOOD_BODY.replace("Jane", "Joan"), "https://t.example/2"))
    producer.flush()
    producer.close()

    with running(claims_stage(settings), settings=settings):
        dead = wait_until(lambda: _at_least(settings, DEADLETTER, len(POISON) + 1), what="dead letters")
        claims = wait_until(lambda: _at_least(settings, CLAIMS, 2), what="claims of the good articles")

    assert all(isinstance(d, DeadLettered) and d.stage == "claims" and d.topic == topic for d in dead)
    by_bytes = {base64.b64decode(d.value_b64): d for d in dead}
    for value, reason in POISON:
        assert reason in by_bytes[value].reason, by_bytes[value].reason
        assert by_bytes[value].error_type == "decode"
    assert "over the limit of 200" in by_bytes[oversized].reason
    assert by_bytes[oversized].error_type == "handler"
    assert len({(d.partition, d.offset) for d in dead}) == len(dead)
    assert all(isinstance(c, ClaimsExtracted) for c in claims)
    assert sorted(c.article.url for c in claims) == ["https://t.example/1", "https://t.example/2"]


def _at_least(settings, logical: str, count: int) -> list | None:
    events = list(read_topic(settings, logical))
    return events if len(events) >= count else None
