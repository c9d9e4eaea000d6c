"""The fault tests' input: a few thousand generated news articles and a burst of poison records.

Articles come from ``bench.verify_workload``'s story generator (wire originals, verbatim and trimmed
republications, rewrites with rising or conflicting tolls, corrections), so the verifier meets
corroborations, echoes, contradictions and supersessions as in real copy. The generator writes each
story as already-extracted claims; their sentences, in order, are the article's text, which this
module turns back into ``ArticlePublished`` events through ingest's own ``to_event`` — the claims
service then extracts the claims again from prose. Everything derives from one seed.

Poison records are one of each kind of bad input the issue lists, each with the words its
dead-letter reason must contain.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bench.verify_workload import Workload
from schemas import Article, ArticleMeta, ArticlePublished, ClaimsExtracted
from schemas.registry import ARTICLES, CLAIMS, encode
from services.ingest.normalise import to_event
from services.ingest.records import RawArticle
from services.ingest.runner import PRODUCER as INGEST_PRODUCER

# Sized so the whole faults tier stays within a few minutes on 2 shared cores: ~7 claims per
# article, ~14,000 claims in all, ~12 s of verification in one process.
ARTICLES_IN_STREAM = 2_000
SEED = 11
OUTLETS = 200
# Lower than the default so an oversized article is a small record; the clean run uses it too.
MAX_ARTICLE_CHARS = 20_000


@dataclass(frozen=True)
class Poison:
    """A record no stage can handle: where it goes and what its dead-letter reason must say."""

    name: str
    value: bytes
    reason: str
    topic: str = ARTICLES


def generated_articles(count: int = ARTICLES_IN_STREAM, *, seed: int = SEED) -> list[ArticlePublished]:
    """``count`` articles in publication order; the same list on every call."""
    articles = []
    for story_article in Workload(seed=seed, outlets=OUTLETS).events():
        articles.append(_published(story_article))
        if len(articles) == count:
            return articles
    raise AssertionError("the workload generator ended early")  # it yields without end


def _published(extracted: ClaimsExtracted) -> ArticlePublished:
    meta = extracted.article
    sentences = dict(sorted({c.sentence_span: c.sentence for c in extracted.claims}.items()))
    credit_line = f"({meta.credit}) - " if meta.credit else ""  # as a wire's dateline carries it
    raw = RawArticle(where=meta.url or meta.article_id, body=credit_line + " ".join(sentences.values()),
                     source=meta.source, url=meta.url, credit=meta.credit, published=meta.published_at)
    return to_event(raw, producer=INGEST_PRODUCER, max_chars=MAX_ARTICLE_CHARS)


def poison_records(template: ArticlePublished) -> list[Poison]:
    """One record of every kind of bad input, built around a good article."""
    good = json.loads(encode(template))
    empty = _with_body(template, "   ")
    oversized = _with_body(template, "Officials said the toll rose. " * (MAX_ARTICLE_CHARS // 25))
    return [
        Poison("empty record", b"", "empty record"),
        Poison("not UTF-8", b"\xff\xfe\x00 broken", "not UTF-8"),
        Poison("not JSON", b'{"event_type": "ArticlePublished", ', "not valid JSON"),
        Poison("JSON of the wrong shape", b"[1, 2, 3]", "JSON list"),
        Poison("wrong event type", json.dumps({**good, "event_type": "VerdictChanged"}).encode(),
               "does not belong on"),
        Poison("missing fields", json.dumps({**good, "article": {"body": "x"}}).encode(), "failed validation"),
        Poison("future schema version", json.dumps({**good, "schema_version": 99}).encode(),
               "schema_version 99 is newer than this wirecheck reads"),
        Poison("empty body", encode(empty), "empty body"),
        Poison("oversized article", encode(oversized), "over the limit"),
        Poison("claims not JSON", b"\x00\x01garbage", "not valid JSON", topic=CLAIMS),
        Poison("claims of a future version", _future_claims(template), "newer than this wirecheck reads",
               topic=CLAIMS),
    ]


def _with_body(template: ArticlePublished, body: str) -> ArticlePublished:
    article = Article(**template.article.model_dump(exclude={"body"}), body=body)
    return template.model_copy(update={"article": article, "event_id": f"poison-{len(body)}"})


def _future_claims(template: ArticlePublished) -> bytes:
    meta = ArticleMeta(**template.article.model_dump(exclude={"body"}))
    claims = ClaimsExtracted.create(key="poison", producer=INGEST_PRODUCER, correlation_id=meta.article_id,
                                    article=meta, extractor_version="x", claims=())
    return json.dumps({**json.loads(encode(claims)), "schema_version": 99}).encode()
