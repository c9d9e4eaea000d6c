"""What ingest has already published, and whether an article is new (pure core of ingest).

An article is published once however often it arrives (issue #8). For each article, in order:

1. the same ``article_id`` and ``version`` as a published one (both versioned) → duplicate;
2. a lower version than one already published of that article → superseded: a late version 1
   must not follow version 2 onto ``articles.v1`` and read as the newest;
3. the same text (content hash) from the same outlet → duplicate, whatever its id or version;
4. otherwise new — including a new version of a published article, which is a new
   ``ArticlePublished`` with the same ``article_id`` and a higher ``version``.

The index is a projection of ``articles.v1``: the runner rebuilds it from the record keys and headers
(``runner.published_identities``) before publishing, so dedup survives restarts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from schemas import ArticleMeta

Standing = Literal["new", "duplicate", "superseded"]


def outlet_key(source: str) -> str:
    """The outlet as ``schemas.ids.article_id`` compares it: trimmed, lower case."""
    return source.strip().lower()


@dataclass(frozen=True)
class Identity:
    """What dedup compares of a published article."""

    article_id: str
    outlet: str
    content_sha256: str
    version: int | None = None

    @classmethod
    def of(cls, article: ArticleMeta) -> Identity:
        return cls(article.article_id, outlet_key(article.source), article.content_sha256, article.version)


@dataclass
class PublishedIndex:
    """Versions and texts already on the topic."""

    versions: dict[str, set[int]] = field(default_factory=dict)
    texts: set[tuple[str, str]] = field(default_factory=set)

    def standing(self, identity: Identity) -> Standing:
        """Rules 1–4 of the module docstring."""
        published = self.versions.get(identity.article_id, set())
        if identity.version is not None and identity.version in published:
            return "duplicate"
        if identity.version is not None and published and identity.version < max(published):
            return "superseded"
        if (identity.outlet, identity.content_sha256) in self.texts:
            return "duplicate"
        return "new"

    def add(self, identity: Identity) -> None:
        if identity.version is not None:
            self.versions.setdefault(identity.article_id, set()).add(identity.version)
        self.texts.add((identity.outlet, identity.content_sha256))

    def __len__(self) -> int:
        return len(self.texts)
