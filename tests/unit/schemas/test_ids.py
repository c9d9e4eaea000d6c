"""Ids are derived from content: the same input gives the same id, a different one does not."""

import uuid

from schemas.ids import article_id, claim_id, content_hash, event_id


def test_article_id_is_stable_and_a_uuid() -> None:
    first = article_id(source="Reuters", url="https://x.example/a", body="text")
    assert first == article_id(source="reuters ", url="https://x.example/a", body="other text")
    assert uuid.UUID(first).version == 5


def test_article_id_depends_on_source_and_url() -> None:
    base = article_id(source="Reuters", url="https://x.example/a", body="t")
    assert base != article_id(source="AFP", url="https://x.example/a", body="t")
    assert base != article_id(source="Reuters", url="https://x.example/b", body="t")


def test_article_without_url_is_identified_by_its_text() -> None:
    a = article_id(source="S", url=None, body="one text")
    assert a == article_id(source="S", url="  ", body="one text  ")
    assert a != article_id(source="S", url=None, body="another text")


def test_claim_id_depends_on_extractor_version_kind_and_span() -> None:
    base = claim_id(article_id="a", extractor_version="1", kind="quote", span=(0, 5))
    assert base == claim_id(article_id="a", extractor_version="1", kind="quote", span=(0, 5))
    assert base != claim_id(article_id="a", extractor_version="2", kind="quote", span=(0, 5))
    assert base != claim_id(article_id="a", extractor_version="1", kind="figure", span=(0, 5))
    assert base != claim_id(article_id="a", extractor_version="1", kind="quote", span=(0, 6))


def test_event_id_and_content_hash() -> None:
    assert event_id(event_type="A", key="k") == event_id(event_type="A", key="k")
    assert event_id(event_type="A", key="k") != event_id(event_type="B", key="k")
    assert content_hash(" x \n") == content_hash("x")
    assert len(content_hash("x")) == 64


def test_original_id_identifies_a_wire_item_whatever_its_url() -> None:
    by_guid = article_id(source="AFP", url="https://a.example/1", body="v1", original_id="urn:afp:1")
    assert by_guid == article_id(source="AFP", url="https://a.example/other", body="v2", original_id="urn:afp:1")
    assert by_guid != article_id(source="AFP", url=None, body="v1", original_id="urn:afp:2")
    assert by_guid != article_id(source="Reuters", url=None, body="v1", original_id="urn:afp:1")


def test_a_guid_equal_to_the_url_keeps_the_url_id() -> None:
    url = "https://cedar.example/1"
    assert article_id(source="Cedar", url=url, body="t", original_id=url) == article_id(
        source="Cedar", url=url, body="t")
