"""Reads a topic from its beginning to its current end, decoded (shell layer, for reports and tests)."""

from __future__ import annotations

from collections.abc import Iterator

from kafka import KafkaConsumer, TopicPartition

from schemas import Event
from schemas.exceptions import EventDecodeError
from schemas.registry import decode
from wirecheck.settings import Settings


def read_topic(settings: Settings, logical: str) -> Iterator[Event]:
    """Every committed event now on ``logical`` (undecodable records are skipped), partition by partition."""
    topic = settings.topic(logical)
    consumer = KafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None,
                             enable_auto_commit=False, isolation_level="read_committed")
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(partitions)
        # With read_committed, end_offsets is the last stable offset: nothing of an open transaction.
        ends = consumer.end_offsets(partitions)
        consumer.seek_to_beginning(*partitions)
        remaining = {tp for tp, end in ends.items() if end > 0}
        while remaining:
            batch = consumer.poll(timeout_ms=1000, max_records=5000)
            for tp in sorted(batch, key=lambda t: t.partition):
                for record in batch[tp]:
                    if record.offset < ends[tp]:
                        try:
                            yield decode(logical, record.value)
                        except EventDecodeError:
                            continue
            remaining = {tp for tp in remaining if consumer.position(tp) < ends[tp]}
    finally:
        consumer.close()
