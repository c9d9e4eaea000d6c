"""Several verifier instances through the real broker: they share the partitions, match across
them, and emit — live, on replay and across a rebalance — the verdicts one instance emits, event
for event, each exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import defaultdict

import pytest
from kafka import KafkaAdminClient, KafkaProducer
from kafka.errors import KafkaError

from schemas import ClaimsExtracted, QuoteClaim, VerdictChanged
from schemas.registry import CLAIMS, DECISIONS, VERDICTS, decode, encode, key_for
from services.claims.handler import claims_of
from services.claims.runner import PRODUCER as CLAIMS_PRODUCER
from services.ingest.runner import PRODUCER as INGEST_PRODUCER
from services.ingest.sources import article_events, expand_paths
from services.verify.handler import VerifierState
from services.verify.runner import verify_stage
from tests.integration.helpers import running, wait_until
from wirecheck.demo import SAMPLE_FEED, SEED, SEED_METADATA
from wirecheck.lag import pending_records
from wirecheck.topic_reader import committed_reader, partitions_of
from wirecheck.topics import ensure_topics

pytestmark = pytest.mark.kafka


@pytest.fixture(scope="module")
def extracted() -> list[ClaimsExtracted]:
    """The demo's seed and sample feed, extracted once: every run publishes the very same events."""
    inputs = [([str(SEED)], SEED_METADATA)] + [([str(p)], {}) for p in expand_paths([str(SAMPLE_FEED)])]
    events = []
    for paths, defaults in inputs:
        [article] = article_events(expand_paths(paths), producer=INGEST_PRODUCER, max_chars=512_000,
                                   defaults=defaults)
        events.append(claims_of(article, producer=CLAIMS_PRODUCER, max_chars=512_000))
    return events


def _publish(settings, event: ClaimsExtracted, partition: int) -> None:
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap)
    try:
        producer.send(settings.topic(CLAIMS), key=key_for(event), value=encode(event), partition=partition)
        producer.flush()
    finally:
        producer.close()


def _verdicts(settings) -> dict[int, list[VerdictChanged]]:
    """verdicts.v1 as written: per partition, in offset order."""
    consumer = committed_reader(settings)
    try:
        partitions = partitions_of(consumer, [settings.topic(VERDICTS)])
        ends = consumer.end_offsets(partitions)
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        found: dict[int, list[VerdictChanged]] = defaultdict(list)
        while any(consumer.position(tp) < ends[tp] for tp in partitions):
            for tp, records in consumer.poll(timeout_ms=1000).items():
                found[tp.partition] += [decode(VERDICTS, r.value) for r in records if r.offset < ends[tp]]
        return dict(found)
    finally:
        consumer.close()


def _by_claim(verdicts: dict[int, list[VerdictChanged]]) -> dict[str, list[dict]]:
    streams: dict[str, list[dict]] = defaultdict(list)
    for events in verdicts.values():
        for event in events:
            streams[event.claim_id].append(event.model_dump())
    return dict(streams)


def _settle(settings, published: list[ClaimsExtracted]) -> dict[int, list[VerdictChanged]]:
    """Wait until the verifier group has handled everything and each published claim has a verdict."""
    wanted = {c.claim_id for event in published for c in event.claims}

    def done():
        try:
            if any(pending_records(settings, "verify", (CLAIMS, DECISIONS)).values()):
                return None
        except KafkaError:  # the group's coordinator is not there yet on a fresh broker
            return None
        verdicts = _verdicts(settings)
        return verdicts if wanted <= {e.claim_id for es in verdicts.values() for e in es} else None

    return wait_until(done, what=f"verdicts for {len(published)} articles")


def _one_by_one(settings, events, partitions: int):
    """Publish each article on partition n mod ``partitions``, waiting for its verdicts in between."""
    for n, event in enumerate(events):
        _publish(settings, event, n % partitions)
        verdicts = _settle(settings, events[: n + 1])
    return verdicts


def _no_duplicates(verdicts) -> None:
    ids = [e.event_id for es in verdicts.values() for e in es]
    assert len(ids) == len(set(ids)), "a verdict was emitted twice"


def _replayed(settings, live: dict[int, list[VerdictChanged]], published, *, instances: int):
    """Run ``instances`` verifiers from nothing in a fresh group; return what they appended."""
    fresh = settings.model_copy(update={"group_prefix": "replay"})
    with running(*[verify_stage(VerifierState()) for _ in range(instances)], settings=fresh):
        def appended():
            now = _verdicts(fresh)
            grown = {p: es[len(live.get(p, [])):] for p, es in now.items()}
            return grown if sum(map(len, grown.values())) >= sum(map(len, live.values())) else None

        grown = wait_until(appended, what="the replay")
        _settle(fresh, published)
    return {p: es for p, es in grown.items() if es}


def test_two_instances_share_the_partitions_and_emit_what_one_instance_emits(settings_factory, extracted):
    alone, pair = settings_factory(), settings_factory()
    for settings in (alone, pair):
        ensure_topics(settings)
    with running(verify_stage(VerifierState()), settings=alone):
        one = _one_by_one(alone, extracted, 3)
    with running(verify_stage(VerifierState()), verify_stage(VerifierState()), settings=pair) as runners:
        two = _one_by_one(pair, extracted, 3)
        assert all(r.counters.produced > 0 for r in runners), "one instance did all the work"
        assert {u for r in runners for u in r.owned} >= {(CLAIMS, p) for p in range(3)}

    _no_duplicates(two)
    assert _by_claim(two) == _by_claim(one)
    assert any(e.revision > 1 for es in two.values() for e in es), "no verdict evolved"


def test_a_claim_on_partition_1_corroborates_one_on_partition_0_owned_by_another_instance(settings_factory,
                                                                                         extracted):
    settings = settings_factory(partitions=2)
    ensure_topics(settings)
    seed, wire = extracted[0], extracted[1]  # the seed and the Reuters copy of its quotes
    with running(verify_stage(VerifierState()), verify_stage(VerifierState()), settings=settings) as runners:
        wait_until(lambda: all(r.owned for r in runners), what="both instances to own a partition")
        assert sorted(sorted(r.owned) for r in runners) == [[(CLAIMS, 0), (DECISIONS, 0)],
                                                          [(CLAIMS, 1), (DECISIONS, 1)]]
        _publish(settings, seed, 0)
        _settle(settings, [seed])
        _publish(settings, wire, 1)
        verdicts = _settle(settings, [seed, wire])

    _no_duplicates(verdicts)
    [quote] = [c for c in seed.claims if isinstance(c, QuoteClaim) and "outskirts of Homs" in c.text]
    history = _by_claim(verdicts)[quote.claim_id]
    assert [(e["verdict"], e["revision"], e["causation_id"]) for e in history] == [
        ("single_source", 1, seed.event_id), ("corroborated", 2, wire.event_id)]
    assert history[-1]["independent_origins"] == ("Levant Ledger", "Reuters")


@pytest.mark.parametrize("instances", [1, 2])
def test_replay_from_nothing_equals_the_live_run_event_for_event(settings_factory, extracted, instances):
    settings = settings_factory()
    ensure_topics(settings)
    with running(verify_stage(VerifierState()), verify_stage(VerifierState()), settings=settings):
        for n, event in enumerate(extracted):  # in a burst: the instances interleave as they please
            _publish(settings, event, n % 3)
        live = _settle(settings, extracted)

    replay = _replayed(settings, live, extracted, instances=instances)
    _no_duplicates(live)
    assert _by_claim(replay) == _by_claim(live)


def test_an_instance_joining_and_leaving_mid_stream_changes_nothing(settings_factory, extracted):
    settings = settings_factory()
    ensure_topics(settings)
    with running(verify_stage(VerifierState()), settings=settings):
        for n, event in enumerate(extracted[:2]):
            _publish(settings, event, n % 3)
        with running(verify_stage(VerifierState()), settings=settings) as [joined]:
            for n, event in enumerate(extracted[2:4], start=2):
                _publish(settings, event, n % 3)
                time.sleep(1.0)
            wait_until(lambda: joined.owned, what="the joining instance to own partitions")
        for n, event in enumerate(extracted[4:], start=4):
            _publish(settings, event, n % 3)
        live = _settle(settings, extracted)

    _no_duplicates(live)
    assert _by_claim(_replayed(settings, live, extracted, instances=1)) == _by_claim(live)


def _members(settings) -> int:
    admin = KafkaAdminClient(bootstrap_servers=settings.bootstrap)
    try:
        group = admin.describe_groups([settings.group("verify")])[settings.group("verify")]
        return len(group["members"]) if group["group_state"] == "Stable" else 0
    except KafkaError:
        return 0
    finally:
        admin.close()


def test_run_verify_instances_starts_one_group_of_verifier_processes(settings_factory, extracted):
    settings = settings_factory()
    ensure_topics(settings)
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap,
           "WIRECHECK_TOPIC_PREFIX": settings.topic_prefix, "WIRECHECK_LOG_JSON": "true"}
    proc = subprocess.Popen([sys.executable, "-m", "wirecheck.cli", "run", "verify", "--instances", "2"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until(lambda: _members(settings) == 2, what="two verifier instances in the group")
        for n, event in enumerate(extracted[:2]):
            _publish(settings, event, n)
        verdicts = _settle(settings, extracted[:2])
    finally:
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err[-2000:]
    _no_duplicates(verdicts)
    assert err.count('"event": "stage stopped"') == 2
