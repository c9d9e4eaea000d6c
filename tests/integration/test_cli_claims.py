"""`wirecheck claims diff` replaying articles.v1 against an older version's claims on claims.v1."""

import pytest
from click.testing import CliRunner
from kafka import KafkaProducer

from schemas import Producer
from schemas.registry import ARTICLES, CLAIMS, encode
from services.claims.extract import EXTRACTOR_VERSION
from services.claims.handler import claims_of
from services.ingest.formats import RawArticle
from services.ingest.normalise import to_event
from wirecheck.cli import main

pytestmark = pytest.mark.kafka

PRODUCER = Producer(service="test", version="0")


def test_diff_replays_articles_against_claims_of_an_older_version(kafka_settings, monkeypatch, seed_text) -> None:
    article = to_event(RawArticle(where="t", body=seed_text, source="Levant Ledger"), producer=PRODUCER,
                       max_chars=100_000)
    current = claims_of(article, producer=PRODUCER, max_chars=100_000, extractor_version="rules-old")
    # The older version missed the seed's first figure ("third-largest") and named a speaker by surname.
    rahman = next(c for c in current.claims if c.kind == "quote" and c.speaker.name == "Rami Abdel Rahman")
    older_claims = tuple(
        c.model_copy(update={"speaker": c.speaker.model_copy(update={"name": "Abdel Rahman"})}) if c is rahman else c
        for c in current.claims if c.text != "third-largest"
    )
    older = current.model_copy(update={"claims": older_claims})
    producer = KafkaProducer(bootstrap_servers=kafka_settings.bootstrap)
    key = article.article.article_id.encode()
    producer.send(kafka_settings.topic(ARTICLES), key=key, value=encode(article))
    producer.send(kafka_settings.topic(CLAIMS), key=key, value=encode(older))
    producer.flush()
    producer.close()
    for name, value in {"KAFKA_BOOTSTRAP_SERVERS": kafka_settings.bootstrap,
                        "WIRECHECK_TOPIC_PREFIX": kafka_settings.topic_prefix}.items():
        monkeypatch.setenv(name, value)

    result = CliRunner().invoke(main, ["claims", "diff", "--from", "rules-old"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"article {article.article.article_id} (Levant Ledger): +1 -0 ~1",
        '  + figure [142, 155) "third-largest"',
        '  ~ quote [380, 501) "Hayat Tahrir al-Sham (HTS) and allied factions are now just five kilometers—barely '
        "three …\" — speaker.name: 'Abdel Rahman' → 'Rami Abdel Rahman'",
    ]
    assert f"rules-old → {EXTRACTOR_VERSION} over 1 article(s)" in result.stderr

    unknown = CliRunner().invoke(main, ["claims", "diff", "--from", "rules-none"])
    assert unknown.exit_code != 0
    assert "'rules-none' is neither a file, the running extractor nor a version on claims.v1" in str(
        unknown.exception)
    assert "rules-old" in str(unknown.exception)
