"""ArticlePublished → ClaimsExtracted (pure layer of the claims service)."""

from __future__ import annotations

from schemas import ArticleMeta, ArticlePublished, ClaimsExtracted, Producer
from schemas.registry import MAX_RECORD_BYTES, encode
from services.claims.exceptions import ArticleRefusedError
from services.claims.extract import EXTRACTOR_VERSION, extract_claims


def claims_of(
    event: ArticlePublished,
    *,
    producer: Producer,
    max_chars: int,
    extractor_version: str = EXTRACTOR_VERSION,
) -> ClaimsExtracted:
    """All claims of one article as one event, whose id depends only on the article and extractor."""
    article = event.article
    if not article.body.strip():
        raise ArticleRefusedError(f"article {article.article_id} has an empty body")
    if len(article.body) > max_chars:
        raise ArticleRefusedError(
            f"article {article.article_id} has {len(article.body):,} characters, "
            f"over the limit of {max_chars:,}; raise WIRECHECK_MAX_ARTICLE_CHARS to accept it"
        )
    claims = extract_claims(article.body, article_id=article.article_id,
                            extractor_version=extractor_version)
    meta = ArticleMeta.model_validate(article.model_dump(exclude={"body"}))
    extracted = ClaimsExtracted.create(
        key=f"{article.article_id}:{article.content_sha256}:{extractor_version}",
        producer=producer,
        correlation_id=article.article_id,
        causation_id=event.event_id,
        article=meta,
        extractor_version=extractor_version,
        claims=claims,
    )
    # All of an article's claims travel in one record; a text dense with figures can yield more than
    # the broker takes, which would abort every transaction holding it. Refused here, it is
    # dead-lettered with the article's bytes instead, and the stage goes on.
    size = len(encode(extracted))
    if size > MAX_RECORD_BYTES:
        raise ArticleRefusedError(
            f"article {article.article_id} yields {len(claims):,} claims, {size:,} bytes as one event, "
            f"over the {MAX_RECORD_BYTES:,}-byte record limit of claims.v1"
        )
    return extracted
