"""Older event versions are read as the current one: each upcaster is a pure function, and decode
chains them; a version from the future is refused with a reason to act on."""

import json

import pytest

from schemas import Article, ArticleMeta, ArticlePublished, Producer
from schemas.exceptions import EventDecodeError
from schemas.registry import decode, encode
from schemas.upcasting import assume_utc, upcast, upcast_article_published_v1

P = Producer(service="ingest", version="0.0.1")


def _v1(**article_changes) -> dict:
    """An ArticlePublished v1 record as an older ingest wrote it (naive timestamps)."""
    article = {**ArticleMeta(article_id="a1", source="Reuters", content_sha256="0" * 64).model_dump(mode="json"),
               "body": "He said it.", "published_at": "2024-12-06T09:30:00",
               "first_published_at": "2024-12-06T07:45:00", **article_changes}
    return {"event_id": "e1", "event_type": "ArticlePublished", "schema_version": 1,
            "occurred_at": "2024-12-06T09:31:00", "producer": P.model_dump(), "correlation_id": "a1",
            "causation_id": None, "article": article}


@pytest.mark.parametrize("value,expected", [
    ("2024-12-06T09:30:00", "2024-12-06T09:30:00+00:00"),          # naive: UTC, as ingest meant it
    ("2024-12-06T09:30:00.250", "2024-12-06T09:30:00.250000+00:00"),
    ("2024-12-06T09:30:00Z", "2024-12-06T09:30:00Z"),               # has an offset: untouched
    ("2024-12-06T11:30:00+02:00", "2024-12-06T11:30:00+02:00"),
    ("yesterday", "yesterday"),                                      # validation refuses it later
    (None, None),
    (1733477400, 1733477400),
])
def test_assume_utc(value, expected) -> None:
    assert assume_utc(value) == expected


def test_v1_to_v2_gives_every_timestamp_its_offset_and_nothing_else_changes() -> None:
    raw = _v1()
    upcast_v2 = upcast_article_published_v1(raw)
    assert upcast_v2["schema_version"] == 2
    assert upcast_v2["occurred_at"] == "2024-12-06T09:31:00+00:00"
    assert upcast_v2["article"]["published_at"] == "2024-12-06T09:30:00+00:00"
    assert upcast_v2["article"]["first_published_at"] == "2024-12-06T07:45:00+00:00"
    unchanged = {k: v for k, v in upcast_v2["article"].items() if k not in ("published_at", "first_published_at")}
    assert unchanged == {k: v for k, v in raw["article"].items() if k not in ("published_at", "first_published_at")}
    assert raw["schema_version"] == 1 and raw["article"]["published_at"] == "2024-12-06T09:30:00"  # pure


def test_v1_without_the_optional_timestamps_keeps_their_defaults() -> None:
    raw = _v1()
    del raw["article"]["published_at"], raw["article"]["first_published_at"]
    event = decode("articles.v1", json.dumps(raw).encode())
    assert event.article.published_at is None and event.article.first_published_at is None


def test_a_v1_record_decodes_to_the_v2_event_a_v2_producer_would_write() -> None:
    event = decode("articles.v1", json.dumps(_v1()).encode())
    assert isinstance(event, ArticlePublished) and event.schema_version == 2
    assert event.article.published_at.isoformat() == "2024-12-06T09:30:00+00:00"
    assert decode("articles.v1", encode(event)) == event  # v2 round-trips without upcasting


def test_producers_write_v2_and_v2_refuses_a_naive_timestamp() -> None:
    article = Article(**ArticleMeta(article_id="a1", source="S", content_sha256="0" * 64).model_dump(), body="x")
    assert ArticlePublished.create(key="k", producer=P, correlation_id="a1", article=article).schema_version == 2
    raw = upcast_article_published_v1(_v1())
    raw["article"]["published_at"] = "2024-12-06T09:30:00"
    with pytest.raises(EventDecodeError, match="published_at"):
        decode("articles.v1", json.dumps(raw).encode())


@pytest.mark.parametrize("version,reason", [
    (3, "schema_version 3 is newer than this wirecheck reads (up to 2); upgrade the consumer"),
    (0, "schema_version 0 is not a version wirecheck ever wrote"),
    ("1", "schema_version '1'; expected an integer"),
    (True, "schema_version True; expected an integer"),
    (None, "schema_version None; expected an integer"),
])
def test_versions_it_cannot_read_are_refused_with_a_reason(version, reason: str) -> None:
    with pytest.raises(EventDecodeError, match="ArticlePublished") as caught:
        decode("articles.v1", json.dumps({**_v1(), "schema_version": version}).encode())
    assert reason in caught.value.reason


def test_a_v1_that_is_broken_says_which_version_it_was_read_as() -> None:
    with pytest.raises(EventDecodeError) as caught:
        decode("articles.v1", json.dumps({**_v1(), "article": "not an article"}).encode())
    assert caught.value.reason.startswith("ArticlePublished (v1, read as v2) failed validation: article:")


def test_the_chain_applies_each_step_in_order() -> None:
    steps = {("Thing", 1): lambda r: {**r, "schema_version": 2, "trail": r["trail"] + ["1→2"]},
             ("Thing", 2): lambda r: {**r, "schema_version": 3, "trail": r["trail"] + ["2→3"]}}
    raw = {"event_type": "Thing", "schema_version": 1, "trail": []}
    assert upcast(raw, current=3, upcasters=steps)["trail"] == ["1→2", "2→3"]
    assert upcast({**raw, "schema_version": 2}, current=3, upcasters=steps)["trail"] == ["2→3"]
    assert upcast({**raw, "schema_version": 3}, current=3, upcasters=steps)["trail"] == []


def test_other_event_types_have_one_version_and_refuse_a_second() -> None:
    from tests.unit.schemas.test_registry import _verdict

    verdict = _verdict()
    raw = json.loads(encode(verdict))
    assert decode("verdicts.v1", json.dumps(raw).encode()) == verdict
    with pytest.raises(EventDecodeError, match="newer than this wirecheck reads"):
        decode("verdicts.v1", json.dumps({**raw, "schema_version": 2}).encode())
