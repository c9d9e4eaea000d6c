"""Per-feed state and health in a local state file (shell layer of feed following).

What is *published* is not kept here: that is ``articles.v1`` itself, read back on every start (the
ingest publisher's event-sourced dedup), so no entry is published twice and none is lost whatever
happens to this file. The file holds what only saves work or shows health: the HTTP validators
(ETag, Last-Modified), the entry revisions of link-only feeds already handled (so their pages are
not fetched again), the hashes of refused records already dead-lettered, and each feed's health.
It is written atomically (a temporary file, then ``os.replace``) and only *after* the poll's
articles are on the broker: a crash in between costs one unconditional fetch, never an entry.
``wirecheck feeds status`` reads it from another process.
"""

from __future__ import annotations

import os
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

from services.ingest.follow.config import FeedsConfig
from services.ingest.follow.exceptions import FeedsConfigError
from wirecheck.settings import Settings

Health = Literal["healthy", "failing", "stale", "never polled"]
# A feed is stale when its last success is older than this many poll intervals (backoff included).
STALE_INTERVALS = 3


class FeedState(BaseModel):
    """One feed's validators, what it has handled, and its health."""

    url: str | None = None
    final_url: str | None = None  # after redirects
    etag: str | None = None
    last_modified: str | None = None
    last_attempt_at: datetime | None = None
    last_success_at: datetime | None = None
    last_error_at: datetime | None = None
    last_error: str | None = None
    consecutive_failures: int = 0
    next_poll_at: datetime | None = None
    interval_s: float | None = None
    entries_seen: int = 0  # entries in the last full response
    published_total: int = 0
    refused_total: int = 0
    newest_entry_at: datetime | None = None
    entry_revisions: dict[str, str] = Field(default_factory=dict)  # link-only feeds: key → revision
    refused_hashes: list[str] = Field(default_factory=list)  # dead-lettered already

    def health(self, now: datetime) -> Health:
        """``failing`` after a failed poll, ``stale`` when polls stopped succeeding long ago."""
        if self.last_attempt_at is None:
            return "never polled"
        if self.consecutive_failures:
            return "failing"
        if self.last_success_at and self.interval_s and \
                (now - self.last_success_at).total_seconds() > STALE_INTERVALS * self.interval_s:
            return "stale"
        return "healthy"

    def lag_s(self, now: datetime) -> float | None:
        """Seconds since the feed was last read successfully: how far behind it we may be."""
        return (now - self.last_success_at).total_seconds() if self.last_success_at else None


class StateDocument(BaseModel):
    feeds: dict[str, FeedState] = Field(default_factory=dict)


class StateFile:
    """The state file, shared by the feeds' threads of one process (a lock guards every write)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._document = read_state(path)

    def get(self, name: str) -> FeedState:
        with self._lock:
            return self._document.feeds.get(name, FeedState()).model_copy(deep=True)

    def put(self, name: str, state: FeedState) -> None:
        with self._lock:
            self._document.feeds[name] = state
            _write_atomically(self.path, self._document.model_dump_json(indent=1))


def read_state(path: Path) -> StateDocument:
    """The state in ``path``; an empty one when there is no file yet."""
    try:
        return StateDocument.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        return StateDocument()
    except (OSError, ValidationError) as exc:
        raise FeedsConfigError(f"the feeds state file {path} cannot be read ({exc}); remove it to start "
                               "afresh — what was published is read back from articles.v1") from None


def _write_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def state_path(config: FeedsConfig | None, settings: Settings) -> Path:
    """Where the feeds' state lives: the feeds file's ``state_file``, else under WIRECHECK_HOME."""
    default = settings.home / "feeds" / f"{settings.topic_prefix}state.json"
    return (config.state_file if config else None) or default


def utc_now() -> datetime:
    return datetime.now(timezone.utc)
