"""Ingest through the real broker: keyed by article id, each article once however often it arrives."""

import base64
import shutil
from pathlib import Path

import pytest

from schemas import ArticlePublished
from schemas.registry import ARTICLES, DEADLETTER
from services.ingest.runner import ingest_paths
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka
FEED = Path(__file__).resolve().parents[2] / "samples" / "feed"


def test_reingesting_publishes_nothing_new(kafka_settings) -> None:
    first = ingest_paths([str(FEED)], kafka_settings)
    again = ingest_paths([str(FEED)], kafka_settings)
    assert (len(first.published), first.duplicates) == (5, 0)
    assert (len(again.published), again.duplicates) == (0, 5)
    events = list(read_topic(kafka_settings, ARTICLES))
    assert len(events) == 5 and all(isinstance(e, ArticlePublished) for e in events)


def test_the_same_article_from_two_files_is_published_once(kafka_settings, tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(FEED / "01-reuters-wire.txt", tmp_path / folder / "copy.txt")
    result = ingest_paths([str(tmp_path / "a"), str(tmp_path / "b")], kafka_settings)
    assert (len(result.published), result.duplicates) == (1, 1)


def test_records_are_keyed_by_article_id(kafka_settings) -> None:
    from kafka import KafkaConsumer, TopicPartition

    ingest_paths([str(FEED)], kafka_settings)
    consumer = KafkaConsumer(bootstrap_servers=kafka_settings.bootstrap, group_id=None,
                             enable_auto_commit=False, consumer_timeout_ms=5000, auto_offset_reset="earliest")
    topic = kafka_settings.topic(ARTICLES)
    consumer.assign([TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic)])
    records = [r for r in consumer if r.offset >= 0]
    consumer.close()
    assert len(records) == 5
    for record in records:
        from schemas.registry import decode

        event = decode(ARTICLES, record.value)
        assert record.key.decode() == event.article.article_id
        assert dict(record.headers)["content-sha256"].decode() == event.article.content_sha256


def test_bad_records_are_refused_and_the_rest_published(kafka_settings, tmp_path: Path) -> None:
    (tmp_path / "feed.jsonl").write_text(
        '{"source": "A", "url": "https://a.example/1", "body": "One."}\n'
        '{"source": "A", "body": ""}\n'
        'not json\n'
        '{"source": "A", "url": "https://a.example/2", "body": "Two."}\n')
    result = ingest_paths([str(tmp_path)], kafka_settings)
    assert [e.where.rsplit(":", 1)[1] for e in result.errors] == ["2", "3"]
    assert sorted(e.article.url for e in result.published) == ["https://a.example/1", "https://a.example/2"]
    dead = sorted(read_topic(kafka_settings, DEADLETTER), key=lambda d: d.location)
    assert [(d.stage, d.location, d.topic) for d in dead] == [
        ("ingest", f"{tmp_path / 'feed.jsonl'}:2", None), ("ingest", f"{tmp_path / 'feed.jsonl'}:3", None)]
    assert dead[0].reason == "the article body is empty"
    assert base64.b64decode(dead[1].value_b64) == b"not json"
    assert "not valid JSON" in dead[1].reason
