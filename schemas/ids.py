"""Deterministic identities (contract layer).

Every id in wirecheck is derived from content, never drawn at random, so that re-delivery, a restart
or a replay produces the same ids and therefore no duplicates downstream (DESIGN.md, "Deterministic
identity"). Ids are UUIDv5 in a namespace of our own.
"""

from __future__ import annotations

import hashlib
import uuid

# Fixed once for the project: uuid5(NAMESPACE_URL, "https://wirecheck.invalid/ids").
WIRECHECK_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://wirecheck.invalid/ids")


def _derive(*parts: object) -> str:
    return str(uuid.uuid5(WIRECHECK_NAMESPACE, "\x1f".join(str(p) for p in parts)))


def content_hash(text: str) -> str:
    """SHA-256 of the text, hex; whitespace at the ends does not count."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def article_id(*, source: str, url: str | None, body: str) -> str:
    """The same article from the same outlet always gets the same id.

    The URL identifies an article when the outlet gives one; otherwise its text does.
    """
    locator = url.strip() if url and url.strip() else "sha256:" + content_hash(body)
    return _derive("article", source.strip().lower(), locator)


def claim_id(*, article_id: str, extractor_version: str, kind: str, span: tuple[int, int]) -> str:
    """The same claim from the same extractor version over the same article has the same id."""
    return _derive("claim", article_id, extractor_version, kind, span[0], span[1])


def event_id(*, event_type: str, key: str) -> str:
    """An event's id from its type and what makes it unique (usually the id of its cause)."""
    return _derive("event", event_type, key)
