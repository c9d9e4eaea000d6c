"""The claims handler refuses what the broker would refuse, so the stage dead-letters it and goes on."""

import pytest

from schemas import Producer
from schemas.registry import MAX_RECORD_BYTES, encode
from services.claims.exceptions import ArticleRefusedError
from services.claims.handler import claims_of
from services.ingest.formats import RawArticle
from services.ingest.normalise import to_event

P = Producer(service="test", version="0")


def _article(body: str):
    return to_event(RawArticle(where="f.txt", body=body, source="S"), producer=P, max_chars=512_000)


def test_an_article_whose_claims_overflow_one_record_is_refused_with_the_sizes() -> None:
    article = _article(" ".join(f"{n} killed." for n in range(1, 2600)))  # 2,599 figures, ~30 KB of text
    with pytest.raises(ArticleRefusedError) as caught:
        claims_of(article, producer=P, max_chars=512_000)
    reason = str(caught.value)
    assert reason.startswith(f"article {article.article.article_id} yields 2,599 claims, ")
    assert reason.endswith("over the 1,048,576-byte record limit of claims.v1")


def test_an_article_whose_claims_fit_is_extracted() -> None:
    extracted = claims_of(_article(" ".join(f"{n} killed." for n in range(1, 100))), producer=P, max_chars=512_000)
    assert len(extracted.claims) == 99 and len(encode(extracted)) <= MAX_RECORD_BYTES
