"""Topic ⇄ event type registry and the one place where bytes become events (contract layer).

No handler calls ``json.loads`` itself: runners decode at the topic edge with ``decode`` and encode
with ``encode``. Decoding failures raise ``EventDecodeError`` with a reason fit for the dead-letter
topic. Older schema versions are upcast here (``schemas.upcasting``), so handlers see only the
current model. A topic's name carries its own version (``articles.v1``), which changes only when
the topic's records stop being readable by upcasting — a new event type, a new key or partitioning.
"""

from __future__ import annotations

import json

from pydantic import TypeAdapter, ValidationError

from schemas.envelope import Event
from schemas.events import (
    ArticlePublished,
    ArticlePublishedV1,
    ClaimsExtracted,
    DeadLettered,
    DecisionRecorded,
    VerdictChanged,
)
from schemas.exceptions import EventDecodeError, UnknownTopicError
from schemas.upcasting import upcast

ARTICLES = "articles.v1"
CLAIMS = "claims.v1"
VERDICTS = "verdicts.v1"
DECISIONS = "decisions.v1"
DEADLETTER = "deadletter.v1"
# The verifier's intake log (services/verify/intake.py): copies of claims.v1 and decisions.v1
# records in the one order every verifier instance applies them. Not an event type of its own;
# one partition, because a single partition is what gives the order.
VERIFY_INTAKE = "verify.intake.v1"
SINGLE_PARTITION_TOPICS = (VERIFY_INTAKE,)

TOPIC_EVENTS: dict[str, type[Event]] = {
    ARTICLES: ArticlePublished,
    CLAIMS: ClaimsExtracted,
    VERDICTS: VerdictChanged,
    DECISIONS: DecisionRecorded,
    DEADLETTER: DeadLettered,
}
EVENT_TOPICS: dict[type[Event], str] = {model: topic for topic, model in TOPIC_EVENTS.items()}
# Older versions that may still be on a topic: read through the upcasters, kept for their JSON Schema.
EARLIER_VERSIONS: dict[str, tuple[type[Event], ...]] = {ARTICLES: (ArticlePublishedV1,)}

# Upper bound on one record, matching the broker's default max.message.bytes (1 MiB); larger
# records are refused before parsing so a hostile payload cannot exhaust memory.
MAX_RECORD_BYTES = 1_048_576


def topic_for(event: Event) -> str:
    return EVENT_TOPICS[type(event)]


def encode(event: Event) -> bytes:
    return event.model_dump_json().encode("utf-8")


def _adapter(topic: str) -> TypeAdapter[Event]:
    try:
        return _ADAPTERS[topic]
    except KeyError:
        raise UnknownTopicError(f"topic {topic!r} is not in the registry") from None


_ADAPTERS: dict[str, TypeAdapter[Event]] = {t: TypeAdapter(m) for t, m in TOPIC_EVENTS.items()}


def decode(topic: str, value: bytes | None) -> Event:
    """Bytes from ``topic`` → its event, or ``EventDecodeError`` saying what is wrong.

    One pass first: pydantic-core parses and validates a current-version record 1.4-1.6× as fast
    as ``decode_stepwise`` in CPU time (bench/results/serialise.md). Whatever it refuses — an older version
    to upcast, a lone surrogate escape that ``json.loads`` takes, a bad record — goes through
    ``decode_stepwise``, so what is accepted, and the reason for what is not, stay its own.
    """
    adapter = _adapter(topic)
    if value and len(value) <= MAX_RECORD_BYTES:
        try:
            return adapter.validate_json(value)
        except ValidationError:
            pass
    return decode_stepwise(topic, value)


def decode_stepwise(topic: str, value: bytes | None) -> Event:
    """The reference decoding, one check at a time, each with its own reason: size, UTF-8, JSON,
    an object of the topic's event type, upcasting of older versions, validation."""
    adapter = _adapter(topic)
    if value is None or len(value) == 0:
        raise EventDecodeError(f"empty record on {topic}: expected a JSON {_name(topic)} event")
    if len(value) > MAX_RECORD_BYTES:
        raise EventDecodeError(
            f"record of {len(value)} bytes exceeds the {MAX_RECORD_BYTES}-byte limit on {topic}"
        )
    try:
        text = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EventDecodeError(f"record is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise EventDecodeError(f"record is not valid JSON: {exc.msg} at char {exc.pos}") from exc
    expected = _name(topic)
    if not isinstance(raw, dict):
        raise EventDecodeError(f"record is JSON {type(raw).__name__}, expected a {expected} object")
    if raw.get("event_type") != expected:
        raise EventDecodeError(
            f"event_type {raw.get('event_type')!r} does not belong on {topic} (expects {expected})"
        )
    written = raw.get("schema_version")
    current = upcast(raw, current=_current_version(topic))
    try:
        return adapter.validate_python(current)
    except ValidationError as exc:
        read_as = f" (v{written}, read as v{current['schema_version']})" if current is not raw else ""
        raise EventDecodeError(f"{expected}{read_as} failed validation: {_summarise(exc)}") from exc


def _name(topic: str) -> str:
    return TOPIC_EVENTS[topic].model_fields["event_type"].default


def _current_version(topic: str) -> int:
    return TOPIC_EVENTS[topic].model_fields["schema_version"].default


def _summarise(exc: ValidationError, limit: int = 3) -> str:
    parts = [
        f"{'.'.join(str(p) for p in err['loc']) or '<root>'}: {err['msg']}"
        for err in exc.errors()[:limit]
    ]
    more = exc.error_count() - limit
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def key_for(event: Event) -> bytes:
    """Partition key: verdicts by claim (a claim's history stays in order), the rest by article."""
    claim_id = getattr(event, "claim_id", None)
    return (claim_id or event.correlation_id).encode("utf-8")
