"""Prometheus metrics of every service (shell layer), served on WIRECHECK_METRICS_PORT when set.

One module names every metric, so the Grafana dashboard (deploy/grafana/dashboards/) and the review
app's dashboard page read the same series. Stage metrics are recorded by ``wirecheck.stream``;
consumer lag is sampled by ``LagSampler`` (offsets overstate it on transactional topics, see
``wirecheck.lag``); the review app adds the projection's numbers (``services.review.metrics``).
"""

from __future__ import annotations

import threading

import structlog
from prometheus_client import Counter, Gauge, Histogram, start_http_server

log = structlog.get_logger()

EVENTS_CONSUMED = Counter("wirecheck_events_consumed_total", "Input records read by a stage", ["stage"])
EVENTS_PRODUCED = Counter("wirecheck_events_produced_total", "Events written by a stage", ["stage", "topic"])
DEAD_LETTERED = Counter("wirecheck_deadlettered_total", "Records sent to the dead-letter topic",
                        ["stage", "error_type"])
BATCH_SECONDS = Histogram("wirecheck_batch_seconds", "Time to handle and commit one poll's batch", ["stage"])
ARTICLES_INGESTED = Counter("wirecheck_articles_ingested_total", "Articles published by ingest", ["outcome"])

# Per-record handler time; buckets from 1 ms (a figure claim) to 10 s (a long article's extraction).
EVENT_SECONDS = Histogram("wirecheck_event_processing_seconds", "Time to handle one input record",
                          ["stage"], buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
VERDICTS_EMITTED = Counter("wirecheck_verdicts_emitted_total", "VerdictChanged events written",
                           ["verdict", "decided_by"])
CONSUMER_LAG = Gauge("wirecheck_consumer_lag_records",
                     "Committed records a stage's group has not handled yet", ["stage", "topic", "partition"])
# Seconds from ArticlePublished to the claim's first verdict on the broker; a pipeline that keeps
# up answers in seconds, a backlog in minutes.
ARTICLE_TO_VERDICT_SECONDS = Histogram(
    "wirecheck_article_to_verdict_seconds", "End-to-end latency: article ingested to first verdict written",
    buckets=(0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600))
REVIEW_DECISIONS = Counter("wirecheck_review_decisions_total", "Decisions recorded through the review app",
                           ["kind", "decision"])
REVIEW_CONFLICTS = Counter("wirecheck_review_conflicts_total",
                           "Decisions refused because the claim changed since the reviewer saw it")

# Followed HTTP feeds (services.ingest.follow), one series per feed name of the feeds file.
FEED_POLLS = Counter("wirecheck_feed_polls_total", "Polls of a followed feed by outcome "
                     "(updated, not_modified, failed)", ["feed", "outcome"])
FEED_ENTRIES = Counter("wirecheck_feed_entries_total", "Feed entries by what became of them "
                       "(published, duplicate, superseded, refused)", ["feed", "outcome"])
FEED_ENTRIES_SEEN = Gauge("wirecheck_feed_entries_seen", "Entries in the feed's last full response", ["feed"])
FEED_UP = Gauge("wirecheck_feed_up", "1 when the feed's last poll succeeded, 0 when it failed", ["feed"])
FEED_LAST_SUCCESS = Gauge("wirecheck_feed_last_success_timestamp_seconds", "When the feed was last read", ["feed"])
FEED_LAST_ERROR = Gauge("wirecheck_feed_last_error_timestamp_seconds", "When a poll of the feed last failed",
                        ["feed"])
FEED_LAG = Gauge("wirecheck_feed_lag_seconds", "Seconds since the feed was last read successfully", ["feed"])
# From an entry's own publication time to ours: a second for a wire read every few seconds, hours
# for a feed polled hourly or an entry back-dated by its publisher.
FEED_ENTRY_DELAY_SECONDS = Histogram(
    "wirecheck_feed_entry_delay_seconds", "Entry's published time to its publication on articles.v1", ["feed"],
    buckets=(1, 5, 15, 60, 300, 900, 3600, 21600, 86400))


def serve_metrics(port: int | None, *, host: str = "127.0.0.1") -> None:
    """Expose /metrics on ``host:port``; ``None`` or 0 keeps metrics in-process only."""
    if port:
        start_http_server(port, addr=host)


class LagSampler(threading.Thread):
    """Samples a stage's consumer lag per partition every ``interval_s`` into CONSUMER_LAG."""

    def __init__(self, settings, stage: str, inputs: tuple[str, ...], stop: threading.Event,
                 interval_s: float = 15.0) -> None:
        super().__init__(name=f"lag-{stage}", daemon=True)
        self.settings, self.stage, self.inputs = settings, stage, inputs
        self.stop, self.interval_s = stop, interval_s

    def run(self) -> None:
        from wirecheck.lag import pending_records

        while not self.stop.wait(self.interval_s):
            try:
                pending = pending_records(self.settings, self.stage, self.inputs)
            except Exception as exc:  # noqa: BLE001 — a missed sample must not stop the stage
                log.warning("lag sample failed", stage=self.stage, error=repr(exc))
                continue
            for tp, count in pending.items():
                CONSUMER_LAG.labels(self.stage, tp.topic, str(tp.partition)).set(count)
