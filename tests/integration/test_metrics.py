"""Consumer lag per partition as Prometheus sees it, sampled from a real broker."""

import threading
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from schemas.registry import ARTICLES
from services.ingest.runner import ingest_paths
from tests.integration.helpers import wait_until
from wirecheck.metrics import LagSampler

pytestmark = pytest.mark.kafka
FEED = Path(__file__).resolve().parents[2] / "samples" / "feed"


def _lag(settings) -> float:
    topic = settings.topic(ARTICLES)
    return sum(s.value for m in REGISTRY.collect() if m.name == "wirecheck_consumer_lag_records"
               for s in m.samples if s.labels.get("topic") == topic and s.labels.get("stage") == "claims")


def test_lag_counts_unhandled_records_per_partition(kafka_settings) -> None:
    assert len(ingest_paths([str(FEED / "01-reuters-wire.txt"), str(FEED / "04-cedar-news.txt")],
                            kafka_settings).published) == 2
    stop = threading.Event()
    LagSampler(kafka_settings, "claims", (ARTICLES,), stop, interval_s=0.2).start()
    try:
        assert wait_until(lambda: _lag(kafka_settings) == 2, timeout_s=30, what="a lag of 2 articles")
    finally:
        stop.set()
