"""The feeds configuration: a TOML file of feeds to follow, validated with pydantic (pure core).

```toml
state_file = "var/feeds/state.json"   # optional; default <WIRECHECK_HOME>/feeds/<prefix>state.json

[defaults]                             # optional; any per-feed setting below except name/url/outlet
interval_s = 60

[[feeds]]
name = "meridian-world"                # unique; names the feed in logs, metrics and the state file
url = "https://wire.example/world.atom"
outlet = "Meridian Wire"               # optional: the outlet of every entry (else the feed's title)
format = "auto"                        # auto | rss | atom | ninjs | newsml | jsonl
content = "full"                       # full: entries carry their text; links: fetch each entry's page
auth = { header = "Authorization", env = "MERIDIAN_TOKEN" }   # the value comes from the environment
```

A bad file raises ``FeedsConfigError`` naming every bad entry (``feeds[2] 'cedar': url: …``), so a
user fixes them all in one go. Secrets never sit in the file: ``auth.env`` names the variable.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, ValidationError, field_validator

from services.ingest.follow.exceptions import FeedsConfigError

Format = Literal["auto", "rss", "atom", "ninjs", "newsml", "jsonl"]
# What services.ingest.formats.detect_format says of each configured format.
DETECTED_AS: dict[str, str] = {"rss": "feed", "atom": "feed", "ninjs": "ninjs", "newsml": "newsml",
                               "jsonl": "jsonl"}
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"  # safe as a metric label and a file key


class Auth(BaseModel):
    """An HTTP header whose value is read from an environment variable when following starts."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    header: str = Field(default="Authorization", pattern=r"^[A-Za-z0-9-]+$")
    env: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")

    def value(self, feed: str) -> str:
        value = os.environ.get(self.env)
        if not value:
            raise FeedsConfigError(f"feed {feed!r}: its auth header {self.header} comes from the environment "
                                   f"variable {self.env}, which is not set")
        return value


class PollSettings(BaseModel):
    """How a feed is polled; ``[defaults]`` sets them for every feed, a feed may override each."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # A minute is the poll interval news aggregators commonly default to; wires allow faster.
    interval_s: float = Field(default=60.0, gt=0)
    timeout_s: float = Field(default=10.0, gt=0, description="Whole request, connect to last byte.")
    # 10 MB holds a feed of hundreds of full-text items; more is a broken or hostile server.
    max_bytes: int = Field(default=10_000_000, gt=0)
    max_redirects: int = Field(default=5, ge=0)
    backoff_initial_s: float = Field(default=5.0, gt=0)
    backoff_max_s: float = Field(default=900.0, gt=0)
    # A server asking for more than an hour is treated as asking for an hour.
    retry_after_max_s: float = Field(default=3600.0, gt=0)
    content: Literal["full", "links"] = "full"
    format: Format = "auto"


class FeedConfig(PollSettings):
    """One feed to follow."""

    name: str = Field(pattern=NAME_PATTERN)
    url: HttpUrl
    outlet: str | None = None
    auth: Auth | None = None

    @field_validator("outlet")
    @classmethod
    def _outlet_not_blank(cls, value: str | None) -> str | None:
        if value is not None and not value.strip():
            raise ValueError("must not be blank; leave it out to use the feed's own title")
        return value.strip() if value else value

    def request_headers(self) -> dict[str, str]:
        """Headers sent with every request of this feed (its auth header, read from the environment)."""
        return {self.auth.header: self.auth.value(self.name)} if self.auth else {}


class FeedsConfig(BaseModel):
    model_config = ConfigDict(frozen=True)

    feeds: tuple[FeedConfig, ...]
    state_file: Path | None = None
    source: Path | None = None  # the file it was read from, for messages


def load_feeds(path: Path) -> FeedsConfig:
    """Read and validate a feeds file; ``FeedsConfigError`` lists everything wrong with it."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FeedsConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FeedsConfigError(f"{path}: not valid TOML ({exc})") from None
    return parse_feeds(document, where=str(path), base=path.parent)


def parse_feeds(document: dict[str, Any], *, where: str, base: Path) -> FeedsConfig:
    """The configuration in a parsed TOML document; relative paths are relative to ``base``."""
    unknown = set(document) - {"feeds", "defaults", "state_file"}
    problems = [f"unknown top-level key {key!r} (expected feeds, defaults, state_file)" for key in sorted(unknown)]
    defaults = document.get("defaults", {})
    try:
        PollSettings(**defaults)
    except (ValidationError, TypeError) as exc:
        problems += [f"[defaults] {p}" for p in _problems(exc)]
        defaults = {}
    entries = document.get("feeds")
    if not isinstance(entries, list) or not entries:
        problems.append("no [[feeds]] entries: list at least one feed")
        entries = []
    feeds = _feeds(entries, defaults, problems)
    if problems:
        raise FeedsConfigError(f"{where}: " + "\n  ".join(["the feeds configuration has errors:", *problems]))
    state_file = document.get("state_file")
    return FeedsConfig(feeds=tuple(feeds), source=Path(where),
                       state_file=base / state_file if isinstance(state_file, str) else None)


def _feeds(entries: list[Any], defaults: dict[str, Any], problems: list[str]) -> list[FeedConfig]:
    feeds: list[FeedConfig] = []
    names: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        label = f"feeds[{number}]" + (f" {entry.get('name')!r}" if isinstance(entry, dict) and entry.get("name") else "")
        if not isinstance(entry, dict):
            problems.append(f"{label}: must be a table ([[feeds]])")
            continue
        try:
            feed = FeedConfig(**{**defaults, **entry})
        except (ValidationError, TypeError) as exc:
            problems += [f"{label}: {p}" for p in _problems(exc)]
            continue
        if feed.name in names:
            problems.append(f"{label}: the name is used by an earlier feed; names must be unique")
        names.add(feed.name)
        feeds.append(feed)
    return feeds


def _problems(exc: Exception) -> list[str]:
    if isinstance(exc, ValidationError):
        return [f"{'.'.join(map(str, e['loc'])) or 'value'}: {e['msg']}" for e in exc.errors()]
    return [str(exc)]
