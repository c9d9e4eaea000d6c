"""Fetching feeds and pages over HTTP with httpx (shell layer of feed following).

Every request is conditional when the feed gave validators (``If-None-Match`` / ``If-Modified-Since``,
RFC 9110 §13), follows at most ``max_redirects`` redirects, is bounded in time (httpx's per-phase
timeout, plus a deadline for the whole body, so a server that drips bytes cannot hold the feed) and
in size (the decoded body is counted as it streams, so a gzip bomb is cut off too). Failures raise
``FetchFailedError`` with a reason fit for the feed's health and, for 429/503, the ``Retry-After``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timezone

import httpx

from services.ingest.follow.config import FeedConfig
from services.ingest.follow.exceptions import FetchFailedError
from services.ingest.follow.schedule import retry_after_seconds
from wirecheck import __version__

USER_AGENT = f"wirecheck/{__version__} (feed follower)"
# Statuses that mean "not now": the server is overloaded or rate-limits us (RFC 6585 §4, RFC 9110 §15.6.4).
SLOW_DOWN = frozenset({429, 503})


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version it sent, for the next conditional request."""

    etag: str | None = None
    last_modified: str | None = None

    def request_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class Fetched:
    """A response: ``body`` is None when the server answered 304 Not Modified."""

    body: bytes | None
    validators: Validators
    url: str  # after redirects
    charset: str | None = None  # the Content-Type's charset, for a body that does not declare its own


def open_client(feed: FeedConfig) -> httpx.Client:
    """The HTTP client of one feed: its timeouts, redirect limit and headers (auth included)."""
    return httpx.Client(follow_redirects=True, max_redirects=feed.max_redirects,
                        timeout=httpx.Timeout(feed.timeout_s),
                        headers={"User-Agent": USER_AGENT, **feed.request_headers()})


def fetch(client: httpx.Client, url: str, *, feed: FeedConfig,
          validators: Validators = Validators()) -> Fetched:
    """GET ``url`` within the feed's limits; ``FetchFailedError`` says why not."""
    deadline = time.monotonic() + feed.timeout_s
    try:
        with client.stream("GET", url, headers=validators.request_headers()) as response:
            if response.status_code == 304:
                return Fetched(None, _validators(response, previous=validators), str(response.url))
            _check_status(response)
            body = _read_capped(response, max_bytes=feed.max_bytes, deadline=deadline, timeout_s=feed.timeout_s)
            return Fetched(body, _validators(response), str(response.url), response.charset_encoding)
    except httpx.TimeoutException:
        raise FetchFailedError(f"timed out after {feed.timeout_s:g} s") from None
    except httpx.TooManyRedirects:
        raise FetchFailedError(f"more than {feed.max_redirects} redirects") from None
    except httpx.HTTPError as exc:
        raise FetchFailedError(f"request failed ({type(exc).__name__}: {exc})") from None


def _check_status(response: httpx.Response) -> None:
    status = response.status_code
    if status in SLOW_DOWN:
        wait = retry_after_seconds(response.headers.get("retry-after"), now=datetime.now(timezone.utc))
        raise FetchFailedError(f"HTTP {status} {response.reason_phrase}" + (f", retry after {wait:g} s" if wait else ""),
                               status=status, retry_after=wait)
    if status != 200:
        raise FetchFailedError(f"HTTP {status} {response.reason_phrase}", status=status)


def _read_capped(response: httpx.Response, *, max_bytes: int, deadline: float, timeout_s: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailedError(f"the body is {int(declared):,} bytes, over the limit of {max_bytes:,}")
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchFailedError(f"the body is over the limit of {max_bytes:,} bytes")
        if time.monotonic() > deadline:
            raise FetchFailedError(f"timed out after {timeout_s:g} s (the body kept coming)")
        chunks.append(chunk)
    return b"".join(chunks)


def _validators(response: httpx.Response, previous: Validators = Validators()) -> Validators:
    """The response's validators; a 304 that repeats none keeps the ones we sent."""
    return Validators(etag=response.headers.get("etag") or previous.etag,
                      last_modified=response.headers.get("last-modified") or previous.last_modified)
