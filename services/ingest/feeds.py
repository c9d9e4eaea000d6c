"""RSS 2.0/1.0 and Atom feeds → ``RawArticle`` records, read with feedparser (pure core of ingest).

An entry's text is its full content when the feed carries it. An entry with only a summary and a
link to a *local* HTML copy of the page (a relative path or ``file:`` URL next to the feed) gets its
text from that page through the boilerplate remover (``html_text.page_record``); the page's canonical
URL, when it names one, becomes the article's URL. Links to the network are never fetched: such an
entry keeps its summary. Reading the local copy is the caller's I/O (``load_page``, see
``sources.LocalPages``), so this module stays pure.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import Any

import feedparser

from services.ingest.exceptions import BadRecordError, LocalPageError, UnsafeXmlError
from services.ingest.html_text import html_to_text, page_record
from services.ingest.records import RawArticle, validated
from services.ingest.safe_xml import check_xml_safe

# link → the HTML of its local copy, or None for a link that is not local (never fetched).
PageLoader = Callable[[str], str | None]


def read_feed(text: str, *, where: str,
              load_page: PageLoader | None = None) -> Iterator[RawArticle | BadRecordError]:
    """Every entry of an RSS/Atom feed; a bad entry is yielded as an error, not raised."""
    try:
        check_xml_safe(text, where=where)
    except UnsafeXmlError as exc:
        yield exc
        return
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        yield BadRecordError(where, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})",
                             text.encode())
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        here = f"{where}: entry {number}"
        try:
            record = entry_fields(entry, outlet=outlet, load_page=load_page)
        except LocalPageError as exc:
            raw = json.dumps({"title": entry.get("title"), "link": entry.get("link")}, ensure_ascii=False)
            yield BadRecordError(here, str(exc), raw.encode())
            continue
        yield from validated(here, record, json.dumps(record, ensure_ascii=False))


def entry_fields(entry: dict[str, Any], *, outlet: str | None,
                 load_page: PageLoader | None = None) -> dict[str, Any]:
    """``RawArticle`` fields of one feed entry; ``LocalPageError`` if its local copy is unusable."""
    body, page_url = _entry_body(entry, load_page)
    source = entry.get("source") or {}
    return {
        "title": _title(entry),
        "url": page_url or entry.get("link"),
        "byline": entry.get("author"),
        "source": outlet,
        # RSS <source>/Atom <source>: the channel the entry was taken from, i.e. its origin.
        "credit": source.get("title") if isinstance(source, dict) else None,
        "original_id": entry.get("id"),
        "published": _feed_time(entry),
        "body": body,
    }


def _entry_body(entry: dict[str, Any], load_page: PageLoader | None) -> tuple[str, str | None]:
    """The entry's text and, for a local copy, the page's canonical URL."""
    if entry.get("content"):
        content = entry["content"][0]
        value = content.get("value", "")
        return (value if content.get("type") == "text/plain" else html_to_text(value)), None
    link = entry.get("link")
    page = load_page(link) if load_page and link else None
    if page is None:
        return html_to_text(entry.get("summary", "")), None
    record = page_record(page)
    if not record["body"]:
        raise LocalPageError(f"the local copy {link} holds no article text the boilerplate remover "
                             "could find")
    return record["body"], record.get("url")


def _title(entry: dict[str, Any]) -> str | None:
    """The entry's title as text: Atom titles of type html carry markup and entities."""
    title = entry.get("title")
    detail = entry.get("title_detail") or {}
    return html_to_text(title) if title and detail.get("type") == "text/html" else title


def _feed_time(entry: dict[str, Any]) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat() if parsed else None
