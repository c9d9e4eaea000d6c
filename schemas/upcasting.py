"""Reading older event versions as the current one (contract layer, pure).

Events are never rewritten on a topic: a v1 record stays v1 for ever. ``registry.decode`` passes
every parsed record through ``upcast`` before validation, which applies a chain of pure functions,
one per version step (v1→v2, v2→v3, …), so a handler only ever sees the current model. A version
newer than this code knows is refused with a reason that says to upgrade and replay.

To add a version: bump the model's ``schema_version``, keep the old model for its JSON Schema and
register ``(event_type, old_version) → function`` in ``UPCASTERS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

from schemas.exceptions import EventDecodeError

Raw = dict[str, Any]
Upcaster = Callable[[Raw], Raw]

# Fields of ArticlePublished v1 that could be written without a UTC offset.
_ARTICLE_TIMESTAMPS = ("published_at", "first_published_at")


def assume_utc(value: Any) -> Any:
    """An ISO-8601 timestamp without an offset gets ``+00:00``; anything else is returned as is.

    Values that do not parse are left for validation to refuse, with its own message.
    """
    if not isinstance(value, str):
        return value
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return value
    return value if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc).isoformat()


def upcast_article_published_v1(raw: Raw) -> Raw:
    """ArticlePublished v1 → v2: naive timestamps are UTC, as ingest has always meant them."""
    upcast = {**raw, "schema_version": 2, "occurred_at": assume_utc(raw.get("occurred_at"))}
    article = raw.get("article")
    if isinstance(article, dict):
        upcast["article"] = {
            **article,
            **{name: assume_utc(article[name]) for name in _ARTICLE_TIMESTAMPS if name in article},
        }
    return upcast


UPCASTERS: Mapping[tuple[str, int], Upcaster] = {
    ("ArticlePublished", 1): upcast_article_published_v1,
}


def upcast(raw: Raw, *, current: int, upcasters: Mapping[tuple[str, int], Upcaster] = UPCASTERS) -> Raw:
    """``raw`` (a parsed record of its ``event_type``) as version ``current``, or a clear refusal."""
    event_type, version = raw.get("event_type"), raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise EventDecodeError(f"{event_type} has schema_version {version!r}; expected an integer")
    if version > current:
        raise EventDecodeError(
            f"{event_type} schema_version {version} is newer than this wirecheck reads (up to "
            f"{current}); upgrade the consumer, then `wirecheck deadletter replay` re-drives it"
        )
    while version < current:
        step = upcasters.get((event_type, version))
        if step is None:
            raise EventDecodeError(
                f"{event_type} schema_version {version} is not a version wirecheck ever wrote "
                f"(it reads up to {current})"
            )
        raw = step(raw)
        version = raw["schema_version"]
    return raw
