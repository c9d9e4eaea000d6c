"""A fetched feed body → the articles in it (pure core of feed following).

Full-text feeds are read exactly as ingest reads a file (``formats.read_articles``: RSS/Atom, ninjs,
NewsML-G2, JSON lines), so a feed entry and the same item as a file become the same article. For
link-only feeds each RSS/Atom entry is a ``LinkedEntry`` with a *revision* (a hash of what the feed
says of it); the follower fetches the page only for a revision it has not handled, and
``linked_article`` turns entry + page into an article through trafilatura (``html_text.page_record``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import feedparser

from services.ingest.exceptions import BadRecordError, LocalPageError
from services.ingest.feeds import entry_fields
from services.ingest.follow.config import DETECTED_AS, FeedConfig
from services.ingest.formats import DECLARED_ENCODING, decode_input, detect_format, read_articles
from services.ingest.records import RawArticle, validated
from services.ingest.safe_xml import check_xml_safe

# What the feed says of an entry; a change in any of them is a new revision of the entry.
REVISION_FIELDS = ("id", "link", "title", "summary", "updated", "published")


class FeedContentError(BadRecordError):
    """The body as a whole cannot be read as the feed's format; the poll counts as failed."""


@dataclass(frozen=True)
class LinkedEntry:
    """An entry of a link-only feed: its article text is on the page it links to."""

    key: str  # the entry's id, else its link
    revision: str
    link: str
    entry: dict[str, Any]
    outlet: str | None


def feed_text(data: bytes, feed: FeedConfig, *, where: str, charset: str | None = None) -> str:
    """The body as text in the feed's format; ``FeedContentError`` when it is not.

    The body's own BOM or declaration decides its encoding, as for files; the HTTP charset
    (``charset``) is the fallback for a body that is not the UTF-8 it then defaults to.
    """
    try:
        text = DECLARED_ENCODING.sub(r"\1\2utf-8\2", _decoded(data, charset), count=1)
    except ValueError as exc:
        raise FeedContentError(where, f"the body {exc}", data) from None
    detected = detect_format(text)
    wanted = "feed" if feed.content == "links" else DETECTED_AS.get(feed.format)
    if wanted and detected != wanted:
        expected = "an RSS/Atom feed (content = \"links\")" if feed.content == "links" else feed.format
        raise FeedContentError(where, f"the body reads as {detected}, not {expected}", data)
    return text


def _decoded(data: bytes, charset: str | None) -> str:
    try:
        return decode_input(data)
    except ValueError:
        if not charset:
            raise
    try:
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise ValueError(f"is neither UTF-8 nor {charset} text as its Content-Type says") from None


def full_text_articles(text: str, feed: FeedConfig, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    """Every article of a full-text feed; a body that is unreadable as a whole raises."""
    for item in read_articles(text, where=where):
        if isinstance(item, BadRecordError) and item.where == where:
            raise FeedContentError(where, item.reason, item.raw)
        yield with_outlet(item, feed)


def linked_entries(text: str, feed: FeedConfig, *, where: str) -> Iterator[LinkedEntry | BadRecordError]:
    """Every entry of a link-only RSS/Atom feed; an entry without a link is refused."""
    try:
        check_xml_safe(text, where=where)
    except BadRecordError as exc:
        raise FeedContentError(where, exc.reason, exc.raw) from None
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        raise FeedContentError(where, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})", text.encode())
    outlet = feed.outlet or parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip()
        if not link:
            raw = json.dumps({"id": entry.get("id"), "title": entry.get("title")}, ensure_ascii=False)
            yield BadRecordError(f"{where}: entry {number}", "a link-only entry without a link", raw.encode())
            continue
        yield LinkedEntry(key=entry.get("id") or link, revision=entry_revision(entry), link=link,
                          entry=dict(entry), outlet=outlet)


def entry_revision(entry: dict[str, Any]) -> str:
    """A hash of what the feed says of an entry: it changes when the entry is updated in place."""
    fields = {name: str(entry.get(name) or "") for name in REVISION_FIELDS}
    return hashlib.sha256(json.dumps(fields, sort_keys=True).encode()).hexdigest()


def linked_article(linked: LinkedEntry, page_html: str, *, where: str) -> RawArticle | BadRecordError:
    """The article of a link-only entry from its page: the page's text, the entry's metadata."""
    try:
        record = entry_fields(linked.entry, outlet=linked.outlet, load_page=lambda _link: page_html)
    except LocalPageError as exc:
        return BadRecordError(where, str(exc).replace("the local copy", "the page"),
                              json.dumps({"link": linked.link}).encode())
    if not record.get("original_id"):
        record["original_id"] = linked.key
    return next(validated(where, record, json.dumps(record, ensure_ascii=False, default=str)))


def with_outlet(item: RawArticle | BadRecordError, feed: FeedConfig) -> RawArticle | BadRecordError:
    """The configured outlet, when there is one, is the outlet of every article of the feed."""
    if isinstance(item, RawArticle) and feed.outlet and item.source != feed.outlet:
        return item.model_copy(update={"source": feed.outlet})
    return item
