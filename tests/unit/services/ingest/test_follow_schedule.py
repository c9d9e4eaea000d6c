"""When a feed is polled next: exponential backoff with equal jitter, Retry-After honoured within a cap."""

import random
from datetime import datetime, timezone

import pytest

from services.ingest.follow.config import PollSettings
from services.ingest.follow.schedule import backoff_delay, delay_after_failure, retry_after_seconds

NOW = datetime(2026, 1, 5, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("failures", "low", "high"), [
    (1, 2.5, 5.0), (2, 5.0, 10.0), (3, 10.0, 20.0), (5, 40.0, 80.0), (8, 50.0, 100.0), (30, 50.0, 100.0),
])
def test_backoff_doubles_up_to_the_cap_with_jitter_in_the_upper_half(failures: int, low: float, high: float) -> None:
    rng = random.Random(7)
    delays = [backoff_delay(failures, initial_s=5, max_s=100, rng=rng) for _ in range(200)]
    assert low <= min(delays) and max(delays) <= high
    assert max(delays) - min(delays) > (high - low) / 2  # jitter spreads retries


@pytest.mark.parametrize(("header", "seconds"), [
    ("120", 120.0),
    ("0", 0.0),
    ("Mon, 05 Jan 2026 12:01:30 GMT", 90.0),
    ("Mon, 05 Jan 2026 11:00:00 GMT", 0.0),  # a date in the past: now
    ("soon", None),
    ("", None),
    (None, None),
])
def test_retry_after_as_seconds_or_an_http_date(header: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(header, now=NOW) == seconds


def test_retry_after_longer_than_the_backoff_wins_up_to_its_cap() -> None:
    settings = PollSettings(backoff_initial_s=1, backoff_max_s=10, retry_after_max_s=600)
    rng = random.Random(1)
    assert delay_after_failure(settings, 1, 30.0, rng) == 30.0
    assert delay_after_failure(settings, 1, 7200.0, rng) == 600.0
    assert 0.5 <= delay_after_failure(settings, 1, 0.1, rng) <= 1.0  # shorter than the backoff: backoff
    assert 0.5 <= delay_after_failure(settings, 1, None, rng) <= 1.0
