"""`wirecheck deadletter list|replay`: what the stages refused, and re-driving it after a fix.

Shell layer over ``deadletter.v1``. Replay sends a dead-lettered record's original bytes (and key)
back to the topic it was read from, as a new record; the stage handles it again. Because every
output id is derived from the input, a record that was dead-lettered, fixed and replayed yields
the same events it would have yielded the first time. Records refused at ingest (input files) have
no topic: the fix is to correct the file and ingest it again.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kafka import KafkaProducer

from schemas import DeadLettered
from schemas.registry import DEADLETTER
from wirecheck.settings import Settings
from wirecheck.topic_reader import read_topic


@dataclass(frozen=True)
class DeadLetterFilter:
    stage: str | None = None
    reason_contains: str | None = None

    def accepts(self, record: DeadLettered) -> bool:
        if self.stage and record.stage != self.stage:
            return False
        return not self.reason_contains or self.reason_contains.lower() in record.reason.lower()


def dead_letters(settings: Settings, chosen: DeadLetterFilter) -> Iterator[DeadLettered]:
    for event in read_topic(settings, DEADLETTER):
        if isinstance(event, DeadLettered) and chosen.accepts(event):
            yield event


def describe(record: DeadLettered) -> str:
    """One line: when, which stage, where the record came from, and why it was refused."""
    where = record.location or f"{record.topic}/{record.partition}/{record.offset}"
    when = record.occurred_at.strftime("%Y-%m-%d %H:%M:%S")
    return f"{when}  {record.stage:<8} {record.error_type:<8} {where}  {record.reason}"


@dataclass
class ReplayResult:
    replayed: int = 0
    skipped_files: int = 0


def replay(settings: Settings, records: Iterable[DeadLettered]) -> ReplayResult:
    """Send each record's original bytes back to its topic; input-file records are skipped."""
    result = ReplayResult()
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap, enable_idempotence=True, acks="all")
    try:
        for record in records:
            if record.topic is None:
                result.skipped_files += 1
                continue
            key = base64.b64decode(record.key_b64) if record.key_b64 is not None else None
            producer.send(record.topic, key=key, value=base64.b64decode(record.value_b64))
            result.replayed += 1
        producer.flush()
    finally:
        producer.close()
    return result
