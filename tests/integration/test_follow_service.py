"""The feed follower as the ingest service runs it: every feed in its own thread, one feed down never
stopping the others, and `wirecheck feeds status` reading the health from another process's state."""

import json
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemas.registry import ARTICLES
from services.ingest.follow.config import load_feeds
from services.ingest.follow.follower import follow
from tests.feed_server import FeedServer, Reply, with_etag
from tests.integration.helpers import wait_until
from tests.integration.test_follow import rss
from wirecheck.cli import main
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka


def test_a_feed_that_is_down_does_not_stop_the_others(kafka_settings, tmp_path: Path) -> None:
    with FeedServer() as server:
        server.serve("/slow", Reply(200, rss(("s", "Slow text.")), delay_s=5))
        server.serve("/broken", Reply(500))
        server.serve("/good", with_etag(rss(("g1", "Good text."))), with_etag(rss(("g1", "Good text."))),
                     with_etag(rss(("g2", "More good text."), ("g1", "Good text."))))
        feeds_file = tmp_path / "feeds.toml"
        feeds_file.write_text(
            'state_file = "state.json"\n[defaults]\ninterval_s = 0.2\ntimeout_s = 0.5\nbackoff_initial_s = 0.2\n'
            'backoff_max_s = 1\n'
            + "".join(f'[[feeds]]\nname = "{n}"\nurl = "{server.url("/" + n)}"\n' for n in ("slow", "broken", "good")))
        config = load_feeds(feeds_file)
        stop = threading.Event()
        service = threading.Thread(target=follow, args=(config, kafka_settings, stop), daemon=True)
        service.start()
        try:
            wait_until(lambda: len(list(read_topic(kafka_settings, ARTICLES))) == 2, what="both good entries")
            wait_until(lambda: len(server.hits("/broken")) >= 2, what="the broken feed retried")
        finally:
            stop.set()
            service.join(timeout=30)
        assert not service.is_alive()
    assert sorted(e.article.original_id for e in read_topic(kafka_settings, ARTICLES)) == ["g1", "g2"]
    result = CliRunner().invoke(main, ["feeds", "status", str(feeds_file), "--json"])
    rows = {row["feed"]: row for row in map(json.loads, result.output.splitlines())}
    assert result.exit_code == 1  # not every feed is healthy
    assert (rows["good"]["health"], rows["good"]["published"], rows["good"]["entries"]) == ("healthy", 2, 2)
    assert rows["good"]["last_error"] is None and rows["good"]["lag_s"] < 60
    assert (rows["slow"]["health"], rows["slow"]["last_error"]) == ("failing", "timed out after 0.5 s")
    assert (rows["broken"]["health"], rows["broken"]["last_error"]) == ("failing", "HTTP 500 Internal Server Error")
    text = CliRunner().invoke(main, ["feeds", "status", str(feeds_file)]).output.splitlines()
    assert text[0].split() == ["feed", "health", "last", "success", "entries", "published", "refused", "lag",
                               "last", "error"]
    assert text[3].split()[:2] == ["good", "healthy"] and text[3].endswith("—")
