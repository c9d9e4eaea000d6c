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


def test_versions_of_one_wire_item_share_the_article_id_and_differ_in_event_and_version() -> None:
    meta = dict(source="Meridian Wire", original_id="urn:m:1")
    v1 = _event("Rebels advanced.", **meta, version=1, url="https://m.example/a")
    v2 = _event("Rebels advanced further.", **meta, version=2, url="https://m.example/a-updated")
    assert v1.article.article_id == v2.article.article_id == v1.correlation_id
    assert (v1.article.version, v2.article.version) == (1, 2)
    assert v1.event_id != v2.event_id


def test_a_new_version_with_the_same_text_is_still_its_own_event() -> None:
    v1 = _event("Same.", source="W", original_id="urn:w:1", version=1)
    v2 = _event("Same.", source="W", original_id="urn:w:1", version=2)
    assert v1.event_id != v2.event_id  # dedup (by outlet and text) decides whether it is published


def test_provenance_reaches_the_event() -> None:
    from schemas import InfoSource

    sources = (InfoSource(name="LPA", role="originating"),)
    event = _event("Text.", source="LPA", original_id="urn:l:1", version=3, dateline="HOMS, Dec 6 (LPA)",
                   located="Homs", copyright_holder="LPA", usage_terms="Subscribers", info_sources=sources,
                   first_published="2024-12-06T08:00:00Z")
    article = event.article
    assert (article.original_id, article.version, article.dateline, article.located) == (
        "urn:l:1", 3, "HOMS, Dec 6 (LPA)", "Homs")
    assert (article.copyright_holder, article.usage_terms, article.info_sources) == ("LPA", "Subscribers", sources)
    assert article.first_published_at.isoformat() == "2024-12-06T08:00:00+00:00"


def test_events_written_before_the_provenance_fields_still_validate() -> None:
    from schemas import ArticlePublished

    old = _event("Old text.", source="A", url="https://a.example/1").model_dump(mode="json")
    for key in ("original_id", "version", "first_published_at", "dateline", "located", "copyright_holder",
                "usage_terms", "info_sources"):
        del old["article"][key]
    assert ArticlePublished.model_validate(old).article.version is None


def test_an_article_over_the_record_limit_in_bytes_is_refused_though_under_the_character_limit() -> None:
    body = "ش" * 600_000  # 1.2 MB in UTF-8: the broker would refuse the record
    with pytest.raises(BadRecordError) as caught:
        to_event(RawArticle(where="f.txt", body=body), producer=P, max_chars=1_000_000)
    assert caught.value.reason.startswith("the article's event is 1,2")
    assert "over the 1,048,576-byte record limit" in caught.value.reason
