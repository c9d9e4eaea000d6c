"""Factories for the verifier's unit tests: articles, claims and events built from a few words."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from schemas import ids
from schemas.claims import AttributionClaim, Equivalent, FigureClaim, QuoteClaim, Source, Speaker
from schemas.envelope import Producer
from schemas.events import ArticleMeta, ClaimsExtracted, DecisionRecorded
from services.ingest.fingerprint import fingerprint
from services.verify import VerifierState

EXTRACTOR = "claims-test-1"
DAY0 = datetime(2024, 12, 6, 8, 0, tzinfo=timezone.utc)
PRODUCER = Producer(service="verify", version="test")
SEED_PATH = Path("/work/shared/seeds/homs-2024-12-06.txt")


class Make:
    """Builds schemas models with derived ids; claims sit in their own sentence."""

    producer = PRODUCER

    def meta(
        self,
        outlet: str,
        *,
        body: str | None = None,
        credit: str | None = None,
        hours: float = 0,
        url: str | None = None,
        byline: str | None = None,
    ) -> ArticleMeta:
        body = body if body is not None else f"{outlet} original reporting {url or ''}"
        return ArticleMeta(
            article_id=ids.article_id(source=outlet, url=url, body=body),
            source=outlet,
            url=url,
            credit=credit,
            byline=byline,
            published_at=DAY0 + timedelta(hours=hours),
            content_sha256=ids.content_hash(body),
            fingerprint=fingerprint(body),
        )

    def _base(self, meta: ArticleMeta, kind: str, text: str, sentence: str | None) -> dict:
        sentence = sentence or text
        start = sentence.find(text)
        assert start >= 0, f"{text!r} is not in {sentence!r}"
        span = (start, start + len(text))
        return dict(
            claim_id=ids.claim_id(
                article_id=meta.article_id, extractor_version=EXTRACTOR, kind=kind, span=span
            ),
            article_id=meta.article_id,
            extractor_version=EXTRACTOR,
            text=text,
            span=span,
            sentence=sentence,
            sentence_span=(0, len(sentence)),
        )

    def quote(
        self, meta: ArticleMeta, text: str, speaker: str | None, *, sentence: str | None = None
    ) -> QuoteClaim:
        return QuoteClaim(
            **self._base(meta, "quote", text, sentence),
            quote_type="direct",
            speaker=Speaker(name=speaker, as_written=speaker) if speaker else None,
            cue="said",
        )

    def attribution(
        self,
        meta: ArticleMeta,
        text: str,
        source: str,
        *,
        aliases: tuple[str, ...] = (),
        sentence: str | None = None,
    ) -> AttributionClaim:
        return AttributionClaim(
            **self._base(meta, "attribution", text, sentence),
            source=Source(name=source, aliases=aliases),
            cue="according to",
        )

    def figure(
        self,
        meta: ArticleMeta,
        text: str,
        sentence: str,
        *,
        quantity: str = "people",
        in_claim: str | None = None,
        equivalents: tuple[tuple[str, float, str], ...] = (),
        **numbers,
    ) -> FigureClaim:
        base = self._base(meta, "figure", text, sentence)
        return FigureClaim(
            **base,
            quantity=quantity,
            in_claim_id=in_claim,
            equivalents=tuple(
                Equivalent(text=t, span=base["span"], value=v, unit=u) for t, v, u in equivalents
            ),
            **numbers,
        )

    def extracted(self, meta: ArticleMeta, *claims, extractor: str = EXTRACTOR) -> ClaimsExtracted:
        return ClaimsExtracted.create(
            key=f"{meta.article_id}:{meta.content_sha256}:{extractor}",  # as the claims service does
            producer=Producer(service="claims", version=extractor),
            correlation_id=meta.article_id,
            occurred_at=meta.published_at,
            article=meta,
            extractor_version=extractor,
            claims=claims,
        )

    def decision(
        self, claim_id: str, decision: str, verdict: str | None = None, *, minutes: float = 0
    ) -> DecisionRecorded:
        return DecisionRecorded.create(
            key=f"{claim_id}:{decision}:{verdict}:{minutes}",
            producer=Producer(service="review", version="test"),
            correlation_id=claim_id,
            occurred_at=DAY0 + timedelta(days=1, minutes=minutes),
            claim_id=claim_id,
            reviewer="rev@example.org",
            decision=decision,
            verdict=verdict,
        )


@pytest.fixture
def make() -> Make:
    return Make()


@pytest.fixture
def state() -> VerifierState:
    return VerifierState()


@pytest.fixture(scope="session")
def seed_body() -> str:
    """The demo's seed article (a long stand-in where the shared seed is not mounted)."""
    if SEED_PATH.exists():
        return SEED_PATH.read_text(encoding="utf-8")
    return " ".join(f"Rebels advanced on Homs, paragraph {i} of a long report." for i in range(80))
