"""The registry's JSON parsing (pydantic-core, ``json.loads`` for what it refuses) accepts and refuses
exactly what ``json.loads`` did, with the same reasons."""

import json

import pytest

from schemas import Article, ArticleMeta, ArticlePublished, Producer
from schemas.exceptions import EventDecodeError
from schemas.registry import _parse, decode, encode

P = Producer(service="test", version="0")


def _article(body: str = "He said it.") -> ArticlePublished:
    meta = ArticleMeta(article_id="a1", source="Reuters", content_sha256="0" * 64)
    return ArticlePublished.create(key="a1", producer=P, correlation_id="a1", article=Article(**meta.model_dump(), body=body))


@pytest.mark.parametrize("text", [
    '{"a": 1, "a": 2}',  # duplicate keys: the last wins
    '{"a": NaN, "b": Infinity, "c": -Infinity, "d": 1e400}',
    '{"a": 123456789012345678901234567890, "b": -0.0}',
    '{"a": "\\ud800"}',  # a lone surrogate escape: pydantic-core refuses it, json.loads does not
    '{"a": "\\u00e9\\n"}',
])
def test_parse_gives_what_json_loads_gives(text: str) -> None:
    assert repr(_parse(text)) == repr(json.loads(text))


@pytest.mark.parametrize("text", ['{"a": 1,}', "{'a': 1}", '{"a": 0123}', '{"a": "x\ny"}', '{"a": 1} x', ""])
def test_parse_refuses_with_the_json_loads_error(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as ours:
        _parse(text)
    with pytest.raises(json.JSONDecodeError) as stdlib:
        json.loads(text)
    assert (ours.value.msg, ours.value.pos) == (stdlib.value.msg, stdlib.value.pos)


def test_a_body_with_a_lone_surrogate_still_decodes() -> None:
    value = encode(_article()).replace(b"He said it.", b"He \\ud800 said it.")
    assert decode("articles.v1", value).article.body == "He \ud800 said it."


def test_a_trailing_comma_is_refused_with_the_position() -> None:
    value = encode(_article())[:-1] + b",}"
    with pytest.raises(EventDecodeError) as caught:
        decode("articles.v1", value)
    assert caught.value.reason.startswith("record is not valid JSON: Expecting property name enclosed in double quotes at char")
