"""Fetching feeds over HTTP from servers the tests start on 127.0.0.1 (no broker needed):
conditional requests, 429/503 with Retry-After, errors, timeouts, size caps and redirects."""

import pytest

from services.ingest.follow.config import FeedConfig
from services.ingest.follow.exceptions import FetchFailedError
from services.ingest.follow.fetch import Validators, fetch, open_client
from tests.feed_server import FeedServer, Reply, with_etag

BODY = b"<rss version='2.0'><channel><title>T</title></channel></rss>"


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


def _feed(server: FeedServer, path: str = "/feed", **settings) -> FeedConfig:
    return FeedConfig(name="t", url=server.url(path), **{"timeout_s": 2.0, **settings})


def _get(feed: FeedConfig, validators: Validators = Validators(), url: str | None = None):
    with open_client(feed) as client:
        return fetch(client, url or str(feed.url), feed=feed, validators=validators)


def test_a_conditional_request_with_the_etag_gets_304_and_no_body(server: FeedServer) -> None:
    server.serve("/feed", with_etag(BODY))
    feed = _feed(server)
    first = _get(feed)
    assert first.body == BODY and first.validators.etag
    again = _get(feed, first.validators)
    assert again.body is None and again.validators == first.validators
    assert server.hits("/feed")[1]["if-none-match"] == first.validators.etag
    assert "if-none-match" not in server.hits("/feed")[0]


def test_last_modified_is_sent_back_as_if_modified_since(server: FeedServer) -> None:
    stamp = "Fri, 06 Dec 2024 10:00:00 GMT"
    server.serve("/feed", Reply(200, BODY, {"Last-Modified": stamp}), Reply(304))
    feed = _feed(server)
    first = _get(feed)
    assert first.validators == Validators(etag=None, last_modified=stamp)
    assert _get(feed, first.validators).body is None
    assert server.hits("/feed")[1]["if-modified-since"] == stamp


def test_a_changed_etag_gives_the_new_body(server: FeedServer) -> None:
    server.serve("/feed", with_etag(BODY))
    feed = _feed(server)
    first = _get(feed)
    server.serve("/feed", with_etag(BODY + b" "))
    second = _get(feed, first.validators)
    assert second.body == BODY + b" " and second.validators.etag != first.validators.etag


@pytest.mark.parametrize(("reply", "status", "retry_after", "reason"), [
    (Reply(429, headers={"Retry-After": "7"}), 429, 7.0, "HTTP 429 Too Many Requests, retry after 7 s"),
    (Reply(503), 503, None, "HTTP 503 Service Unavailable"),
    (Reply(500, b"boom"), 500, None, "HTTP 500 Internal Server Error"),
    (Reply(404), 404, None, "HTTP 404 Not Found"),
])
def test_error_statuses_fail_with_the_reason_and_retry_after(server: FeedServer, reply: Reply, status: int,
                                                             retry_after: float | None, reason: str) -> None:
    server.serve("/feed", reply)
    with pytest.raises(FetchFailedError) as caught:
        _get(_feed(server))
    assert (caught.value.status, caught.value.retry_after, caught.value.reason) == (status, retry_after, reason)


def test_a_slow_server_times_out(server: FeedServer) -> None:
    server.serve("/feed", Reply(200, BODY, delay_s=3.0))
    with pytest.raises(FetchFailedError, match=r"^timed out after 0.5 s$"):
        _get(_feed(server, timeout_s=0.5))


@pytest.mark.parametrize("declare_length", [True, False])
def test_a_body_over_the_cap_is_refused(server: FeedServer, declare_length: bool) -> None:
    server.serve("/feed", Reply(200, b"x" * 5000, declare_length=declare_length))
    with pytest.raises(FetchFailedError, match="over the limit of 1,000"):
        _get(_feed(server, max_bytes=1000))
    server.serve("/feed", Reply(200, b"x" * 1000, declare_length=declare_length))
    assert len(_get(_feed(server, max_bytes=1000)).body) == 1000


def test_redirects_are_followed_and_the_final_url_kept(server: FeedServer) -> None:
    server.serve("/old", Reply(301, headers={"Location": "/new"}))
    server.serve("/new", Reply(302, headers={"Location": "/feed"}))
    server.serve("/feed", Reply(200, BODY))
    fetched = _get(_feed(server, "/old"))
    assert (fetched.body, fetched.url) == (BODY, server.url("/feed"))


def test_more_redirects_than_allowed_fail(server: FeedServer) -> None:
    server.serve("/loop", Reply(302, headers={"Location": "/loop"}))
    with pytest.raises(FetchFailedError, match="^more than 3 redirects$"):
        _get(_feed(server, "/loop", max_redirects=3))


def test_a_refused_connection_is_a_failure_not_a_crash() -> None:
    with FeedServer() as gone:
        url = gone.url("/feed")
    feed = FeedConfig(name="t", url=url, timeout_s=2.0)
    with pytest.raises(FetchFailedError, match=r"^request failed \(ConnectError"):
        _get(feed)


def test_the_auth_header_is_sent(server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIRE_TOKEN", "Bearer abc")
    server.serve("/feed", Reply(200, BODY))
    _get(FeedConfig(name="t", url=server.url("/feed"), auth={"env": "WIRE_TOKEN"}))
    assert server.hits("/feed")[0]["authorization"] == "Bearer abc"
    assert server.hits("/feed")[0]["user-agent"].startswith("wirecheck/")


def test_the_content_type_charset_is_kept(server: FeedServer) -> None:
    server.serve("/feed", Reply(200, BODY, {"Content-Type": "text/xml; charset=ISO-8859-1"}))
    assert _get(_feed(server)).charset == "iso-8859-1"
