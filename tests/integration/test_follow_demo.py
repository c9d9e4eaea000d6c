"""The demo's stand-in wire: following it gives the very articles ingesting samples/feed/ as files
gives (the same ids and texts), and `feeds status` shows every feed healthy."""

import threading

import pytest

from schemas.registry import ARTICLES
from services.ingest.follow.config import load_feeds
from services.ingest.follow.follower import follow
from services.ingest.follow.stand_in import StandInWire
from services.ingest.runner import PRODUCER
from services.ingest.sources import article_events, expand_paths
from tests.integration.helpers import wait_until
from wirecheck.demo import SAMPLE_FEED, feeds_status, write_demo_feeds
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka


def test_following_the_stand_in_wire_publishes_the_sample_feed(kafka_settings, tmp_path) -> None:
    settings = kafka_settings.model_copy(update={"home": tmp_path})
    as_files = {e.article.article_id: e.article for e in article_events(
        expand_paths([str(SAMPLE_FEED)]), producer=PRODUCER, max_chars=settings.max_article_chars)}
    stop = threading.Event()
    with StandInWire(SAMPLE_FEED) as wire:
        feeds_file = write_demo_feeds(wire, settings)
        service = threading.Thread(target=follow, args=(load_feeds(feeds_file), settings, stop), daemon=True)
        service.start()
        try:
            wait_until(lambda: len(list(read_topic(settings, ARTICLES))) == len(as_files), what="the sample feed")
        finally:
            stop.set()
            service.join(timeout=30)
    followed = {e.article.article_id: e.article for e in read_topic(settings, ARTICLES)}
    assert sorted(followed) == sorted(as_files)
    for article_id, article in followed.items():
        expected = as_files[article_id]
        assert (article.source, article.title, article.body, article.credit, article.byline, article.published_at) \
            == (expected.source, expected.title, expected.body, expected.credit, expected.byline,
                expected.published_at)
    status = feeds_status(feeds_file, settings).splitlines()
    assert [line.split()[:2] for line in status[1:]] == [
        ["reuters", "healthy"], ["gulf-evening-post", "healthy"], ["northern-chronicle", "healthy"],
        ["cedar-news", "healthy"], ["daily-courier", "healthy"]]
