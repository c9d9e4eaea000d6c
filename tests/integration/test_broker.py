"""The broker the tests run against is real, and wirecheck's topic set-up is idempotent."""

import pytest
from kafka import KafkaAdminClient

from schemas.registry import TOPIC_EVENTS
from wirecheck.topics import ensure_topics

pytestmark = pytest.mark.kafka


def test_ensure_topics_creates_every_topic_once(settings_factory) -> None:
    settings = settings_factory(partitions=2)
    created = ensure_topics(settings)
    assert sorted(created) == sorted(settings.topic(t) for t in TOPIC_EVENTS)
    assert ensure_topics(settings) == []
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap)
    try:
        described = admin.describe_topics([settings.topic("claims.v1")])
        assert len(described[0]["partitions"]) == 2
    finally:
        admin.close()
