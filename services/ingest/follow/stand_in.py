"""A stand-in wire: serves a folder of articles as one Atom feed per outlet on loopback (shell layer).

``make demo`` has no real wire to follow, so it serves ``samples/feed/`` this way and follows it
like any feed. Each outlet's feed carries its articles' full text (``<content type="text">``, the
text as the file has it), the URL as the entry id (so the article id is the one ingesting the file
gives), byline, publication time and the wire credit as the entry's ``<source>``. Responses carry
an ``ETag`` and answer ``If-None-Match`` with 304, as a well-behaved wire does.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree.ElementTree import Element, SubElement, tostring

from services.ingest.records import RawArticle
from services.ingest.sources import expand_paths, read_file

ATOM = "http://www.w3.org/2005/Atom"


def slug(outlet: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")


def atom_feeds(folder: Path) -> dict[str, tuple[str, bytes]]:
    """slug → (outlet, its Atom document) for the articles under ``folder``."""
    by_outlet: dict[str, list[RawArticle]] = defaultdict(list)
    for path in expand_paths([str(folder)]):
        for item in read_file(path):
            if isinstance(item, RawArticle) and item.source:
                by_outlet[item.source].append(item)
    return {slug(outlet): (outlet, atom_document(outlet, articles)) for outlet, articles in by_outlet.items()}


def atom_document(outlet: str, articles: list[RawArticle]) -> bytes:
    feed = Element("feed", xmlns=ATOM)
    SubElement(feed, "title").text = outlet
    SubElement(feed, "id").text = f"urn:wirecheck:stand-in:{slug(outlet)}"
    stamps = [a.published for a in articles if a.published]
    if stamps:
        SubElement(feed, "updated").text = max(stamps).isoformat()
    for article in articles:
        _entry(feed, article)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + tostring(feed, encoding="utf-8", xml_declaration=False)


def _entry(feed: Element, article: RawArticle) -> None:
    entry = SubElement(feed, "entry")
    SubElement(entry, "id").text = article.original_id or article.url
    SubElement(entry, "title").text = article.title
    if article.url:
        SubElement(entry, "link", href=article.url)
    if article.published:
        SubElement(entry, "published").text = article.published.isoformat()
        SubElement(entry, "updated").text = article.published.isoformat()
    if article.byline:
        SubElement(SubElement(entry, "author"), "name").text = article.byline
    if article.credit:
        SubElement(SubElement(entry, "source"), "title").text = article.credit
    SubElement(entry, "content", type="text").text = article.body


class _Handler(BaseHTTPRequestHandler):
    documents: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        body = self.documents.get(self.path)
        if body is None:
            self.send_error(404)
            return
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/atom+xml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 — http.server's signature
        """Quiet: the follower logs every poll already."""


class StandInWire:
    """The folder's outlets as Atom feeds at ``http://127.0.0.1:PORT/feeds/<slug>.atom``."""

    def __init__(self, folder: Path) -> None:
        feeds = atom_feeds(folder)
        self.outlets = {name: outlet for name, (outlet, _) in feeds.items()}
        handler = type("StandInHandler", (_Handler,),
                       {"documents": {f"/feeds/{name}.atom": doc for name, (_, doc) in feeds.items()}})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                       name="stand-in-wire", daemon=True)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/feeds/{name}.atom"

    def feeds_toml(self, *, interval_s: float) -> str:
        """A feeds file following every outlet of the stand-in."""
        return "".join(f'[[feeds]]\nname = "{name}"\nurl = "{self.url(name)}"\noutlet = "{outlet}"\n'
                       f'format = "atom"\ninterval_s = {interval_s}\n\n' for name, outlet in self.outlets.items())

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def __enter__(self) -> StandInWire:
        self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()
