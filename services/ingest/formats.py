"""Readers for the input formats of ingest: plain text with front matter, JSON lines, RSS/Atom.

Pure layer: text in, ``RawArticle`` records out. The format is told from the content, not the file
name. A bad record becomes a ``BadRecordError`` in the stream of results, naming the file and the
record, and the records after it are still read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, timezone
from html.parser import HTMLParser
from typing import Literal

import feedparser
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from services.ingest.exceptions import BadRecordError

Format = Literal["text", "jsonl", "feed"]

# Keys of a front-matter block and of a JSON-lines record (issue #2).
METADATA_KEYS = ("title", "source", "url", "published", "byline", "credit")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<header>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class RawArticle(BaseModel):
    """An article as read from an input, before ids and fingerprints are derived."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    where: str = Field(description="File and record it came from, for error messages.")
    body: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    byline: str | None = None
    credit: str | None = None
    published: datetime | None = None

    @field_validator("published")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value


def detect_format(text: str) -> Format:
    """Tell the format from the first non-blank characters."""
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        return "feed"
    return "text"


def read_articles(text: str, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    """Every article in ``text``; bad records are yielded as errors, not raised."""
    reader = {"text": _read_text, "jsonl": _read_jsonl, "feed": _read_feed}[detect_format(text)]
    yield from reader(text, where=where)


def _read_text(text: str, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    meta: dict[str, str] = {}
    match = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if match:
        try:
            meta = _parse_front_matter(match.group("header"))
        except ValueError as exc:
            yield BadRecordError(where, f"front matter: {exc}", text.encode())
            return
        text = text.lstrip("\ufeff")[match.end():]
    yield from _validated(where, {**meta, "body": text}, text)


def _parse_front_matter(header: str) -> dict[str, str]:
    meta: dict[str, str] = {}
    for number, line in enumerate(header.splitlines(), start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or key not in METADATA_KEYS:
            raise ValueError(f"line {number} {line!r} is not 'key: value' with a key of {METADATA_KEYS}")
        meta[key] = value.strip()
    return meta


def _read_jsonl(text: str, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        here = f"{where}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadRecordError(here, f"not valid JSON ({exc.msg} at column {exc.colno})", line.encode())
            continue
        if not isinstance(record, dict):
            yield BadRecordError(here, f"expected a JSON object, found {type(record).__name__}", line.encode())
            continue
        yield from _validated(here, record, line)


def _read_feed(text: str, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    parsed = feedparser.parse(text)
    if parsed.bozo and not parsed.entries:
        yield BadRecordError(where, f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})",
                             text.encode())
        return
    outlet = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        html = entry["content"][0]["value"] if entry.get("content") else entry.get("summary", "")
        record = {
            "title": entry.get("title"),
            "url": entry.get("link"),
            "byline": entry.get("author"),
            "source": outlet,
            "published": _feed_time(entry),
            "body": html_to_text(html),
        }
        yield from _validated(f"{where}: entry {number}", record, json.dumps(record, ensure_ascii=False))


def _feed_time(entry: dict) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat() if parsed else None


def _validated(where: str, record: dict, raw: str) -> Iterator[RawArticle | BadRecordError]:
    try:
        yield RawArticle(where=where, **record)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
        yield BadRecordError(where, problems, raw.encode())


class _TextCollector(HTMLParser):
    """Collects the text of an HTML fragment, a paragraph per block element."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr"}
    SKIP = {"script", "style"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skipping:
            self._skipping -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of a feed entry's HTML: paragraphs kept, whitespace inside them folded."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = (" ".join(p.split()) for p in "".join(collector.parts).split("\n"))
    return "\n".join(p for p in paragraphs if p)
