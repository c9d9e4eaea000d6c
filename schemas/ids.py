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


_NAMESPACE_BYTES = WIRECHECK_NAMESPACE.bytes


def _derive(*parts: object) -> str:
    # ``str(uuid.uuid5(WIRECHECK_NAMESPACE, name))`` spelt out (RFC 4122, 4.3): SHA-1 of namespace and
    # name, version 5 in the high nibble of byte 6, variant 10 in the top bits of byte 8. Building a
    # ``UUID`` object only to print it cost 2.4 times this, and an article yields dozens of ids.
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "\x1f".join(map(str, parts)).encode()).digest()[:16])
    digest[6] = digest[6] & 0x0F | 0x50
    digest[8] = digest[8] & 0x3F | 0x80
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def content_hash(text: str) -> str:
    """SHA-256 of the text, hex; whitespace at the ends does not count."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def article_id(*, source: str, url: str | None, body: str, original_id: str | None = None) -> str:
    """The same article from the same outlet always gets the same id.

    The item's own id at its source (a ninjs ``uri``, a NewsML-G2 ``guid``, a feed entry's guid)
    identifies it when given, so every version of a wire item shares one id whatever its URL;
    otherwise the URL does, and without either, the text. A guid equal to the URL gives the same id
    as the URL, so feeds whose guid is the permalink keep the ids they had.
    """
    given = next((x.strip() for x in (original_id, url) if x and x.strip()), None)
    locator = given or "sha256:" + content_hash(body)
    return _derive("article", source.strip().lower(), locator)


def claim_id(*, article_id: str, extractor_version: str, kind: str, span: tuple[int, int]) -> str:
    """The same claim from the same extractor version over the same article has the same id."""
    return _derive("claim", article_id, extractor_version, kind, span[0], span[1])


def event_id(*, event_type: str, key: str) -> str:
    """An event's id from its type and what makes it unique (usually the id of its cause)."""
    return _derive("event", event_type, key)
