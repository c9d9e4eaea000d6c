"""Reading topics outside any consumer group (shell layer): for projections, reports, lag and tests.

``committed_reader`` is the one group-less, ``read_committed`` consumer every such reader uses;
``partitions_of`` lists a set of topics' partitions in order; ``read_topic`` reads a topic from its
beginning to its current end, decoded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kafka import KafkaConsumer, TopicPartition

from schemas import Event
from schemas.exceptions import EventDecodeError
from schemas.registry import decode
from wirecheck.settings import Settings


def committed_reader(settings: Settings, **config) -> KafkaConsumer:
    """A consumer in no group that sees only committed transactions; ``config`` adds options."""
    return KafkaConsumer(bootstrap_servers=settings.bootstrap, group_id=None, enable_auto_commit=False,
                         isolation_level="read_committed", **config)


def partitions_of(consumer: KafkaConsumer, topics: Iterable[str]) -> list[TopicPartition]:
    """Every partition of ``topics`` (physical names) in topic and partition order; none for a
    topic that does not exist."""
    return [TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or ())]


def read_topic(settings: Settings, logical: str) -> Iterator[Event]:
    """Every committed event now on ``logical`` (undecodable records are skipped), partition by partition."""
    consumer = committed_reader(settings)
    try:
        partitions = partitions_of(consumer, [settings.topic(logical)])
        if not partitions:
            return
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
