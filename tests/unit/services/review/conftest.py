"""Factories for the review service's unit tests: hand-made claim views, and the sample feed run
through the pure cores of ingest, claims and verify into the events the queue folds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from schemas import ids
from schemas.claims import AttributionClaim, FigureClaim, QuoteClaim, Source, Speaker
from schemas.envelope import Producer
from schemas.events import ArticleMeta, DecisionRecorded, Event, VerdictChanged
from services.review.projection import ClaimView, ReviewProjection

REPO = Path(__file__).resolve().parents[4]
FEED = REPO / "samples" / "feed"
DAY0 = datetime(2024, 12, 6, 8, 0, tzinfo=timezone.utc)
PRODUCER = Producer(service="test", version="0")
XSS_BODY = ('Officials said that <script>alert("xss")</script> 120 people were evacuated, '
            'according to the <img src=x onerror=alert(1)> Civil Defence.\n')


def make_view(*, verdict: str = "single_source", kind: str = "figure", quantity: str = "people",
              outlet: str = "Reuters", hours: float = 0, decision: str | None = None,
              text: str = "120 people", revision: int = 1) -> ClaimView:
    """A claim view of one sentence, with the given verdict and (optionally) decision in force."""
    sentence = f"Officials said {text} were hurt."
    body = sentence
    meta = ArticleMeta(article_id=ids.article_id(source=outlet, url=None, body=f"{outlet}{hours}{text}"),
                       source=outlet, title=f"{outlet} story", published_at=DAY0 + timedelta(hours=hours),
                       content_sha256=ids.content_hash(body), url=f"https://{outlet.lower()}.example/a")
    start = sentence.index(text)
    span = (start, start + len(text))
    common = dict(claim_id=ids.claim_id(article_id=meta.article_id, extractor_version="t", kind=kind, span=span),
                  article_id=meta.article_id, extractor_version="t", text=text, span=span,
                  sentence=sentence, sentence_span=(0, len(sentence)))
    if kind == "figure":
        claim = FigureClaim(**common, value=120, quantity=quantity, unit=None)
    elif kind == "quote":
        claim = QuoteClaim(**common, quote_type="indirect", speaker=Speaker(name="Ann Smith", as_written="Smith",
                                                                            role="spokeswoman"), cue="said")
    else:
        claim = AttributionClaim(**common, source=Source(name="Civil Defence", aliases=("CD",)))
    verdict_event = VerdictChanged.create(
        key=f"{claim.claim_id}:{revision}", producer=PRODUCER, correlation_id=meta.article_id,
        occurred_at=DAY0, claim_id=claim.claim_id, article_id=meta.article_id, claim_kind=kind,
        claim_text=text, verdict=verdict, previous_verdict=None, revision=revision, reason="test",
        confidence=0.5, independent_origins=(outlet,), evidence=())
    decisions = ()
    if decision:
        decisions = (make_decision(claim.claim_id, decision, verdict if decision == "confirm" else "corroborated"),)
    return ClaimView(claim=claim, article=meta, body=body, verdict=verdict_event, decisions=decisions)


def make_decision(claim_id: str, decision: str, verdict: str | None, *, reviewer: str = "alice",
                  minutes: float = 0, comment: str | None = None) -> DecisionRecorded:
    return DecisionRecorded.create(
        key=f"{claim_id}:{reviewer}:{minutes}", producer=PRODUCER, correlation_id=claim_id,
        occurred_at=DAY0 + timedelta(days=1, minutes=minutes), claim_id=claim_id, reviewer=reviewer,
        decision=decision, verdict=None if decision == "needs_evidence" else verdict, comment=comment)


def pipeline_events(extra_bodies: dict[str, str] | None = None) -> list[Event]:
    """Articles of the sample feed (plus ``extra_bodies``: outlet → text) through the pure cores."""
    from services.claims.handler import claims_of
    from services.ingest.sources import article_events, expand_paths
    from services.verify.handler import VerifierState, handle

    events: list[Event] = []
    state = VerifierState()
    articles = [a for a in article_events(expand_paths([str(FEED)]), producer=PRODUCER, max_chars=512_000)]
    for outlet, body in (extra_bodies or {}).items():
        from services.ingest.formats import RawArticle
        from services.ingest.normalise import to_event

        articles.append(to_event(RawArticle(where=outlet, source=outlet, body=body, published=DAY0),
                                 producer=PRODUCER, max_chars=512_000))
    for article in articles:
        extracted = claims_of(article, producer=PRODUCER, max_chars=512_000)
        events += [article, extracted, *handle(extracted, state, producer=PRODUCER)]
    return events


@pytest.fixture(scope="session")
def feed_events() -> list[Event]:
    return pipeline_events({"Mallory Times": XSS_BODY})


@pytest.fixture
def projection(feed_events) -> ReviewProjection:
    folded = ReviewProjection()
    for event in feed_events:
        folded.apply(event, written_at=event.occurred_at + timedelta(seconds=2))
    return folded
