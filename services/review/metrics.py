"""The review projection's numbers as Prometheus gauges, computed when scraped (shell layer)."""

from __future__ import annotations

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector, CollectorRegistry

from services.review.queue import agreement_by_kind, queue_depth, verdict_distribution
from services.review.store import ReviewStore


class ReviewCollector(Collector):
    """Queue depth, verdict distribution, reviewer agreement, events seen and dead letters."""

    def __init__(self, store: ReviewStore) -> None:
        self.store = store

    def collect(self):
        snapshot = self.store.read(lambda p: (p.views(), dict(p.counts), dict(p.dead_letters)))
        views, counts, dead = snapshot
        depth = GaugeMetricFamily("wirecheck_review_queue_depth", "Verified claims awaiting a reviewer")
        depth.add_metric([], queue_depth(views))
        yield depth
        dist = GaugeMetricFamily("wirecheck_verdicts_current", "Claims by their verdict in force", labels=["verdict"])
        for verdict, n in verdict_distribution(views).items():
            dist.add_metric([verdict], n)
        yield dist
        agree = GaugeMetricFamily("wirecheck_reviewer_agreement_ratio",
                                  "Share of reviewer decisions confirming the verifier, per claim kind",
                                  labels=["kind"])
        decided = GaugeMetricFamily("wirecheck_reviewed_claims", "Claims with a reviewer decision in force",
                                    labels=["kind"])
        for kind, (agreed, total) in agreement_by_kind(views).items():
            decided.add_metric([kind], total)
            if total:
                agree.add_metric([kind], agreed / total)
        yield agree
        yield decided
        seen = GaugeMetricFamily("wirecheck_topic_events", "Events on the pipeline's topics, by type",
                                 labels=["event_type"])
        for event_type, n in sorted(counts.items()):
            seen.add_metric([event_type], n)
        yield seen
        letters = GaugeMetricFamily("wirecheck_deadletters", "Records on deadletter.v1 by stage and reason",
                                    labels=["stage", "error_type"])
        for (stage, error_type), n in sorted(dead.items()):
            letters.add_metric([stage, error_type], n)
        yield letters


def review_registry(store: ReviewStore) -> CollectorRegistry:
    """A registry of this app's projection (one per app, so tests can run several apps)."""
    registry = CollectorRegistry(auto_describe=True)
    registry.register(ReviewCollector(store))
    return registry
