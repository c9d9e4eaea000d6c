"""Following feeds served on 127.0.0.1 into the real broker: each entry once, updates as new versions,
across failures and restarts (issue #9). Polls are driven one by one, so no test waits on a timer."""

import json
import random
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from schemas.registry import ARTICLES, DEADLETTER
from services.ingest.follow.config import FeedConfig
from services.ingest.follow.fetch import open_client
from services.ingest.follow.follower import FeedFollower
from services.ingest.follow.publishing import FeedPublisher
from services.ingest.follow.state import StateFile, read_state, utc_now
from tests.feed_server import FeedServer, Reply, with_etag
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka

PAGE = ("<html><head><title>Homs empties</title></head><body><nav>Home | World | Subscribe</nav><article>"
        "<h1>Homs empties</h1>" + "".join(f"<p>Paragraph {n}: thousands of residents left Homs on Friday as "
                                           "rebels approached the city from the north.</p>" for n in range(1, 5))
        + "</article><footer>Copyright Cedar News</footer></body></html>")


def rss(*items: tuple[str, str], title: str = "Wire One") -> bytes:
    """An RSS 2.0 feed of (guid, text) items with full text."""
    entries = "".join(
        f"<item><guid isPermaLink='false'>{guid}</guid><title>Story {guid}</title>"
        f"<link>https://wire.example/{guid}</link><pubDate>Fri, 06 Dec 2024 10:00:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[<p>{text}</p>]]></content:encoded></item>" for guid, text in items)
    return (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            f"xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel><title>{title}</title>"
            f"{entries}</channel></rss>").encode()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def _feed(server: FeedServer, path: str = "/feed", **settings) -> FeedConfig:
    values = {"name": "wire-one", "url": server.url(path), "interval_s": 60, "timeout_s": 2,
              "backoff_initial_s": 0.5, "backoff_max_s": 4, **settings}
    return FeedConfig(**values)


@contextmanager
def following(feed: FeedConfig, settings, state_file: Path):
    """One run of the ingest service for one feed: ``poll()`` polls once and returns the delay."""
    publisher = FeedPublisher(settings)
    follower = FeedFollower(feed, publisher, StateFile(state_file), rng=random.Random(0))
    try:
        with open_client(feed) as client:
            yield lambda: follower.poll(client)
    finally:
        publisher.close()


def _articles(settings) -> list:
    return [e.article for e in read_topic(settings, ARTICLES)]


def test_entries_are_published_once_and_304_publishes_nothing(kafka_settings, server, tmp_path) -> None:
    server.serve("/feed", with_etag(rss(("a", "Alpha text."), ("b", "Beta text."))))
    with following(_feed(server), kafka_settings, tmp_path / "state.json") as poll:
        assert poll() == 60
        assert poll() == 60
        server.serve("/feed", with_etag(rss(("c", "Gamma text."), ("a", "Alpha text."), ("b", "Beta text."))))
        poll()
    etags = [h.get("if-none-match") for h in server.hits("/feed")]
    assert etags[0] is None and etags[1] == etags[2] is not None
    articles = _articles(kafka_settings)
    assert sorted((a.original_id, a.body, a.version, a.source) for a in articles) == [
        ("a", "Alpha text.", 1, "Wire One"), ("b", "Beta text.", 1, "Wire One"), ("c", "Gamma text.", 1, "Wire One")]
    state = read_state(tmp_path / "state.json").feeds["wire-one"]
    assert (state.entries_seen, state.published_total, state.health(utc_now())) == (3, 3, "healthy")
    # Entries of 6 December 2024 published now: every one in the histogram's slowest bucket (+Inf).
    assert _sample("wirecheck_feed_entry_delay_seconds_bucket", le="+Inf") - \
        _sample("wirecheck_feed_entry_delay_seconds_bucket", le="86400.0") >= 3


def test_an_entry_updated_in_place_is_published_as_its_next_version(kafka_settings, server, tmp_path) -> None:
    server.serve("/feed", with_etag(rss(("a", "At least 20 people were killed."))))
    with following(_feed(server), kafka_settings, tmp_path / "state.json") as poll:
        poll()
        server.serve("/feed", with_etag(rss(("a", "At least 25 people were killed, officials said."))))
        poll()
        poll()
    first, second = _articles(kafka_settings)
    assert first.article_id == second.article_id
    assert [(first.version, first.body), (second.version, second.body)] == [
        (1, "At least 20 people were killed."), (2, "At least 25 people were killed, officials said.")]


def test_a_restart_between_polls_neither_repeats_nor_skips(kafka_settings, server, tmp_path) -> None:
    state_file = tmp_path / "state.json"
    server.serve("/feed", with_etag(rss(("a", "Alpha text."), ("b", "Beta text."))))
    with following(_feed(server), kafka_settings, state_file) as poll:
        poll()
    with following(_feed(server), kafka_settings, state_file) as poll:  # restarted: the ETag is remembered
        poll()
        server.serve("/feed", with_etag(rss(("c", "Gamma text."), ("a", "Alpha text."), ("b", "Beta text."))))
    with following(_feed(server), kafka_settings, state_file) as poll:  # restarted after the feed changed
        poll()
    state_file.unlink()  # even without its state, the service rebuilds what it published from the topic
    with following(_feed(server), kafka_settings, state_file) as poll:
        poll()
    statuses = [h.get("if-none-match") is not None for h in server.hits("/feed")]
    assert statuses == [False, True, True, False]
    assert sorted(a.original_id for a in _articles(kafka_settings)) == ["a", "b", "c"]


def test_validators_are_kept_only_once_the_entries_are_published(kafka_settings, server, tmp_path,
                                                                 monkeypatch) -> None:
    server.serve("/feed", with_etag(rss(("a", "Alpha text."))))
    with following(_feed(server), kafka_settings, tmp_path / "state.json") as poll:
        with monkeypatch.context() as patched:
            patched.setattr(FeedPublisher, "publish", _broker_away)
            poll()
        state = read_state(tmp_path / "state.json").feeds["wire-one"]
        assert (state.etag, state.consecutive_failures) == (None, 1)
        assert state.last_error == "unexpected KafkaTimeoutError: KafkaTimeoutError: the broker is away"
        poll()
    assert [h.get("if-none-match") for h in server.hits("/feed")] == [None, None]
    assert [a.original_id for a in _articles(kafka_settings)] == ["a"]


def test_an_article_the_broker_did_not_take_is_published_by_the_next_poll(kafka_settings, server, tmp_path,
                                                                           monkeypatch) -> None:
    from kafka import KafkaProducer

    server.serve("/feed", with_etag(rss(("a", "Alpha text."))))
    with following(_feed(server), kafka_settings, tmp_path / "state.json") as poll:
        with monkeypatch.context() as patched:
            patched.setattr(KafkaProducer, "send", _broker_away)
            poll()
        assert read_state(tmp_path / "state.json").feeds["wire-one"].consecutive_failures == 1
        poll()
    assert [h.get("if-none-match") for h in server.hits("/feed")] == [None, None]
    assert [a.original_id for a in _articles(kafka_settings)] == ["a"]


def _broker_away(*_args, **_kwargs):
    from kafka.errors import KafkaTimeoutError

    raise KafkaTimeoutError("the broker is away")


def test_a_500_then_recovery(kafka_settings, server, tmp_path) -> None:
    server.serve("/feed", Reply(500, b"oops"), Reply(500, b"oops"), with_etag(rss(("a", "Alpha text."))))
    with following(_feed(server), kafka_settings, tmp_path / "state.json") as poll:
        failed_before = _sample("wirecheck_feed_polls_total", outcome="failed") or 0
        first, second = poll(), poll()
        failing = read_state(tmp_path / "state.json").feeds["wire-one"]
        assert (_sample("wirecheck_feed_up"), _sample("wirecheck_feed_polls_total", outcome="failed")) == (
            0, failed_before + 2)
        assert poll() == 60
        assert _sample("wirecheck_feed_up") == 1 and 0 <= _sample("wirecheck_feed_lag_seconds") < 60
    assert 0.25 <= first <= 0.5 and 0.5 <= second <= 1.0  # backoff doubles, with jitter
    assert (failing.health(utc_now()), failing.consecutive_failures, failing.last_error) == (
        "failing", 2, "HTTP 500 Internal Server Error")
    recovered = read_state(tmp_path / "state.json").feeds["wire-one"]
    assert (recovered.health(utc_now()), recovered.consecutive_failures, recovered.published_total) == (
        "healthy", 0, 1)
    assert recovered.last_error_at < recovered.last_success_at
    assert [a.original_id for a in _articles(kafka_settings)] == ["a"]


def _sample(name: str, **labels: str) -> float | None:
    from prometheus_client import REGISTRY

    return REGISTRY.get_sample_value(name, {"feed": "wire-one", **labels})


def test_429_waits_as_long_as_retry_after_says(kafka_settings, server, tmp_path) -> None:
    server.serve("/feed", Reply(429, headers={"Retry-After": "30"}), with_etag(rss(("a", "Alpha text."))))
    with following(_feed(server), kafka_settings, tmp_path / "state.json") as poll:
        assert poll() == 30
        state = read_state(tmp_path / "state.json").feeds["wire-one"]
        assert state.last_error == "HTTP 429 Too Many Requests, retry after 30 s"
        assert 29 <= (state.next_poll_at - state.last_attempt_at).total_seconds() <= 31
        assert poll() == 60


@pytest.mark.parametrize(("reply", "settings", "reason"), [
    (Reply(200, rss(("a", "Alpha text.")), delay_s=2), {"timeout_s": 0.3}, "timed out after 0.3 s"),
    (Reply(200, rss(("a", "x" * 3000))), {"max_bytes": 2000}, "the body is 3,"),
    (Reply(301, headers={"Location": "/feed"}), {"max_redirects": 2}, "more than 2 redirects"),
])
def test_timeouts_oversized_bodies_and_redirect_loops_fail_the_poll(kafka_settings, server, tmp_path,
                                                                    reply, settings, reason) -> None:
    server.serve("/feed", reply)
    with following(_feed(server, **settings), kafka_settings, tmp_path / "state.json") as poll:
        poll()
    state = read_state(tmp_path / "state.json").feeds["wire-one"]
    assert state.health(utc_now()) == "failing" and state.last_error.startswith(reason)
    assert _articles(kafka_settings) == []


def test_a_redirected_feed_is_read_and_its_final_address_kept(kafka_settings, server, tmp_path) -> None:
    server.serve("/old", Reply(301, headers={"Location": "/feed"}))
    server.serve("/feed", with_etag(rss(("a", "Alpha text."))))
    with following(_feed(server, "/old"), kafka_settings, tmp_path / "state.json") as poll:
        poll()
    assert read_state(tmp_path / "state.json").feeds["wire-one"].final_url == server.url("/feed")
    assert [a.original_id for a in _articles(kafka_settings)] == ["a"]


def test_ninjs_and_atom_over_http(kafka_settings, server, tmp_path) -> None:
    ninjs = [{"uri": "urn:meridian:1", "version": "3", "type": "text", "headline": "Homs",
              "body_text": "Rebels reached Homs.", "versioncreated": "2024-12-06T09:30:00Z",
              "copyrightholder": "Meridian Wire"}]
    atom = ("<feed xmlns='http://www.w3.org/2005/Atom'><title>Atom Post</title><entry><id>tag:atom.example,1</id>"
            "<title>Homs</title><updated>2024-12-06T10:00:00Z</updated><content type='text'>Homs is quiet."
            "</content></entry></feed>")
    server.serve("/ninjs", Reply(200, json.dumps(ninjs).encode(), {"Content-Type": "application/json"}))
    server.serve("/atom", Reply(200, atom.encode(), {"Content-Type": "application/atom+xml"}))
    with following(_feed(server, "/ninjs", name="meridian", format="ninjs"), kafka_settings,
                   tmp_path / "state.json") as poll:
        poll()
    with following(_feed(server, "/atom", name="atom-post", format="atom", outlet="Atom Post Online"),
                   kafka_settings, tmp_path / "state.json") as poll:
        poll()
    assert sorted((a.source, a.original_id, a.version, a.body) for a in _articles(kafka_settings)) == [
        ("Atom Post Online", "tag:atom.example,1", 1, "Homs is quiet."),
        ("Meridian Wire", "urn:meridian:1", 3, "Rebels reached Homs.")]


def test_a_feed_in_another_format_than_configured_fails_and_is_dead_lettered_once(kafka_settings, server,
                                                                                  tmp_path) -> None:
    server.serve("/feed", Reply(200, rss(("a", "Alpha text."))))
    with following(_feed(server, format="ninjs"), kafka_settings, tmp_path / "state.json") as poll:
        poll()
        poll()
    state = read_state(tmp_path / "state.json").feeds["wire-one"]
    assert state.last_error == "the body reads as feed, not ninjs"
    dead = list(read_topic(kafka_settings, DEADLETTER))
    assert [(d.stage, d.reason) for d in dead] == [("ingest", "the body reads as feed, not ninjs")]


def test_a_refused_entry_is_dead_lettered_once_and_the_others_published(kafka_settings, server,
                                                                        tmp_path) -> None:
    server.serve("/feed", with_etag(rss(("a", "Alpha text."), ("empty", ""))))
    with following(_feed(server), kafka_settings, tmp_path / "state.json") as poll:
        poll()
        server.serve("/feed", with_etag(rss(("b", "Beta text."), ("a", "Alpha text."), ("empty", ""))))
        poll()
    assert sorted(a.original_id for a in _articles(kafka_settings)) == ["a", "b"]
    dead = list(read_topic(kafka_settings, DEADLETTER))
    assert [d.reason for d in dead] == ["the article body is empty"]
    assert read_state(tmp_path / "state.json").feeds["wire-one"].refused_total == 1


def test_link_only_entries_take_the_text_of_their_page_fetched_once(kafka_settings, server, tmp_path) -> None:
    def linked(*guids: str) -> bytes:
        items = "".join(f"<item><guid>{g}</guid><title>Homs empties</title><link>/pages/{g}.html</link>"
                        "<description>Summary only.</description></item>" for g in guids)
        return f"<rss version='2.0'><channel><title>Cedar News</title>{items}</channel></rss>".encode()

    server.serve("/feed", with_etag(linked("a")))
    server.serve("/pages/a.html", Reply(200, PAGE.encode(), {"Content-Type": "text/html"}))
    server.serve("/pages/b.html", Reply(500), Reply(200, PAGE.replace("Friday", "Saturday").encode()))
    with following(_feed(server, content="links"), kafka_settings, tmp_path / "state.json") as poll:
        poll()
        server.serve("/feed", with_etag(linked("b", "a")))
        poll()  # page b fails: the feed's validators are not kept, so the next poll reads it again
        failing = read_state(tmp_path / "state.json").feeds["wire-one"]
        poll()
    assert failing.last_error.startswith("1 page(s) could not be fetched: ")
    assert (len(server.hits("/pages/a.html")), len(server.hits("/pages/b.html"))) == (1, 2)
    articles = sorted(_articles(kafka_settings), key=lambda a: a.original_id)
    assert [(a.original_id, a.source, a.title) for a in articles] == [
        ("a", "Cedar News", "Homs empties"), ("b", "Cedar News", "Homs empties")]
    assert articles[0].body.splitlines() == [
        f"Paragraph {n}: thousands of residents left Homs on Friday as rebels approached the city from the north."
        for n in range(1, 5)]
    assert "Saturday" in articles[1].body and "Subscribe" not in articles[1].body
