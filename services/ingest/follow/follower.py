"""Following feeds: one thread per feed, each on its own schedule (shell layer of feed following).

One poll of a feed, in order:

1. fetch the feed, conditionally when it gave validators (304: nothing to do);
2. read its articles — for a link-only feed, fetch the page of every entry revision not yet handled;
3. publish the new articles and versions, dead-letter refused records not refused before; flush;
4. only then write the validators, revisions and health to the state file. A crash before step 4
   repeats the fetch next time, and the publisher, reading ``articles.v1``, skips what was published.

A feed that fails waits out an exponential backoff with jitter (or its server's ``Retry-After``)
and keeps its old validators, so the next poll reads it whole; other feeds are not affected.
"""

from __future__ import annotations

import hashlib
import random
import threading
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
import structlog

from services.ingest.exceptions import BadRecordError
from services.ingest.follow.config import FeedConfig, FeedsConfig
from services.ingest.follow.entries import (FeedContentError, LinkedEntry, feed_text, full_text_articles,
                                            linked_article, linked_entries)
from services.ingest.follow.exceptions import FetchFailedError
from services.ingest.follow.fetch import Fetched, Validators, fetch, open_client
from services.ingest.follow.publishing import FeedPublisher
from services.ingest.follow.schedule import delay_after_failure
from services.ingest.follow.state import FeedState, StateFile, state_path, utc_now
from services.ingest.formats import decode_input
from services.ingest.records import RawArticle
from wirecheck import metrics
from wirecheck.settings import Settings

log = structlog.get_logger()


def follow(config: FeedsConfig, settings: Settings, stop: threading.Event) -> None:
    """Follow every feed of ``config`` until ``stop`` is set (the ingest service's feed loop)."""
    for feed in config.feeds:
        feed.request_headers()  # a missing auth variable stops us here, not in a thread later
    states = StateFile(state_path(config, settings))
    publisher = FeedPublisher(settings)
    followers = [FeedFollower(feed, publisher, states) for feed in config.feeds]
    threads = [threading.Thread(target=f.run, args=(stop,), name=f"feed-{f.feed.name}", daemon=True)
               for f in followers]
    log.info("following feeds", feeds=[f.name for f in config.feeds], state=str(states.path))
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        publisher.close()


@dataclass
class PollOutcome:
    """What one poll did, for the state file and the metrics."""

    entries: int = 0
    published: int = 0
    page_failures: list[str] = field(default_factory=list)
    # Link-only entries of this response that are handled (published or refused): kept once published.
    revisions: dict[str, str] = field(default_factory=dict)


class FeedFollower:
    """Polls one feed until stopped; any error is the feed's, never the process's."""

    def __init__(self, feed: FeedConfig, publisher: FeedPublisher, states: StateFile, *,
                 rng: random.Random | None = None) -> None:
        self.feed, self.publisher, self.states = feed, publisher, states
        self.rng = rng or random.Random()
        self.url = str(feed.url)
        metrics.FEED_LAG.labels(feed.name).set_function(self._lag_s)

    def run(self, stop: threading.Event) -> None:
        with open_client(self.feed) as client:
            while not stop.is_set():
                try:
                    delay = self.poll(client)
                except Exception:  # noqa: BLE001 — e.g. the state file cannot be written: retry, loudly
                    log.exception("feed follower failed", feed=self.feed.name)
                    delay = self.feed.backoff_max_s
                stop.wait(delay)

    def poll(self, client: httpx.Client) -> float:
        """Poll once; return the seconds until the next poll."""
        state = self.states.get(self.feed.name)
        if state.url != self.url:  # a new URL in the configuration: its validators are not ours
            state = FeedState(url=self.url, published_total=state.published_total)
        now = utc_now()
        state.last_attempt_at, state.interval_s = now, self.feed.interval_s
        try:
            validators = Validators(state.etag, state.last_modified)
            outcome = self._read(fetch(client, self.url, feed=self.feed, validators=validators), state, client)
            delay = self._succeeded(state, outcome)
        except FetchFailedError as exc:
            delay = self._failed(state, exc.reason, retry_after=exc.retry_after)
        except FeedContentError as exc:
            self._dead_letter_once(state, exc)
            delay = self._failed(state, exc.reason)
        except Exception as exc:  # noqa: BLE001 — e.g. the broker is away: this feed retries, the rest go on
            delay = self._failed(state, f"unexpected {type(exc).__name__}: {exc}")
        state.next_poll_at = utc_now() + timedelta(seconds=delay)
        self.states.put(self.feed.name, state)
        return delay

    def _read(self, fetched: Fetched, state: FeedState, client: httpx.Client) -> PollOutcome | None:
        """Steps 2–3 for a 200; None for a 304. Updates ``state`` with what was handled."""
        state.final_url = fetched.url
        if fetched.body is None:
            metrics.FEED_POLLS.labels(self.feed.name, "not_modified").inc()
            return None
        where = f"feed {self.feed.name} ({self.url})"
        text = feed_text(fetched.body, self.feed, where=where, charset=fetched.charset)
        if self.feed.content == "links":
            items, outcome = self._linked_items(text, state, client, where=where)
        else:
            items = list(full_text_articles(text, self.feed, where=where))
            outcome = PollOutcome(entries=len(items))
        self._publish(items, state, outcome)
        state.entry_revisions = outcome.revisions  # entries gone from the feed are forgotten
        if not outcome.page_failures:  # else keep the old validators: the next poll retries the pages
            state.etag, state.last_modified = fetched.validators.etag, fetched.validators.last_modified
        metrics.FEED_POLLS.labels(self.feed.name, "updated").inc()
        return outcome

    def _linked_items(self, text: str, state: FeedState, client: httpx.Client, *,
                      where: str) -> tuple[list[RawArticle | BadRecordError], PollOutcome]:
        entries = list(linked_entries(text, self.feed, where=where))
        outcome, items = PollOutcome(entries=len(entries)), []
        for number, entry in enumerate(entries, start=1):
            if isinstance(entry, BadRecordError):
                items.append(entry)
                continue
            if state.entry_revisions.get(entry.key) == entry.revision:
                outcome.revisions[entry.key] = entry.revision
                continue  # handled by an earlier poll: its page is not fetched again
            try:
                page = self._page(client, entry)
            except FetchFailedError as exc:
                outcome.page_failures.append(f"{entry.link}: {exc.reason}")
                continue
            items.append(linked_article(entry, page, where=f"{where}: entry {number}"))
            outcome.revisions[entry.key] = entry.revision
        return items, outcome

    def _page(self, client: httpx.Client, entry: LinkedEntry) -> str:
        fetched = fetch(client, str(httpx.URL(self.url).join(entry.link)), feed=self.feed)
        try:
            return decode_input(fetched.body or b"")
        except ValueError as exc:
            raise FetchFailedError(f"the page {exc}") from None

    def _publish(self, items: list[RawArticle | BadRecordError], state: FeedState, outcome: PollOutcome) -> None:
        """Step 3: publish; a refused record is dead-lettered once while the feed keeps serving it."""
        already = set(state.refused_hashes)
        result, refused = self.publisher.publish(items, send_refused=lambda error: _digest(error) not in already)
        outcome.published = len(result.published)
        state.refused_hashes = sorted({_digest(r) for r in refused})
        state.published_total += len(result.published)
        state.refused_total += len(result.errors)
        articles = [i for i in items if isinstance(i, RawArticle) and i.published]
        if articles:
            state.newest_entry_at = max(a.published for a in articles)
        now = utc_now()
        for event in result.published:
            if event.article.published_at:
                delay = (now - event.article.published_at).total_seconds()
                metrics.FEED_ENTRY_DELAY_SECONDS.labels(self.feed.name).observe(max(0.0, delay))
        for outcome_name, count in (("published", len(result.published)), ("duplicate", result.duplicates),
                                    ("superseded", result.superseded), ("refused", len(result.errors))):
            metrics.FEED_ENTRIES.labels(self.feed.name, outcome_name).inc(count)

    def _succeeded(self, state: FeedState, outcome: PollOutcome | None) -> float:
        if outcome is not None:
            state.entries_seen = outcome.entries
        if outcome is not None and outcome.page_failures:
            reason = (f"{len(outcome.page_failures)} page(s) could not be fetched: "
                      + "; ".join(outcome.page_failures[:3]))
            return self._failed(state, reason, counted=False)
        state.last_success_at, state.consecutive_failures = state.last_attempt_at, 0
        metrics.FEED_LAST_SUCCESS.labels(self.feed.name).set(state.last_success_at.timestamp())
        metrics.FEED_UP.labels(self.feed.name).set(1)
        metrics.FEED_ENTRIES_SEEN.labels(self.feed.name).set(state.entries_seen)
        log.info("feed polled", feed=self.feed.name, modified=outcome is not None,
                 entries=state.entries_seen, published=outcome.published if outcome else 0)
        return self.feed.interval_s

    def _failed(self, state: FeedState, reason: str, *, retry_after: float | None = None,
                counted: bool = True) -> float:
        state.consecutive_failures += 1
        state.last_error_at, state.last_error = state.last_attempt_at, reason
        if counted:
            metrics.FEED_POLLS.labels(self.feed.name, "failed").inc()
        metrics.FEED_LAST_ERROR.labels(self.feed.name).set(state.last_error_at.timestamp())
        metrics.FEED_UP.labels(self.feed.name).set(0)
        delay = delay_after_failure(self.feed, state.consecutive_failures, retry_after, self.rng)
        log.warning("feed poll failed", feed=self.feed.name, reason=reason,
                    failures=state.consecutive_failures, retry_in_s=round(delay, 1))
        return delay

    def _dead_letter_once(self, state: FeedState, error: FeedContentError) -> None:
        """An unreadable body goes to the dead-letter topic once, not at every poll."""
        if _digest(error) in state.refused_hashes:
            return
        try:
            self.publisher.publish([error])  # an error is dead-lettered, nothing published
        except Exception as exc:  # noqa: BLE001 — the broker is away: dead-lettered at a later poll
            log.warning("dead letter not sent", feed=self.feed.name, error=repr(exc))
            return
        state.refused_hashes = sorted({*state.refused_hashes, _digest(error)})
        state.refused_total += 1

    def _lag_s(self) -> float:
        state = self.states.get(self.feed.name)
        lag = state.lag_s(utc_now())
        return lag if lag is not None else float("nan")


def _digest(error: BadRecordError) -> str:
    return hashlib.sha256(error.reason.encode() + b"\0" + error.raw).hexdigest()
