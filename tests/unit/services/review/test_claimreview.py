"""Reviewed claims as schema.org ClaimReview JSON-LD: the fields search engines and aggregators read."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from services.review.claimreview import claim_review, claim_reviews, reviewed_views
from services.review.constants import RATINGS
from tests.unit.services.review.conftest import make_view

BASE = "https://review.example/"


def validate_claim_review(review: dict) -> None:
    """The schema.org ClaimReview fields issue 5 asks for, with their types."""
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    assert review["url"].startswith("https://") or review["url"].startswith("http://")
    date.fromisoformat(review["datePublished"])
    assert review["author"]["@type"] in ("Organization", "Person") and review["author"]["name"]
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"]
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Organization", "Person") and item["author"]["name"]
    appearance = item["appearance"]
    assert appearance["@type"] in ("NewsArticle", "CreativeWork") and appearance["url"].startswith("http")
    assert appearance["publisher"]["name"]
    json.dumps(review)  # JSON-serialisable as is


@pytest.mark.parametrize(("kind", "decision", "verdict", "author", "rating"), [
    ("quote", "confirm", "single_source", ("Person", "Ann Smith"), 3),
    ("attribution", "overturn", "contested", ("Organization", "Civil Defence"), 4),
    ("figure", "confirm", "contested", ("Organization", "Reuters"), 1),
])
def test_claim_review_fields(kind, decision, verdict, author, rating) -> None:
    view = make_view(kind=kind, verdict=verdict, decision=decision)
    review = claim_review(view, base_url=BASE, organisation="Desk")
    validate_claim_review(review)
    assert review["url"] == f"https://review.example/claims/{view.claim_id}"
    assert review["claimReviewed"] == view.claim.sentence
    assert review["author"] == {"@type": "Organization", "name": "Desk"}
    assert (review["itemReviewed"]["author"]["@type"], review["itemReviewed"]["author"]["name"]) == author
    assert review["reviewRating"]["ratingValue"] == rating
    assert review["reviewRating"]["alternateName"] == RATINGS[view.decision.verdict][1]
    assert review["itemReviewed"]["appearance"]["url"] == view.article.url
    assert review["datePublished"] == view.decision.occurred_at.date().isoformat()


def test_only_confirmed_or_overturned_claims_are_exported() -> None:
    views = [make_view(text="a", decision="confirm"), make_view(text="b", decision="needs_evidence"),
             make_view(text="c")]
    assert [v.claim.text for v in reviewed_views(views)] == ["a"]
    assert len(claim_reviews(views, base_url=BASE, organisation="Desk")) == 1
    with pytest.raises(ValueError, match="no confirm or overturn"):
        claim_review(views[2], base_url=BASE, organisation="Desk")


def test_quote_author_keeps_the_role() -> None:
    review = claim_review(make_view(kind="quote", decision="confirm"), base_url=BASE, organisation="Desk")
    assert review["itemReviewed"]["author"]["jobTitle"] == "spokeswoman"
    assert datetime.fromisoformat(review["itemReviewed"]["appearance"]["datePublished"])
