"""Errors of feed following, under the ingest service's base class."""

from __future__ import annotations

from services.ingest.exceptions import IngestError


class FeedsConfigError(IngestError):
    """The feeds configuration cannot be used; the message names every bad entry and its fault."""


class FetchFailedError(IngestError):
    """A feed or page could not be fetched this time; the feed is polled again after a backoff.

    ``retry_after`` is the server's own ``Retry-After`` in seconds when it sent one (429, 503).
    """

    def __init__(self, reason: str, *, status: int | None = None, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after
