"""Which version of an article is current (pure core of the verifier).

An outlet corrects or updates a story under the same ``article_id`` (same outlet and URL) with new
text, so a ClaimsExtracted whose ``article.content_sha256`` differs from the one the verifier holds
is another *version* of the article. The newer version replaces the older one's claims; an older
version that arrives after a newer one (out of order, or a late re-extraction) is ignored.

Which of two versions is newer, in order:

1. ``article.version`` when both carry one and they differ (numbers compare as numbers, else as
   text) — the publisher's own revision counter is the best witness;
2. else ``article.published_at`` when both carry one and they differ (an update re-stamped later);
3. else the one that arrives later is newer. claims.v1 is keyed by article id, so every version of
   an article sits on one partition and arrives in the same order on replay: the rule is
   deterministic, though not independent of the order the claims service wrote them in.

A content hash that was once current and then superseded never becomes current again (a late
re-delivery of version 1 after version 2 is ignored even when rule 3 would otherwise apply).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from schemas.events import ArticleMeta


def content_key(content_sha256: str) -> int:
    """A content hash as a 64-bit int (a small, cheap dict key; collisions at 2^-64 are ignored)."""
    return int.from_bytes(hashlib.blake2b(content_sha256.encode(), digest_size=8).digest(), "big")


@dataclass(frozen=True, slots=True)
class VersionStamp:
    """What orders two versions of one article."""

    content: int  # content_key of the body
    version: int | str | None
    published_at: float | None

    @classmethod
    def of(cls, meta: ArticleMeta) -> VersionStamp:
        version = getattr(meta, "version", None)  # optional provenance field, not in every schema
        published = meta.published_at.timestamp() if meta.published_at else None
        return cls(content_key(meta.content_sha256), version, published)

    def supersedes(self, older: VersionStamp) -> bool:
        """Whether this version replaces ``older`` (rules 1–3 of the module docstring)."""
        if self.version is not None and older.version is not None and self.version != older.version:
            return _version_order(self.version) > _version_order(older.version)
        if self.published_at is not None and older.published_at is not None:
            if self.published_at != older.published_at:
                return self.published_at > older.published_at
        return True


def _version_order(version: int | str) -> tuple[int, float, str]:
    """Numbers (or numeric strings) before text, numbers by value: "10" is after "9"."""
    try:
        return (0, float(version), "")
    except (TypeError, ValueError):
        return (1, 0.0, str(version))


class ArticleVersions:
    """The current version of every article, and the contents it has left behind."""

    def __init__(self) -> None:
        self._current: dict[str, VersionStamp] = {}
        self._superseded: dict[str, set[int]] = {}  # only for articles that ever changed

    def classify(self, meta: ArticleMeta) -> str:
        """``first``, ``current`` (same content), ``newer`` or ``older`` than the version held."""
        stamp = VersionStamp.of(meta)
        held = self._current.get(meta.article_id)
        if held is None:
            return "first"
        if held.content == stamp.content:
            return "current"
        if stamp.content in self._superseded.get(meta.article_id, ()):
            return "older"
        return "newer" if stamp.supersedes(held) else "older"

    def install(self, meta: ArticleMeta) -> None:
        """Make ``meta`` the article's current version (the caller classified it first/newer)."""
        held = self._current.get(meta.article_id)
        stamp = VersionStamp.of(meta)
        if held is not None and held.content != stamp.content:
            self._superseded.setdefault(meta.article_id, set()).add(held.content)
        self._current[meta.article_id] = stamp
