"""Reviewed claims as schema.org ClaimReview JSON-LD, the format fact-checkers publish (pure core).

See https://schema.org/ClaimReview and Google's fact-check markup guide: ``claimReviewed``,
``reviewRating`` (with ``alternateName`` in words), ``itemReviewed`` (a ``Claim`` with its
``author`` and ``appearance``), ``author`` (the fact-checking organisation), ``datePublished`` and
``url`` (the review's own page).
"""

from __future__ import annotations

from collections.abc import Iterable

from schemas import AttributionClaim, QuoteClaim
from services.review.constants import BEST_RATING, RATINGS, WORST_RATING
from services.review.projection import ClaimView


def reviewed_views(views: Iterable[ClaimView]) -> list[ClaimView]:
    """Claims whose decision in force is a confirm or an overturn, oldest decision first."""
    chosen = [v for v in views if v.reviewed]
    return sorted(chosen, key=lambda v: (v.decision.occurred_at, v.claim_id))


def claim_review(view: ClaimView, *, base_url: str, organisation: str) -> dict:
    """One ClaimReview for a reviewed claim; ``base_url`` is where the review app is published."""
    decision = view.decision
    if decision is None or not view.reviewed or decision.verdict is None:
        raise ValueError(f"claim {view.claim_id} has no confirm or overturn decision to export")
    value, words = RATINGS[decision.verdict]
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base_url.rstrip('/')}/claims/{view.claim_id}",
        "claimReviewed": view.claim.sentence.strip() or view.claim.text,
        "datePublished": decision.occurred_at.date().isoformat(),
        "author": {"@type": "Organization", "name": organisation},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": words,
        },
        "itemReviewed": _item_reviewed(view),
    }
    if decision.comment:
        review["reviewBody"] = decision.comment
    return review


def _item_reviewed(view: ClaimView) -> dict:
    article = view.article
    appearance = {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": article.source}}
    if article.url:
        appearance["url"] = article.url
    if article.title:
        appearance["headline"] = article.title
    if article.published_at:
        appearance["datePublished"] = article.published_at.isoformat()
    item = {"@type": "Claim", "author": _claim_author(view), "appearance": appearance}
    if article.published_at:
        item["datePublished"] = article.published_at.date().isoformat()
    return item


def _claim_author(view: ClaimView) -> dict:
    """Who made the claim: the quoted speaker, the credited source, else the outlet."""
    claim = view.claim
    if isinstance(claim, QuoteClaim) and claim.speaker:
        author = {"@type": "Person", "name": claim.speaker.name}
        if claim.speaker.role:
            author["jobTitle"] = claim.speaker.role
        return author
    if isinstance(claim, AttributionClaim):
        return {"@type": "Organization", "name": claim.source.name}
    return {"@type": "Organization", "name": view.article.source}


def claim_reviews(views: Iterable[ClaimView], *, base_url: str, organisation: str) -> list[dict]:
    return [claim_review(v, base_url=base_url, organisation=organisation) for v in reviewed_views(views)]
