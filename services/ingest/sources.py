"""Finding and reading input files for ingest (files, folders, globs) — the file-system edge.

Also reads the local HTML copies feed entries link to (``LocalPages``): only files inside the feed's
own folder, never the network.
"""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from schemas import ArticlePublished, Producer
from services.ingest.exceptions import BadRecordError, LocalPageError
from services.ingest.formats import RawArticle, decode_input, read_articles
from services.ingest.normalise import to_event

# Files that are not articles even inside a feed folder.
IGNORED_SUFFIXES = {".meta", ".md", ".swp", ".tmp", ".part"}
# Web pages inside a walked folder are the local copies its feeds link to, read through the feed;
# named one by one (or by a glob) they are ingested as articles themselves.
PAGE_SUFFIXES = {".html", ".htm", ".xhtml"}


def expand_paths(patterns: Iterable[str]) -> list[Path]:
    """Files named by ``patterns`` (files, folders walked recursively, globs), sorted, each once."""
    found: dict[Path, None] = {}
    for pattern in patterns:
        matches = [Path(p) for p in glob.glob(pattern, recursive=True)] or [Path(pattern)]
        for path in matches:
            for file in _walk(path) if path.is_dir() else [path]:
                if file.suffix not in IGNORED_SUFFIXES and not file.name.startswith("."):
                    found[file] = None
    return list(found)


def _walk(folder: Path) -> list[Path]:
    """The files under ``folder``, sorted, without the web pages (the local copies feeds link to)."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() not in PAGE_SUFFIXES)


def read_file(path: Path, *, defaults: dict[str, str] | None = None) -> Iterator[RawArticle | BadRecordError]:
    """Articles of one file; ``defaults`` fill metadata the file does not give (e.g. the source)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield BadRecordError(str(path), f"cannot be read ({exc.strerror})")
        return
    yield from read_data(data, where=str(path), load_page=LocalPages(path.parent), defaults=defaults)


def read_data(data: bytes, *, where: str, load_page: LocalPages | None = None,
              defaults: dict[str, str] | None = None) -> Iterator[RawArticle | BadRecordError]:
    """Articles of one input's bytes (a file's, or standard input's), as ``read_file`` gives them."""
    try:
        text = decode_input(data)
    except ValueError as exc:
        yield BadRecordError(where, str(exc), data)
        return
    for item in read_articles(text, where=where, load_page=load_page):
        if isinstance(item, RawArticle) and defaults:
            missing = {k: v for k, v in defaults.items() if getattr(item, k) in (None, "")}
            item = RawArticle.model_validate({**item.model_dump(), **missing}) if missing else item
        yield item


class LocalPages:
    """Loads the local HTML copy a feed entry links to: a relative path or ``file:`` URL that
    resolves inside the feed's folder. Network links give None — they are never fetched."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()

    def __call__(self, link: str) -> str | None:
        parts = urlsplit(link.strip())
        if parts.scheme not in ("", "file") or (parts.scheme == "" and parts.netloc):
            return None  # http(s), urn:, tag:, //host/…: not a local copy
        local = unquote(parts.path)
        if parts.netloc not in ("", "localhost"):
            # feedparser rewrites file:///abs/path as file://abs/path, so a "host" is the first
            # folder of an absolute path; the folder check below still applies to it.
            local = f"/{parts.netloc}{local}"
        path = (self.folder / local).resolve()
        if not path.is_relative_to(self.folder):
            raise LocalPageError(f"{link} is outside the feed's folder {self.folder}; "
                                 "only local copies next to the feed are read")
        try:
            return decode_input(path.read_bytes())
        except OSError as exc:
            raise LocalPageError(f"the local copy {link} cannot be read ({exc.strerror})") from None
        except ValueError as exc:
            raise LocalPageError(f"the local copy {link} {exc}") from None


def article_events(
    paths: Iterable[Path], *, producer: Producer, max_chars: int, defaults: dict[str, str] | None = None
) -> Iterator[ArticlePublished | BadRecordError]:
    """``ArticlePublished`` for every good record under ``paths``; an error for every bad one."""
    for path in paths:
        yield from normalised(read_file(path, defaults=defaults), producer=producer, max_chars=max_chars)


def normalised(
    items: Iterable[RawArticle | BadRecordError], *, producer: Producer, max_chars: int
) -> Iterator[ArticlePublished | BadRecordError]:
    """Each read article as its ``ArticlePublished`` event; refusals pass through as errors."""
    for item in items:
        if isinstance(item, BadRecordError):
            yield item
            continue
        try:
            yield to_event(item, producer=producer, max_chars=max_chars)
        except BadRecordError as exc:
            yield exc
