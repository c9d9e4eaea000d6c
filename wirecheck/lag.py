"""How far a stage's consumer group is behind its inputs (shell layer).

Offsets alone overstate the lag of transactional topics: every committed transaction leaves a
control record (the commit marker) after its data, so a group that has handled everything still
sits one offset or more below the end. ``pending_records`` therefore reads what lies between the
committed offset and the end, as a ``read_committed`` consumer sees it, and counts the data records.
"""

from __future__ import annotations

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition

from wirecheck.settings import Settings
from wirecheck.topic_reader import committed_reader, partitions_of

MAX_EMPTY_POLLS = 4


def pending_records(settings: Settings, stage: str, inputs: tuple[str, ...]) -> dict[TopicPartition, int]:
    """Per input partition: committed records the stage's group has not yet handled."""
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap)
    consumer = committed_reader(settings)
    try:
        group = settings.group(stage)
        committed = admin.list_group_offsets({group: None}).get(group, {})
        partitions = partitions_of(consumer, [settings.topic(t) for t in inputs])
        ends = consumer.end_offsets(partitions)
        starts = {tp: committed[tp].offset if tp in committed else 0 for tp in partitions}
        return {tp: _count_between(consumer, tp, starts[tp], ends[tp]) for tp in partitions}
    finally:
        consumer.close()
        admin.close()


def _count_between(consumer: KafkaConsumer, tp: TopicPartition, start: int, end: int) -> int:
    if start >= end:
        return 0
    consumer.assign([tp])
    consumer.seek(tp, start)
    count, empty_polls = 0, 0
    # Control records and aborted data are skipped by the consumer: the position passes them
    # without returning records. A few empty polls in a row with the position stuck mean the
    # rest is not readable yet (an open transaction); what was counted is the answer.
    while consumer.position(tp) < end and empty_polls < MAX_EMPTY_POLLS:
        records = consumer.poll(timeout_ms=500).get(tp, [])
        count += sum(1 for r in records if r.offset < end)
        empty_polls = 0 if records else empty_polls + 1
    return count
