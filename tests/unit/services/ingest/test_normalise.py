"""RawArticle → ArticlePublished: identity, cleaning and the checks that refuse bad articles."""

import pytest

from schemas import Producer
from services.ingest.exceptions import BadRecordError
from services.ingest.formats import RawArticle
from services.ingest.normalise import clean_body, to_event

P = Producer(service="test", version="0")


def _event(body: str, **meta):
    return to_event(RawArticle(where="f.txt", body=body, **meta), producer=P, max_chars=100)


def test_same_article_gives_the_same_event() -> None:
    a = _event("Rebels advanced.", source="Reuters", url="https://r.example/1")
    b = _event("Rebels advanced.", source="Reuters", url="https://r.example/1")
    assert a.event_id == b.event_id and a.article.article_id == b.article.article_id
    assert a.article.fingerprint == b.article.fingerprint and len(a.article.fingerprint) > 0


def test_new_text_of_the_same_article_is_a_new_event_of_the_same_article() -> None:
    a = _event("Rebels advanced.", source="Reuters", url="https://r.example/1")
    b = _event("Rebels advanced further.", source="Reuters", url="https://r.example/1")
    assert a.article.article_id == b.article.article_id
    assert a.event_id != b.event_id and a.article.content_sha256 != b.article.content_sha256


@pytest.mark.parametrize("raw,clean", [
    ("a\r\nb\rc", "a\nb\nc"),
    ("  padded \n", "padded"),
    ("bell\x07 and nul\x00 gone", "bell and nul gone"),
    ("tab\tkept", "tab\tkept"),
    ("cafe\u0301", "café"),
])
def test_clean_body(raw: str, clean: str) -> None:
    assert clean_body(raw) == clean


@pytest.mark.parametrize("body,reason", [
    ("", "the article body is empty"),
    (" \n\x00\x01 ", "the article body is empty"),
    ("x" * 101, "the body has 101 characters, over the limit of 100"),
])
def test_bad_articles_are_refused_with_the_reason(body: str, reason: str) -> None:
    with pytest.raises(BadRecordError) as caught:
        _event(body)
    assert caught.value.where == "f.txt" and caught.value.reason == reason


def test_missing_source_is_named_unknown() -> None:
    assert _event("Text.").article.source == "unknown"
