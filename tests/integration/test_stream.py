"""The transactional stage runner: each input handled once across stop/restart; outputs committed."""

import pytest
from kafka import KafkaProducer

from schemas import ArticlePublished, DecisionRecorded, Event, Producer
from schemas.registry import ARTICLES, DECISIONS, encode
from services.ingest.formats import RawArticle
from services.ingest.normalise import to_event
from tests.integration.helpers import running, wait_until
from wirecheck.stream import Stage
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka
P = Producer(service="test", version="0")


def _marking_stage(seen: list[str]) -> Stage:
    """A stand-in stage: one DecisionRecorded per article, so outputs are easy to count."""

    def handle(event: Event) -> list[Event]:
        assert isinstance(event, ArticlePublished)
        seen.append(event.article.article_id)
        return [DecisionRecorded.create(key=event.event_id, producer=P, correlation_id=event.correlation_id,
                                        claim_id=event.article.article_id, reviewer="stage",
                                        decision="confirm")]

    return Stage(name="marker", inputs=(ARTICLES,), handle=handle, producer=P)


def _publish(settings, first: int, count: int) -> None:
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap)
    for n in range(first, first + count):
        raw = RawArticle(where="t", body=f"Article number {n}.", source="S", url=f"https://s.example/{n}")
        event = to_event(raw, producer=P, max_chars=1000)
        producer.send(settings.topic(ARTICLES), key=event.correlation_id.encode(), value=encode(event))
    producer.flush()
    producer.close()


def _decisions(settings, count: int):
    events = list(read_topic(settings, DECISIONS))
    return events if len(events) >= count else None


def test_restart_resumes_after_the_committed_offsets(kafka_settings) -> None:
    seen_first: list[str] = []
    _publish(kafka_settings, 0, 30)
    with running(_marking_stage(seen_first), settings=kafka_settings):
        wait_until(lambda: _decisions(kafka_settings, 30), what="30 decisions")

    seen_second: list[str] = []
    _publish(kafka_settings, 30, 20)
    with running(_marking_stage(seen_second), settings=kafka_settings):
        decisions = wait_until(lambda: _decisions(kafka_settings, 50), what="50 decisions")

    assert len(seen_first) == 30 and len(seen_second) == 20, "the restarted stage re-handled old input"
    assert set(seen_first).isdisjoint(seen_second)
    assert all(isinstance(d, DecisionRecorded) for d in decisions)
    assert len({d.event_id for d in decisions}) == len(decisions) == 50


def test_two_instances_of_a_stage_share_its_partitions_without_fencing_each_other(kafka_settings) -> None:
    """With one transactional id for the stage, the second instance's init_transactions fenced the first."""
    seen_a: list[str] = []
    seen_b: list[str] = []
    published = 0

    def both_busy() -> bool:
        nonlocal published
        _publish(kafka_settings, published, 10)  # keep work coming until the group has split it
        published += 10
        return bool(seen_a and seen_b)

    with running(_marking_stage(seen_a), _marking_stage(seen_b), settings=kafka_settings):
        wait_until(both_busy, what="both instances handling articles")
        decisions = wait_until(lambda: _decisions(kafka_settings, published), what=f"{published} decisions")

    assert len({d.event_id for d in decisions}) == len(decisions) == published
    assert sorted(seen_a + seen_b) == sorted({d.claim_id for d in decisions}), "an article handled twice"
