"""The broker the tests run against is real, and wirecheck's topic set-up is idempotent."""

import pytest
from kafka import KafkaAdminClient

from schemas.registry import SINGLE_PARTITION_TOPICS, TOPIC_EVENTS, VERIFY_INTAKE
from wirecheck.topics import ensure_topics

pytestmark = pytest.mark.kafka


def test_ensure_topics_creates_every_topic_once(settings_factory) -> None:
    settings = settings_factory(partitions=2)
    created = ensure_topics(settings)
    assert sorted(created) == sorted(settings.topic(t) for t in [*TOPIC_EVENTS, *SINGLE_PARTITION_TOPICS])
    assert ensure_topics(settings) == []
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap)
    try:
        described = admin.describe_topics([settings.topic("claims.v1"), settings.topic(VERIFY_INTAKE)])
        partitions = {d["name"]: len(d["partitions"]) for d in described}
        assert partitions == {settings.topic("claims.v1"): 2, settings.topic(VERIFY_INTAKE): 1}
    finally:
        admin.close()
