"""Creates wirecheck's topics on the broker (shell layer)."""

from __future__ import annotations

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import TopicAlreadyExistsError

from schemas.registry import SINGLE_PARTITION_TOPICS, TOPIC_EVENTS
from wirecheck.settings import Settings


def ensure_topics(settings: Settings) -> list[str]:
    """Create every registry topic (and the single-partition internal ones) that does not exist yet;
    return the names created."""
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap, client_id="wirecheck-admin")
    try:
        existing = set(admin.list_topics())
        wanted = {settings.topic(t): settings.partitions for t in TOPIC_EVENTS}
        wanted |= {settings.topic(t): 1 for t in SINGLE_PARTITION_TOPICS}
        missing = [t for t in wanted if t not in existing]
        if missing:
            new = [NewTopic(t, num_partitions=wanted[t], replication_factor=1) for t in missing]
            try:
                admin.create_topics(new, raise_errors=True, wait_for_metadata=True)
            except TopicAlreadyExistsError:
                pass  # another process created them between our list and our create
        return missing
    finally:
        admin.close()
