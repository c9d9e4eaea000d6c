"""Every input format through the real broker: file → ArticlePublished on articles.v1, versions as
updates of one article, each article once, bad and hostile records dead-lettered, and --watch."""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from schemas import ArticlePublished
from schemas.registry import ARTICLES, DEADLETTER, encode, key_for
from services.ingest.runner import PRODUCER, ingest_paths
from services.ingest.sources import article_events, expand_paths
from tests.integration.helpers import wait_until
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka
FEEDS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "feeds"
NINJS_V1 = FEEDS / "ninjs" / "meridian-homs-v1.json"
NINJS_V2 = FEEDS / "ninjs" / "meridian-homs-v2.json"


def _expected(relative: str, settings) -> list[ArticlePublished]:
    items = article_events(expand_paths([str(FEEDS / relative)]), producer=PRODUCER,
                           max_chars=settings.max_article_chars)
    return [i for i in items if isinstance(i, ArticlePublished)]


def _articles(settings) -> list[ArticlePublished]:
    return list(read_topic(settings, ARTICLES))


@pytest.mark.parametrize("relative,count", [
    ("ninjs/meridian-homs-v1.json", 1), ("ninjs/harbour-1x.jsonl", 2), ("newsml/lpa-homs.xml", 1),
    ("newsml/ipa-message-cp1252.xml", 2), ("rss/cedar-latin1.rss", 3), ("atom/chronicle.atom", 2),
    ("jsonl/dispatches.jsonl", 2), ("text/courier.txt", 1),
])
def test_each_format_round_trips_to_the_topic(kafka_settings, relative: str, count: int) -> None:
    result = ingest_paths([str(FEEDS / relative)], kafka_settings)
    on_topic = {e.event_id: e for e in _articles(kafka_settings)}
    expected = _expected(relative, kafka_settings)
    assert len(result.published) == len(on_topic) == len(expected) == count
    for event in expected:  # the same article, field for field, as the pure reader gives it
        assert on_topic[event.event_id].article == event.article


def test_two_versions_of_one_uri_are_two_events_of_one_article(kafka_settings) -> None:
    first = ingest_paths([str(NINJS_V1), str(NINJS_V2)], kafka_settings)
    again = ingest_paths([str(NINJS_V1), str(NINJS_V2)], kafka_settings)
    events = _articles(kafka_settings)
    assert (len(first.published), len(again.published), again.duplicates) == (2, 0, 2)
    assert len(events) == 2 and len({e.article.article_id for e in events}) == 1
    assert sorted(e.article.version for e in events) == [1, 2]
    assert {e.correlation_id for e in events} == {events[0].article.article_id}


def test_an_older_version_after_a_newer_one_is_not_published(kafka_settings) -> None:
    newer = ingest_paths([str(NINJS_V2)], kafka_settings)
    older = ingest_paths([str(NINJS_V1)], kafka_settings)
    assert (len(newer.published), len(older.published), older.superseded) == (1, 0, 1)
    assert [e.article.version for e in _articles(kafka_settings)] == [2]


def test_the_same_text_from_the_same_outlet_under_another_url_is_published_once(kafka_settings, tmp_path) -> None:
    lines = [{"source": "Levant Dispatch", "url": f"https://levant.example/{n}", "body": "Same words."}
             for n in (1, 2)]
    (tmp_path / "twice.jsonl").write_text("\n".join(json.dumps(line) for line in lines))
    result = ingest_paths([str(tmp_path)], kafka_settings)
    assert (len(result.published), result.duplicates) == (1, 1)


def test_records_written_before_the_outlet_header_still_deduplicate(kafka_settings) -> None:
    from kafka import KafkaProducer

    [event] = _expected("text/courier.txt", kafka_settings)
    producer = KafkaProducer(bootstrap_servers=kafka_settings.bootstrap)
    producer.send(kafka_settings.topic(ARTICLES), key=key_for(event), value=encode(event),
                  headers=[("content-sha256", event.article.content_sha256.encode())])
    producer.flush()
    producer.close()
    result = ingest_paths([str(FEEDS / "text/courier.txt")], kafka_settings)
    assert (len(result.published), result.duplicates) == (0, 1)


def test_hostile_and_bad_records_are_dead_lettered_and_the_rest_published(kafka_settings) -> None:
    result = ingest_paths([str(FEEDS / "hostile"), str(FEEDS / "ninjs/harbour-1x.jsonl")], kafka_settings)
    assert len(result.published) == 2 and len(result.errors) == 5
    dead = {d.location: d for d in read_topic(kafka_settings, DEADLETTER)}
    assert set(dead) == {str(FEEDS / "hostile/billion-laughs.rss"), str(FEEDS / "hostile/xxe-newsml.xml"),
                         *(f"{FEEDS / 'ninjs/harbour-1x.jsonl'}:{n}" for n in (3, 4, 5))}
    assert "declares the external entity 'secret'" in dead[str(FEEDS / "hostile/xxe-newsml.xml")].reason
    assert "billion laughs" in dead[str(FEEDS / "hostile/billion-laughs.rss")].reason


def _ingest_cli(settings, *args: str) -> subprocess.Popen:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap,
           "WIRECHECK_TOPIC_PREFIX": settings.topic_prefix, "WIRECHECK_LOG_JSON": "true"}
    return subprocess.Popen([sys.executable, "-m", "wirecheck.cli", "ingest", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_watch_keeps_ingesting_files_as_they_appear(kafka_settings, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    proc = _ingest_cli(kafka_settings, str(FEEDS / "text/courier.txt"), "--watch", str(inbox))
    try:
        wait_until(inbox.exists, what="the watched folder to be created")
        shutil.copy(NINJS_V1, inbox / "v1.json")
        wait_until(lambda: len(_articles(kafka_settings)) >= 2, what="the courier article and ninjs v1")
        shutil.copy(NINJS_V1, inbox / "v1-again.json")  # the same version: not again
        shutil.copy(NINJS_V2, inbox / "v2.json")
        shutil.copy(FEEDS / "newsml/lpa-homs.xml", inbox / "lpa.xml")
        events = wait_until(lambda: (e := _articles(kafka_settings)) and len(e) >= 4 and e,
                            what="ninjs v2 and the NewsML item")
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err[-2000:]
    assert "published 1 article(s)" in out
    assert sorted(e.article.source for e in events) == [
        "Daily Courier", "Levant Press Agency", "Meridian Wire", "Meridian Wire"]
    assert sorted(e.article.version for e in events if e.article.source == "Meridian Wire") == [1, 2]
    logs = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert any(line.get("event") == "ingested" and line.get("duplicates") == 1 for line in logs)
