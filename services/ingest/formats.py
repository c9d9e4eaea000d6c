"""Input formats of ingest: detection by content and dispatch to the reader of each (pure core).

Text in, ``RawArticle`` records out. The format is told from the content, not the file name:
JSON (our JSON lines, or IPTC ninjs items — one object, an array, or one per line), XML (NewsML-G2
in ``newsml``; RSS/Atom in ``feeds``), an HTML page (``html_text``), or plain text with an optional
front-matter block (read here). A bad record becomes a ``BadRecordError`` in the stream of results,
naming the file and the record, and the records after it are still read.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, Literal

from services.ingest.exceptions import BadRecordError
from services.ingest.feeds import PageLoader, read_feed
from services.ingest.html_text import html_to_text, page_record
from services.ingest.newsml import read_newsml
from services.ingest.ninjs import looks_like_ninjs, ninjs_fields
from services.ingest.records import RawArticle, validated

__all__ = ["Format", "RawArticle", "decode_input", "detect_format", "html_to_text", "read_articles"]

Format = Literal["text", "jsonl", "ninjs", "newsml", "feed", "html"]

# Keys of a front-matter block; a JSON-lines record may carry any RawArticle field (issues #2, #8).
METADATA_KEYS = ("title", "source", "url", "published", "byline", "credit", "dateline", "located",
                 "original_id", "version")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<header>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
XML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
FIRST_ELEMENT = re.compile(r"<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)")  # its local name; skips <? and <!
XML_ROOT_FORMATS: dict[str, Format] = {"newsitem": "newsml", "newsmessage": "newsml", "html": "html"}
# The encoding an input declares: an XML declaration, or an HTML <meta charset> near the top.
XML_ENCODING = re.compile(rb"\A\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
HTML_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)
DECLARED_ENCODING = re.compile(r"(\A\s*<\?xml[^>]*?encoding\s*=\s*)([\"'])[^\"']*\2")
HEAD_CHARS = 4096  # detection looks this far into a file: past any XML prolog, comments, DOCTYPE


def detect_format(text: str) -> Format:
    """Tell the format from the content: the first characters, the root element, the first record."""
    head = text.lstrip("\ufeff \t\r\n")[:HEAD_CHARS]
    if head.startswith(("{", "[")):
        return "ninjs" if _first_json_is_ninjs(text) else "jsonl"
    if not head.startswith("<"):
        return "text"
    if head[:14].lower() == "<!doctype html":
        return "html"
    root = FIRST_ELEMENT.search(XML_COMMENT.sub("", head))
    # Anything else that is XML goes to feedparser, whose lenient reader names what is wrong.
    return XML_ROOT_FORMATS.get(root.group(1).lower(), "feed") if root else "feed"


def decode_input(data: bytes) -> str:
    """Bytes of an input file as text: BOM, else the declared encoding, else UTF-8.

    ``ValueError`` says why the bytes are not text. An XML declaration's ``encoding`` is kept in the
    text but no longer true of it; ``read_articles`` rewrites it before any XML parser sees it.
    """
    if data.startswith(codecs.BOM_UTF8):
        data, declared = data[len(codecs.BOM_UTF8):], None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    else:
        match = XML_ENCODING.match(data) or (HTML_CHARSET.search(data[:HEAD_CHARS])
                                             if HTML_START.match(data) else None)
        declared = match.group(1).decode("ascii") if match else None
    encoding = declared or "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"declares the encoding {encoding!r}, which is unknown") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        label = f"{encoding} text as it declares" if declared else "UTF-8 text"
        raise ValueError(f"is not {label} (byte {exc.start}: {exc.reason})") from None


def read_articles(text: str, *, where: str,
                  load_page: PageLoader | None = None) -> Iterator[RawArticle | BadRecordError]:
    """Every article in ``text``; bad records are yielded as errors, not raised.

    ``load_page`` reads the local HTML copy a feed entry links to (see ``feeds``); without it such
    entries keep their summary.
    """
    text = DECLARED_ENCODING.sub(r"\1\2utf-8\2", text, count=1)  # the text is decoded already
    fmt = detect_format(text)
    if fmt == "feed":
        yield from read_feed(text, where=where, load_page=load_page)
    elif fmt == "newsml":
        yield from read_newsml(text, where=where)
    elif fmt == "html":
        yield from validated(where, page_record(text), text)
    elif fmt in ("jsonl", "ninjs"):
        yield from _read_json(text, where=where)
    else:
        yield from _read_text(text, where=where)


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
    yield from validated(where, {**meta, "body": text}, text)


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


def _read_json(text: str, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    """JSON lines (``file:N``), or one JSON document: an object (``file``) or an array (``file: item N``)."""
    document = _whole_document(text)
    if document is None:
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield from _json_line(line, where=f"{where}:{number}")
    elif isinstance(document, list):
        for number, record in enumerate(document, start=1):
            yield from _json_record(record, where=f"{where}: item {number}",
                                    raw=json.dumps(record, ensure_ascii=False))
    else:
        yield from _json_record(document, where=where, raw=text)


def _whole_document(text: str) -> Any:
    """The text as one JSON document when it is one spread over lines or an array; else None
    (JSON lines, or a single line, which keeps its ``file:1`` name)."""
    stripped = text.strip().lstrip("\ufeff")
    if "\n" not in stripped and not stripped.startswith("["):
        return None
    try:
        return json.loads(stripped)
    except json.JSONDecodeError:
        return None


def _json_line(line: str, *, where: str) -> Iterator[RawArticle | BadRecordError]:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield BadRecordError(where, f"not valid JSON ({exc.msg} at column {exc.colno})", line.encode())
        return
    yield from _json_record(record, where=where, raw=line)


def _json_record(record: Any, *, where: str, raw: str) -> Iterator[RawArticle | BadRecordError]:
    if not isinstance(record, dict):
        yield BadRecordError(where, f"expected a JSON object, found {type(record).__name__}", raw.encode())
    elif looks_like_ninjs(record):
        try:
            fields = ninjs_fields(record)
        except ValueError as exc:
            yield BadRecordError(where, f"ninjs: {exc}", raw.encode())
            return
        yield from validated(where, fields, raw)
    else:
        yield from validated(where, record, raw)


def _first_json_is_ninjs(text: str) -> bool:
    document = _whole_document(text)
    if document is None:
        first = next((line for line in text.splitlines() if line.strip()), "")
        try:
            document = json.loads(first.lstrip("\ufeff"))
        except json.JSONDecodeError:
            return False
    record = document[0] if isinstance(document, list) and document else document
    return isinstance(record, dict) and looks_like_ninjs(record)
