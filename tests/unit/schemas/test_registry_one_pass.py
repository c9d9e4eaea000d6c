"""``registry.decode`` tries pydantic-core's one pass first; it must accept, refuse and explain exactly
as ``decode_stepwise`` (the reference) does, edge cases of JSON parsers included."""

import json

import pytest

from schemas import Article, ArticleMeta, ArticlePublished, Producer
from schemas.exceptions import EventDecodeError
from schemas.registry import decode, decode_stepwise, encode

P = Producer(service="test", version="0")


def _article() -> ArticlePublished:
    meta = ArticleMeta(article_id="a1", source="Reuters", content_sha256="0" * 64)
    return ArticlePublished.create(key="a1", producer=P, correlation_id="a1",
                                   article=Article(**meta.model_dump(), body="He said it."))


def _with(**article_changes) -> bytes:
    raw = json.loads(encode(_article()))
    return json.dumps({**raw, "article": {**raw["article"], **article_changes}}).encode()


GOOD = {
    "as written": encode(_article()),
    "duplicate keys (the last wins)": encode(_article())[:-1] + b',"correlation_id":"a2"}',
    "an integer beyond 64 bits": _with(version=2**70 + 1),
    "a lone surrogate escape (json.loads takes it, pydantic-core does not)":
        encode(_article()).replace(b"He said it.", b"He \\ud800 said it."),
    "version 1, upcast": json.dumps({**json.loads(encode(_article())), "schema_version": 1}).encode(),
}
BAD = {
    "a trailing comma": encode(_article())[:-1] + b",}",
    "NaN in the fingerprint": _with(fingerprint=[float("nan")]),
    "a float for an integer": _with(version=1.5),
    "not UTF-8": encode(_article()).replace(b"He said", b"He \xff said"),
    "a future version": json.dumps({**json.loads(encode(_article())), "schema_version": 99}).encode(),
}


@pytest.mark.parametrize("what", GOOD)
def test_good_records_decode_as_the_reference_decodes_them(what: str) -> None:
    assert decode("articles.v1", GOOD[what]) == decode_stepwise("articles.v1", GOOD[what])


def test_the_edge_cases_keep_their_values() -> None:
    assert decode("articles.v1", GOOD["duplicate keys (the last wins)"]).correlation_id == "a2"
    assert decode("articles.v1", GOOD["an integer beyond 64 bits"]).article.version == 2**70 + 1


@pytest.mark.parametrize("what", BAD)
def test_bad_records_are_refused_with_the_reference_reason(what: str) -> None:
    with pytest.raises(EventDecodeError) as ours:
        decode("articles.v1", BAD[what])
    with pytest.raises(EventDecodeError) as reference:
        decode_stepwise("articles.v1", BAD[what])
    assert ours.value.reason == reference.value.reason
