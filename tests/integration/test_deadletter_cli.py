"""`wirecheck deadletter list|replay` against the real broker."""

import base64

import pytest
from click.testing import CliRunner
from kafka import KafkaProducer

from schemas import ClaimsExtracted
from schemas.registry import ARTICLES, CLAIMS, DEADLETTER
from services.claims.runner import claims_stage
from tests.integration.helpers import running, wait_until
from wirecheck.cli import main
from wirecheck.deadletters import DeadLetterFilter, dead_letters, replay
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka


def test_list_and_replay_after_a_fix(kafka_settings, monkeypatch) -> None:
    settings = kafka_settings.model_copy(update={"max_article_chars": 20})
    from services.ingest.formats import RawArticle
    from services.ingest.normalise import to_event
    from schemas import Producer
    from schemas.registry import encode

    long_article = to_event(RawArticle(where="t", body="A long article, said Jane Roe on Monday.", source="S"),
                            producer=Producer(service="t", version="0"), max_chars=1000)
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap)
    producer.send(settings.topic(ARTICLES), key=b"k", value=encode(long_article))
    producer.send(settings.topic(ARTICLES), key=b"j", value=b"{not json")
    producer.flush()
    producer.close()

    with running(claims_stage(settings), settings=settings):
        wait_until(lambda: len(list(read_topic(settings, DEADLETTER))) == 2, what="two dead letters")

    for name, value in {"KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap,
                        "WIRECHECK_TOPIC_PREFIX": settings.topic_prefix}.items():
        monkeypatch.setenv(name, value)
    listed = CliRunner().invoke(main, ["deadletter", "list"])
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert len(lines) == 2
    assert any("claims" in l and "over the limit of 20" in l for l in lines)
    assert any("not valid JSON" in l and f"{settings.topic(ARTICLES)}/" in l for l in lines)

    # The fix: a larger limit. Replay only the oversized one; it now yields its claims.
    fixed = settings.model_copy(update={"max_article_chars": 10_000})
    chosen = list(dead_letters(fixed, DeadLetterFilter(reason_contains="over the limit")))
    assert len(chosen) == 1 and base64.b64decode(chosen[0].key_b64) == b"k"
    assert replay(fixed, chosen).replayed == 1
    with running(claims_stage(fixed), settings=fixed):
        [extracted] = wait_until(lambda: list(read_topic(fixed, CLAIMS)), what="claims of the replayed article")
    assert isinstance(extracted, ClaimsExtracted) and extracted.article.article_id == long_article.article.article_id
