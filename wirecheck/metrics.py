"""Prometheus metrics of every service (shell layer), served on WIRECHECK_METRICS_PORT when set."""

from __future__ import annotations

from prometheus_client import Counter, Histogram, start_http_server

EVENTS_CONSUMED = Counter("wirecheck_events_consumed_total", "Input records read by a stage", ["stage"])
EVENTS_PRODUCED = Counter("wirecheck_events_produced_total", "Events written by a stage", ["stage", "topic"])
DEAD_LETTERED = Counter("wirecheck_deadlettered_total", "Records sent to the dead-letter topic",
                        ["stage", "error_type"])
BATCH_SECONDS = Histogram("wirecheck_batch_seconds", "Time to handle and commit one poll's batch", ["stage"])
ARTICLES_INGESTED = Counter("wirecheck_articles_ingested_total", "Articles published by ingest", ["outcome"])


def serve_metrics(port: int | None, *, host: str = "127.0.0.1") -> None:
    """Expose /metrics on ``host:port``; ``None`` or 0 keeps metrics in-process only."""
    if port:
        start_http_server(port, addr=host)
