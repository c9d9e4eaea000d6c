"""The first acceptance case: the Homs article of 2024-12-06 (shared/seeds/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas.ids import claim_id
from services.claims.extract import EXTRACTOR_VERSION, extract_claims

# The repo sits beside shared/ (/work/main and /work/shared here; a CI clone has a copy beside it).
SEEDS = Path(__file__).resolve().parents[4] / ".." / "shared" / "seeds"
ARTICLE_ID = "seed-homs-2024-12-06"


@pytest.fixture(scope="module")
def body() -> str:
    return (SEEDS / "homs-2024-12-06.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def claims(body: str):
    return extract_claims(body, article_id=ARTICLE_ID)


def _of(claims, kind: str) -> list:
    return [c for c in claims if c.kind == kind]


def test_every_claim_quotes_the_body_exactly(body: str, claims) -> None:
    assert claims
    for claim in claims:
        assert claim.text == body[claim.span[0]:claim.span[1]]
        assert claim.sentence == body[claim.sentence_span[0]:claim.sentence_span[1]]
        assert claim.sentence_span[0] <= claim.span[0] <= claim.span[1] <= claim.sentence_span[1]
        assert claim.claim_id == claim_id(
            article_id=ARTICLE_ID, extractor_version=EXTRACTOR_VERSION, kind=claim.kind, span=claim.span
        )
    assert [c.span[0] for c in claims] == sorted(c.span[0] for c in claims)


def test_quotes(body: str, claims) -> None:
    quotes = [
        (q.quote_type, q.text, q.speaker.name, q.speaker.as_written, q.speaker.role, q.cue, q.channel)
        for q in _of(claims, "quote")
    ]
    assert quotes == [
        ("direct",
         "Hayat Tahrir al-Sham (HTS) and allied factions are now just five kilometers—barely three "
         "miles—from the outskirts of Homs",
         "Rami Abdel Rahman", "Rami Abdel Rahman", "head of SOHR", "revealed", None),
        ("mixed", "continue to march steadily towards the city of Homs",
         "Hassan Abdel Ghani", "Hassan Abdel Ghani", "rebel commander", "declared", "on Telegram"),
        ("direct",
         "These are fighters who were forced to flee their city years ago under Assad’s iron grip",
         "Hassan Abdel Ghani", "Abdel Ghani", "rebel commander", "said", None),
        ("direct",
         "Now, they are returning to reclaim what was taken from them and to deter Assad’s aggression "
         "against their home",
         "Hassan Abdel Ghani", "Abdel Ghani", "rebel commander", None, None),
    ]


def test_quote_spans_and_cue_spans(body: str, claims) -> None:
    first, mixed, split, continuation = _of(claims, "quote")
    assert body[first.span[1]:first.span[1] + 2] == ",”"
    assert body[first.speaker.span[0]:first.speaker.span[1]] == "Rami Abdel Rahman"
    assert body[first.cue_span[0]:first.cue_span[1]] == "revealed"
    assert mixed.sentence.startswith("Rebel commander Hassan Abdel Ghani declared on Telegram")
    assert body[split.speaker.span[0]:split.speaker.span[1]] == "Abdel Ghani"
    assert continuation.speaker.span is None and continuation.cue_span is None
    assert continuation.sentence_span[0] == continuation.span[0] - 1  # opens on the quote mark


def test_no_claim_for_the_scare_quote(claims) -> None:
    assert not [c for c in claims if "capital of the revolution" in c.text]


def test_attributions(claims) -> None:
    attributions = [(a.text, a.source.name, a.source.aliases, a.cue) for a in _of(claims, "attribution")]
    assert attributions == [
        ("In a blitzkrieg campaign, rebels seized two pivotal towns, Rastan and Talbisseh, marking an "
         "alarming escalation in their assault",
         "Syrian Observatory for Human Rights", ("SOHR",), "according to"),
        ("Tens of thousands of Alawite residents are fleeing Homs toward the coast, fearing persecution "
         "and violence as the rebels close in",
         "Syrian Observatory for Human Rights", ("SOHR",), "reported"),
    ]


def test_figures(claims) -> None:
    figures = {f.text: f for f in _of(claims, "figure")}
    assert sorted(figures) == sorted([
        "third-largest", "two pivotal towns", "five kilometers—barely three miles", "2011", "2014",
        "two-year", "over 100 people", "2016", "Tens of thousands of Alawite residents",
    ])
    years = [f for f in _of(claims, "figure") if f.quantity == "year"]
    assert [(f.text, f.value) for f in years] == [("2011", 2011), ("2014", 2014), ("2014", 2014), ("2016", 2016)]
    assert (figures["third-largest"].value, figures["third-largest"].quantity) == (3, "rank")
    towns = figures["two pivotal towns"]
    assert (towns.value, towns.quantity, towns.about) == (2, "count", "towns")
    distance = figures["five kilometers—barely three miles"]
    assert (distance.value, distance.unit, distance.quantity, distance.qualifier) == (5, "km", "length", "barely")
    assert [(e.text, e.value, e.unit) for e in distance.equivalents] == [("three miles", 3, "mi")]
    siege = figures["two-year"]
    assert (siege.value, siege.unit, siege.quantity) == (2, "year", "duration")
    toll = figures["over 100 people"]
    assert (toll.value, toll.low, toll.low_inclusive, toll.high) == (None, 100, False, None)
    assert (toll.qualifier, toll.quantity, toll.about) == ("over", "people", "people killed")
    exodus = figures["Tens of thousands of Alawite residents"]
    assert (exodus.low, exodus.low_inclusive, exodus.high, exodus.high_inclusive) == (10_000, True, 100_000, False)
    assert (exodus.qualifier, exodus.approximate) == ("tens of", True)


def test_figures_are_linked_to_the_statement_that_carries_them(claims) -> None:
    by_text = {c.text: c for c in claims}
    first_quote, *_ = _of(claims, "quote")
    according, reported = _of(claims, "attribution")
    assert by_text["five kilometers—barely three miles"].in_claim_id == first_quote.claim_id
    assert by_text["two pivotal towns"].in_claim_id == according.claim_id
    assert by_text["Tens of thousands of Alawite residents"].in_claim_id == reported.claim_id
    assert by_text["over 100 people"].in_claim_id is None
