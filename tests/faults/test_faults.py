"""Nothing lost, nothing duplicated: each scenario runs the claims and verify services as processes
on a real broker, does harm mid-stream, and must end with exactly the clean run's events and
verdicts — and every poison record in deadletter.v1 with its bytes, origin and reason.

A scenario is a small function of a ``FaultRun`` (``tests/faults/harness.py``); a new fault is one
more entry in ``SCENARIOS``.
"""

from __future__ import annotations

import base64
import time

import pytest

from tests.faults import rebalance
from tests.faults.harness import FaultRun, Scenario
from tests.faults.outcome import compare, read_run
from tests.faults.stream import poison_records
from tests.faults.table import FaultRow

# A bound for a hung run on 2 shared cores (the draining alone may wait 300 s), not a speed target.
pytestmark = [pytest.mark.kafka, pytest.mark.faults, pytest.mark.timeout(900)]

KILLS = 3


def _kill_mid_chunk(run: FaultRun, service: str) -> None:
    """Publish the stream in KILLS+1 chunks; once ``service`` has taken work from a chunk, kill -9
    and restart it, so each kill lands while it is busy with a backlog."""
    *chunks, last = run.chunks(KILLS + 1)
    for chunk in chunks:
        before = run.handled(service)
        run.publish(chunk)
        run.wait_until_handled(service, more_than=before)
        run.kill_and_restart(service)
    run.publish(last)


def claims_killed(run: FaultRun) -> None:
    _kill_mid_chunk(run, "claims")


def verifier_killed(run: FaultRun) -> None:
    _kill_mid_chunk(run, "verify")


def broker_restarted(run: FaultRun) -> None:
    """The broker stops (SIGTERM) and comes back while both services hold work in flight.

    Supervised: a stage whose Kafka client does not recover stops itself (``StageStuckError``, see
    ``wirecheck.stream``) and is restarted, as in production.
    """
    run.supervised = True
    first, second = run.chunks(2)
    run.publish(first)
    run.wait_until_handled("verify", more_than=0)
    run.restart_broker()
    run.publish(second)


def poison_burst(run: FaultRun) -> None:
    """Every kind of poison record, twice over, between good articles in the middle of the stream."""
    poison = poison_records(run.stream[0]) * 2
    middle = len(run.stream) // 3
    run.publish(run.stream[:middle])
    mixed = [item for i, bad in enumerate(poison) for item in (*run.stream[middle + i * 10: middle + (i + 1) * 10], bad)]
    run.publish(mixed)
    run.publish(run.stream[middle + len(poison) * 10:])


SCENARIOS = [
    Scenario(f"claims service killed (kill -9) {KILLS} times, restarted", claims_killed),
    Scenario(f"verifier killed (kill -9) {KILLS} times, restarted", verifier_killed),
    Scenario("broker stopped and restarted mid-stream", broker_restarted),
    Scenario("burst of poison records among good ones", poison_burst),
    Scenario(f"a second verifier instance joins and leaves mid-stream ({rebalance.PARTITIONS} partitions, "
             "compared with the pure verifier over the order the group recorded)",
             rebalance.verifier_joins_and_leaves, partitions=rebalance.PARTITIONS,
             reference=rebalance.recorded_order),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.act.__name__)
def test_fault_leaves_the_clean_runs_verdicts(scenario: Scenario, fault_broker, stream, clean, fault_rows) -> None:
    run = FaultRun(fault_broker, stream, partitions=scenario.partitions)
    started = time.monotonic()
    try:
        run.start("claims")
        run.start("verify")
        scenario.act(run)
        assert run.published == len(stream), "the scenario must publish the whole stream"
        run.finish()
        wall_s = time.monotonic() - started
    finally:
        run.close()
    produced = read_run(run.settings)
    expected = scenario.reference(run) if scenario.reference else clean
    diff = compare(produced, expected)
    fault_rows.append(FaultRow(scenario.name, run.published + len(run.poison_sent), produced.events_out,
                               diff.lost, diff.duplicated, diff.unexpected, diff.differing,
                               len(produced.dead_letters), len(run.poison_sent), run.restarts, wall_s))

    assert diff.identical, diff
    assert produced.final == expected.final
    _assert_every_poison_dead_lettered(run, produced.dead_letters)


def _assert_every_poison_dead_lettered(run: FaultRun, dead_letters) -> None:
    """One dead letter per poison record, with its original bytes, where it was and the reason; none
    for a good record."""
    by_origin = {(d.topic, d.partition, d.offset): d for d in dead_letters}
    assert len(by_origin) == len(dead_letters) == len(run.poison_sent)
    for sent in run.poison_sent:
        dead = by_origin[(sent.topic, sent.partition, sent.offset)]
        assert base64.b64decode(dead.value_b64) == sent.poison.value, sent.poison.name
        assert sent.poison.reason in dead.reason, (sent.poison.name, dead.reason)
        assert dead.stage == ("claims" if sent.topic.endswith("articles.v1") else "verify")
