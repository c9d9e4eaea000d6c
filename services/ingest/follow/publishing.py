"""Publishing what the feeds give, each article once and each in-place update as a new version
(shell layer of feed following, over the ingest service's publisher).

The ``ArticlePublisher`` of ``services.ingest.runner`` decides new / duplicate / superseded from
``articles.v1`` itself, so restarts neither repeat nor lose an entry. Feeds number nothing, so an
entry updated in place (same id, new text) would carry no version; here it gets the next one: 1 for
the first text of an entry, then one more than the highest published — the "Article versions" rule
the verifier applies. Items that carry their own version (ninjs, NewsML-G2) keep it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from schemas import ArticlePublished
from services.ingest.dedup import Identity
from services.ingest.exceptions import BadRecordError
from services.ingest.normalise import to_event
from services.ingest.records import RawArticle
from services.ingest.runner import PRODUCER, ArticlePublisher, IngestResult, published_identities
from wirecheck.settings import Settings


class FeedPublisher:
    """One publisher for every feed of a process; feeds publish from their own threads."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._publisher = ArticlePublisher(settings)
        self._lock = threading.Lock()

    def publish(self, items: Iterable[RawArticle | BadRecordError], *,
                send_refused: Callable[[BadRecordError], bool] = lambda _error: True,
                ) -> tuple[IngestResult, list[BadRecordError]]:
        """Publish the new articles among ``items`` and dead-letter the refused ones for which
        ``send_refused`` says so; flushes. Returns the result and every refused record."""
        with self._lock:
            events = [self._event(item) for item in items]
            refused = [e for e in events if isinstance(e, BadRecordError)]
            try:
                result = self._publisher.publish(
                    [e for e in events if not isinstance(e, BadRecordError) or send_refused(e)])
            except Exception:
                # Some records may not be on the topic though the index counts them: read it back
                # from the topic, so the poll that retries them does not skip them as duplicates.
                self._publisher.seen = published_identities(self.settings)
                raise
            return result, refused

    def close(self) -> None:
        self._publisher.close()

    def _event(self, item: RawArticle | BadRecordError) -> ArticlePublished | BadRecordError:
        if isinstance(item, BadRecordError):
            return item
        try:
            event = to_event(item, producer=PRODUCER, max_chars=self.settings.max_article_chars)
        except BadRecordError as exc:  # the record without its position, which moves as the feed grows
            return BadRecordError(exc.where, exc.reason, item.model_dump_json(exclude={"where"}).encode())
        if item.version is not None or self._publisher.seen.standing(Identity.of(event.article)) != "new":
            return event  # its own version, or one the publisher will skip
        published = self._publisher.seen.versions.get(event.article.article_id, set())
        versioned = item.model_copy(update={"version": max(published, default=0) + 1})
        return to_event(versioned, producer=PRODUCER, max_chars=self.settings.max_article_chars)
