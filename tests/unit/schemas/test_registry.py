"""Decoding at the topic edge: every event round-trips; every kind of bad record gets a clear reason."""

import json

import pytest

from schemas import (
    Article,
    ArticleMeta,
    ArticlePublished,
    ClaimsExtracted,
    DeadLettered,
    DecisionRecorded,
    Producer,
    QuoteClaim,
    Speaker,
    VerdictChanged,
)
from schemas.exceptions import EventDecodeError, UnknownTopicError
from schemas.registry import MAX_RECORD_BYTES, decode, encode, key_for, topic_for

P = Producer(service="test", version="0")
META = ArticleMeta(article_id="a1", source="Reuters", content_sha256="0" * 64)


def _article() -> ArticlePublished:
    body = "He said it."
    article = Article(**META.model_dump(), body=body)
    return ArticlePublished.create(key="a1", producer=P, correlation_id="a1", article=article)


def _claims() -> ClaimsExtracted:
    quote = QuoteClaim(claim_id="c1", article_id="a1", extractor_version="x", text="it", span=(8, 10),
                       sentence="He said it.", sentence_span=(0, 11), quote_type="indirect",
                       speaker=Speaker(name="Jo Doe", as_written="He", span=(0, 2)), cue="said")
    return ClaimsExtracted.create(key="a1:x", producer=P, correlation_id="a1", article=META,
                                  extractor_version="x", claims=(quote,))


def _verdict() -> VerdictChanged:
    return VerdictChanged.create(key="c1:1", producer=P, correlation_id="a1", claim_id="c1", article_id="a1",
                                 claim_kind="quote", claim_text="it", verdict="single_source",
                                 previous_verdict=None, revision=1, reason="one origin", confidence=0.5,
                                 independent_origins=("Reuters",), evidence=())


def _decision() -> DecisionRecorded:
    return DecisionRecorded.create(key="d1", producer=P, correlation_id="a1", claim_id="c1",
                                   reviewer="ana", decision="overturn", verdict="contested")


def _dead() -> DeadLettered:
    return DeadLettered.create(key="x", producer=P, correlation_id="t/0/1", stage="claims", topic="t",
                               partition=0, offset=1, key_b64=None, value_b64="", reason="r",
                               error_type="decode")


@pytest.mark.parametrize("factory,topic", [
    (_article, "articles.v1"), (_claims, "claims.v1"), (_verdict, "verdicts.v1"),
    (_decision, "decisions.v1"), (_dead, "deadletter.v1"),
])
def test_round_trip(factory, topic: str) -> None:
    event = factory()
    assert topic_for(event) == topic
    assert decode(topic, encode(event)) == event


def test_keys_keep_a_claims_history_together() -> None:
    assert key_for(_verdict()) == b"c1"
    assert key_for(_article()) == b"a1"


def _article_json(**changes) -> bytes:
    raw = json.loads(encode(_article()))
    raw.update(changes)
    return json.dumps(raw).encode()


@pytest.mark.parametrize("value,reason", [
    (None, "empty record"),
    (b"", "empty record"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "JSON list, expected a ArticlePublished object"),
    (b'{"event_type": "VerdictChanged"}', "does not belong on articles.v1"),
    (_article_json(schema_version=99), "schema_version"),
    (_article_json(article={"article_id": 5}), "article."),
    (_article_json(surprise=1), "surprise"),
    (b'"' + b"x" * (MAX_RECORD_BYTES + 1) + b'"', "exceeds the"),
])
def test_bad_records_say_what_is_wrong(value, reason: str) -> None:
    with pytest.raises(EventDecodeError) as caught:
        decode("articles.v1", value)
    assert reason in caught.value.reason


def test_unknown_topic() -> None:
    with pytest.raises(UnknownTopicError):
        decode("nope.v1", b"{}")


def test_events_are_frozen() -> None:
    event = _article()
    with pytest.raises(Exception):
        event.event_id = "x"  # type: ignore[misc]
