"""`wirecheck feeds status|check` (shell layer; registered in cli.py).

Status reads the state file the following ingest service writes after every poll (see
``services.ingest.follow.state``), so it works from any process on the same WIRECHECK_HOME.
"""

from __future__ import annotations

import json
import sys
import threading
from datetime import datetime
from pathlib import Path

import click

from services.ingest.follow.config import FeedsConfig, load_feeds
from services.ingest.follow.state import FeedState, read_state, state_path, utc_now
from wirecheck.settings import Settings

COLUMNS = ("feed", "health", "last success", "entries", "published", "refused", "lag", "last error")


@click.group("feeds")
def feeds() -> None:
    """Check a feeds file and show the health of the feeds the ingest service follows."""


def _config(feeds_file: Path | None, settings: Settings) -> FeedsConfig | None:
    path = feeds_file or settings.feeds_file
    return load_feeds_or_exit(path) if path else None


@feeds.command("check")
@click.argument("feeds_file", type=click.Path(dir_okay=False, path_type=Path))
def check(feeds_file: Path) -> None:
    """Validate FEEDS_FILE and list its feeds; every bad entry is named with its fault."""
    config = load_feeds_or_exit(feeds_file)
    for feed in config.feeds:
        click.echo(f"{feed.name}: {feed.url} ({feed.format}, {feed.content} text, every {feed.interval_s:g} s"
                   + (f", outlet {feed.outlet}" if feed.outlet else "") + ")")


@feeds.command("status")
@click.argument("feeds_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--state", "state_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The state file (default: the feeds file's state_file, else <home>/feeds/state.json).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per feed.")
def status(feeds_file: Path | None, state_file: Path | None, as_json: bool) -> None:
    """Per feed: health, last success, last error, entries seen, articles published and lag.

    FEEDS_FILE (default: WIRECHECK_FEEDS) lists the feeds, so one never polled shows too. Exit 1
    when a feed is not healthy.
    """
    settings = Settings()
    config = _config(feeds_file, settings)
    path = state_file or state_path(config, settings)
    rows = status_rows(config, path)
    if not rows:
        click.echo(f"no feeds: {path} holds no state yet and no feeds file was given", err=True)
        sys.exit(1)
    click.echo("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) if as_json else status_table(rows))
    sys.exit(0 if all(row["health"] == "healthy" for row in rows) else 1)


def status_rows(config: FeedsConfig | None, path: Path) -> list[dict[str, object]]:
    """One row per feed of ``config`` (or per feed in the state file), from the state at ``path``."""
    states = read_state(path).feeds
    names = [f.name for f in config.feeds] if config else sorted(states)
    now = utc_now()
    return [_row(name, states.get(name, FeedState()), now) for name in names]


def _row(name: str, state: FeedState, now: datetime) -> dict[str, object]:
    lag = state.lag_s(now)
    return {"feed": name, "health": state.health(now), "url": state.final_url or state.url,
            "last_success": _iso(state.last_success_at), "last_error_at": _iso(state.last_error_at),
            "last_error": state.last_error, "entries": state.entries_seen, "published": state.published_total,
            "refused": state.refused_total, "lag_s": round(lag, 1) if lag is not None else None,
            "newest_entry": _iso(state.newest_entry_at)}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def status_table(rows: list[dict[str, object]]) -> str:
    cells = [[str(row["feed"]), str(row["health"]), row["last_success"] or "never", str(row["entries"]),
              str(row["published"]), str(row["refused"]),
              f"{row['lag_s']:.0f} s" if row["lag_s"] is not None else "—",
              f"{row['last_error_at']}: {row['last_error']}" if row["last_error"] else "—"] for row in rows]
    widths = [max(len(c[i]) for c in [list(COLUMNS), *cells]) for i in range(len(COLUMNS) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths)) + "  " + line[-1]
             for line in [list(COLUMNS), *cells]]
    return "\n".join(line.rstrip() for line in lines)


def load_feeds_or_exit(path: Path) -> FeedsConfig:
    """The feeds file, or a usage error listing its faults."""
    from services.ingest.follow.exceptions import FeedsConfigError

    try:
        return load_feeds(path)
    except FeedsConfigError as exc:
        raise click.ClickException(str(exc)) from None


def run_ingest_service(inbox: Path | None, feeds_file: Path | None, settings: Settings, stop) -> None:
    """The ingest service: the inbox watcher and, when a feeds file is given, the feed follower,
    side by side until ``stop``; a bad feeds file stops it before anything starts."""
    from services.ingest.follow.exceptions import FeedsConfigError
    from services.ingest.follow.follower import follow
    from services.ingest.runner import watch

    config = load_feeds_or_exit(feeds_file) if feeds_file else None
    if config is None:
        watch(inbox, settings, stop)
        return
    watcher = threading.Thread(target=watch, args=(inbox, settings, stop), name="inbox", daemon=True)
    if inbox is not None:
        watcher.start()
    try:
        follow(config, settings, stop)
    except FeedsConfigError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        stop.set()
        if watcher.is_alive():
            watcher.join(timeout=30)
