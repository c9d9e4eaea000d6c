"""Finding and reading input files for ingest (files, folders, globs) — the file-system edge."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from pathlib import Path

from schemas import ArticlePublished, Producer
from services.ingest.exceptions import BadRecordError
from services.ingest.formats import RawArticle, read_articles
from services.ingest.normalise import to_event

# Files that are not articles even inside a feed folder.
IGNORED_SUFFIXES = {".meta", ".md", ".swp", ".tmp", ".part"}


def expand_paths(patterns: Iterable[str]) -> list[Path]:
    """Files named by ``patterns`` (files, folders walked recursively, globs), sorted, each once."""
    found: dict[Path, None] = {}
    for pattern in patterns:
        matches = [Path(p) for p in glob.glob(pattern, recursive=True)] or [Path(pattern)]
        for path in matches:
            files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
            for file in files:
                if file.suffix not in IGNORED_SUFFIXES and not file.name.startswith("."):
                    found[file] = None
    return list(found)


def read_file(path: Path, *, defaults: dict[str, str] | None = None) -> Iterator[RawArticle | BadRecordError]:
    """Articles of one file; ``defaults`` fill metadata the file does not give (e.g. the source)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield BadRecordError(str(path), f"cannot be read ({exc.strerror})")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield BadRecordError(str(path), f"is not UTF-8 text (byte {exc.start}: {exc.reason})", data)
        return
    for item in read_articles(text, where=str(path)):
        if isinstance(item, RawArticle) and defaults:
            missing = {k: v for k, v in defaults.items() if getattr(item, k) in (None, "")}
            item = RawArticle.model_validate({**item.model_dump(), **missing}) if missing else item
        yield item


def article_events(
    paths: Iterable[Path], *, producer: Producer, max_chars: int, defaults: dict[str, str] | None = None
) -> Iterator[ArticlePublished | BadRecordError]:
    """``ArticlePublished`` for every good record under ``paths``; an error for every bad one."""
    for path in paths:
        for item in read_file(path, defaults=defaults):
            if isinstance(item, BadRecordError):
                yield item
                continue
            try:
                yield to_event(item, producer=producer, max_chars=max_chars)
            except BadRecordError as exc:
                yield exc
