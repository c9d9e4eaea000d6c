"""When to poll a feed next (pure core of feed following).

After a successful poll, the feed's own interval. After a failure, exponential backoff with "equal
jitter" (Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 2015): half the capped
exponential delay plus a random share of the other half, so feeds that failed together do not
retry together, yet never sooner than half the delay. A server's ``Retry-After`` (RFC 9110 §10.2.3:
seconds or an HTTP date) is honoured when it asks for longer than the backoff, up to a cap.
"""

from __future__ import annotations

import random
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

from services.ingest.follow.config import PollSettings


def backoff_delay(failures: int, *, initial_s: float, max_s: float, rng: random.Random) -> float:
    """Seconds to wait after ``failures`` consecutive failures (1 for the first)."""
    capped = min(max_s, initial_s * 2 ** max(0, failures - 1))
    return capped / 2 + rng.uniform(0, capped / 2)


def retry_after_seconds(value: str | None, *, now: datetime) -> float | None:
    """A ``Retry-After`` header in seconds from ``now``; None when absent or unreadable."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - now).total_seconds())


def delay_after_failure(settings: PollSettings, failures: int, retry_after: float | None,
                        rng: random.Random) -> float:
    """The wait after a failed poll: the backoff, or the server's Retry-After when that is longer."""
    backoff = backoff_delay(failures, initial_s=settings.backoff_initial_s, max_s=settings.backoff_max_s, rng=rng)
    if retry_after is None:
        return backoff
    return max(backoff, min(retry_after, settings.retry_after_max_s))
