"""Queue order and filters over claim views, and the projection they come from (pure)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from services.review.projection import ReviewProjection
from services.review.queue import QueueFilter, agreement_by_kind, order_queue, queue_depth, verdict_distribution
from tests.unit.services.review.conftest import make_decision, make_view


@pytest.mark.parametrize(("views", "expected"), [
    # contested first, whatever its kind
    ([dict(verdict="single_source", kind="quote", text="a"), dict(verdict="contested", kind="quote", text="b")],
     ["b", "a"]),
    # then high-impact single-source figures (people, money) before other single-source figures
    ([dict(verdict="single_source", quantity="length", text="5 km"),
      dict(verdict="single_source", quantity="people", text="120 people"),
      dict(verdict="contested", quantity="length", text="7 km")],
     ["7 km", "120 people", "5 km"]),
    ([dict(verdict="single_source", quantity="year", text="2014"),
      dict(verdict="single_source", quantity="money", text="$5m")], ["$5m", "2014"]),
    # a corroborated people count is not high impact: it has its sources
    ([dict(verdict="corroborated", quantity="people", text="40 people"),
      dict(verdict="single_source", quantity="people", text="90 people")], ["90 people", "40 people"]),
    # within a tier, the newest article first
    ([dict(verdict="contested", hours=1, text="old"), dict(verdict="contested", hours=5, text="new")],
     ["new", "old"]),
    # reviewed claims sink below every open one; asking for evidence keeps a claim open
    ([dict(verdict="contested", decision="confirm", text="done"),
      dict(verdict="unverified", kind="quote", text="open"),
      dict(verdict="contested", decision="needs_evidence", text="back")], ["back", "open", "done"]),
])
def test_queue_order(views, expected) -> None:
    ordered = order_queue([make_view(**v) for v in views])
    assert [v.claim.text for v in ordered] == expected


VIEWS = [
    dict(verdict="contested", kind="figure", outlet="Reuters", hours=0, text="a"),
    dict(verdict="single_source", kind="quote", outlet="Cedar News", hours=30, text="b"),
    dict(verdict="corroborated", kind="attribution", outlet="Reuters", hours=60, text="c"),
]


@pytest.mark.parametrize(("queue_filter", "expected"), [
    (QueueFilter(), {"a", "b", "c"}),
    (QueueFilter(verdict="contested"), {"a"}),
    (QueueFilter(verdict="unverified"), set()),
    (QueueFilter(kind="quote"), {"b"}),
    (QueueFilter(outlet="Reuters"), {"a", "c"}),
    (QueueFilter(outlet="Nobody"), set()),
    (QueueFilter(since=date(2024, 12, 7)), {"b", "c"}),
    (QueueFilter(until=date(2024, 12, 7)), {"a", "b"}),
    (QueueFilter(since=date(2024, 12, 7), until=date(2024, 12, 7), outlet="Reuters"), set()),
    (QueueFilter(verdict="", kind="", outlet="", since="", until=""), {"a", "b", "c"}),
])
def test_queue_filters(queue_filter: QueueFilter, expected: set[str]) -> None:
    assert {v.claim.text for v in order_queue([make_view(**v) for v in VIEWS], queue_filter)} == expected


def test_depth_distribution_and_agreement() -> None:
    views = [make_view(verdict="contested", text="a", decision="confirm"),
             make_view(verdict="contested", text="b", decision="overturn"),
             make_view(verdict="single_source", kind="quote", text="c", decision="confirm"),
             make_view(verdict="corroborated", kind="quote", text="d")]
    assert queue_depth(views) == 1
    assert verdict_distribution(views) == {"single_source": 1, "corroborated": 1, "contested": 2, "unverified": 0}
    assert agreement_by_kind(views) == {"quote": (1, 1), "attribution": (0, 0), "figure": (1, 2)}


def test_the_sample_feed_queue_starts_with_contested_then_high_impact(projection: ReviewProjection) -> None:
    ordered = order_queue(projection.views())
    tiers = [v.tier for v in ordered]
    assert tiers == sorted(tiers) and tiers[0] == 0 and 1 in tiers
    assert ordered[0].verdict.verdict == "contested"
    first_high = next(v for v in ordered if v.tier == 1)
    assert first_high.claim.kind == "figure" and first_high.claim.quantity == "people"


def test_replay_in_any_order_or_twice_gives_the_same_queue(feed_events) -> None:
    def queue(events) -> list[tuple]:
        folded = ReviewProjection()
        for event in events:
            folded.apply(event)
        return [(v.claim_id, v.verdict.revision, v.token) for v in order_queue(folded.views())]

    shuffled = list(feed_events)
    random.Random(5).shuffle(shuffled)
    assert queue(feed_events) == queue(shuffled) == queue(feed_events + feed_events)


def test_the_decision_in_force_is_the_latest(projection: ReviewProjection) -> None:
    claim_id = next(iter(projection.verdicts))
    later = make_decision(claim_id, "overturn", "corroborated", reviewer="bob", minutes=5)
    earlier = make_decision(claim_id, "confirm", "contested", reviewer="alice", minutes=1)
    assert projection.apply(later) and projection.apply(earlier) and not projection.apply(later)
    view = projection.view(claim_id)
    assert view.decision == later and view.reviewed and len(view.decisions) == 2


def test_article_to_verdict_latency_needs_both_ends(projection: ReviewProjection) -> None:
    latencies = projection.article_to_verdict_seconds()
    assert latencies and all(v >= 0 for v in latencies.values())
    assert set(latencies) <= set(projection.first_verdict_at)
    assert ReviewProjection().article_to_verdict_seconds() == {}
    assert timedelta(seconds=max(latencies.values())) < timedelta(days=1)
