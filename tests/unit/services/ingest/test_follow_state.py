"""Per-feed state and health in the state file: atomic writes, a clear error for a broken file."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from services.ingest.follow.exceptions import FeedsConfigError
from services.ingest.follow.state import FeedState, StateFile, read_state
from wirecheck.cli import main

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=timezone.utc)


def _ago(seconds: float) -> datetime:
    return NOW - timedelta(seconds=seconds)


@pytest.mark.parametrize(("state", "health"), [
    (FeedState(), "never polled"),
    (FeedState(last_attempt_at=_ago(5), last_success_at=_ago(5), interval_s=60), "healthy"),
    (FeedState(last_attempt_at=_ago(5), last_success_at=_ago(65), consecutive_failures=1, interval_s=60),
     "failing"),
    (FeedState(last_attempt_at=_ago(5), last_success_at=_ago(181), interval_s=60), "stale"),
    (FeedState(last_attempt_at=_ago(5), last_success_at=_ago(179), interval_s=60), "healthy"),
])
def test_health(state: FeedState, health: str) -> None:
    assert state.health(NOW) == health


def test_lag_is_the_time_since_the_last_success() -> None:
    assert FeedState(last_success_at=_ago(42)).lag_s(NOW) == 42
    assert FeedState().lag_s(NOW) is None


def test_the_state_survives_a_new_process_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "feeds" / "state.json"
    states = StateFile(path)
    states.put("wire", FeedState(etag='"abc"', published_total=3, entry_revisions={"a": "r1"}))
    states.put("other", FeedState(last_error="HTTP 500 Internal Server Error"))
    again = StateFile(path)
    assert (again.get("wire").etag, again.get("wire").published_total, again.get("wire").entry_revisions) == (
        '"abc"', 3, {"a": "r1"})
    assert again.get("other").last_error == "HTTP 500 Internal Server Error"
    assert again.get("never").etag is None
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]


def test_a_broken_state_file_says_how_to_recover(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(FeedsConfigError, match="remove it to start afresh — what was published is read back"):
        read_state(path)


def test_status_without_feeds_or_state_says_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["feeds", "status", "--state", str(tmp_path / "none.json")])
    assert result.exit_code == 1
    assert "holds no state yet and no feeds file was given" in result.output


def test_status_shows_a_feed_never_polled(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text('[[feeds]]\nname = "wire"\nurl = "http://wire.example/feed"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["feeds", "status", str(feeds), "--state", str(tmp_path / "s.json")])
    assert result.exit_code == 1
    assert result.output.splitlines()[1].split() == ["wire", "never", "polled", "never", "0", "0", "0", "—", "—"]
