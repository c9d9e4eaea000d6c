"""The rebalance scenario: a second verifier instance joins the group mid-stream and leaves again.

With several partitions the verifier's order is the one its group recorded in the intake log
(``services/verify/intake.py``), not publication order, so the run is compared with the pure
verifier over *that* order: the same events, each once, and the same final verdicts. The reference
refuses to be built unless every claim event of the stream is in the recorded order, so a claim
the group never took cannot hide in both sides.
"""

from __future__ import annotations

from kafka import TopicPartition

from schemas import VerdictChanged
from schemas.registry import CLAIMS, VERIFY_INTAKE, decode
from services.claims.handler import claims_of
from services.claims.runner import PRODUCER as CLAIMS_PRODUCER
from services.verify.handler import VerifierState, handle
from services.verify.intake import IntakeApplier, source_of
from services.verify.runner import PRODUCER as VERIFY_PRODUCER
from tests.faults.harness import FaultRun
from tests.faults.outcome import RunRecord
from tests.faults.stream import MAX_ARTICLE_CHARS
from wirecheck.topic_reader import committed_reader

PARTITIONS = 3


def verifier_joins_and_leaves(run: FaultRun) -> None:
    """A third of the stream, a second instance joins; another third, it leaves; the rest."""
    first, second, third = run.chunks(3)
    run.publish(first)
    run.wait_until_handled("verify", more_than=0)
    run.start("verify", instance="verify-2")
    before = run.handled("verify")
    run.publish(second)
    run.wait_until_handled("verify", more_than=before)
    run.stop("verify-2")
    run.publish(third)


def recorded_order(run: FaultRun) -> RunRecord:
    """The stream's claims, and the pure verifier's verdicts over the run's recorded order."""
    record, state = RunRecord(), VerifierState()
    for article in run.stream:
        record.add_claims(claims_of(article, producer=CLAIMS_PRODUCER, max_chars=MAX_ARTICLE_CHARS))
    applier = IntakeApplier(handle=lambda event: handle(event, state, producer=VERIFY_PRODUCER),
                            dead_letter=lambda *_: None)
    taken: set[str] = set()
    for copy in _intake_log(run):
        source = source_of(copy.headers, copy.key)
        for _, event in applier.apply(copy.offset, source, copy.value):
            if isinstance(event, VerdictChanged):
                record.add_verdict(event)
        if source.topic == CLAIMS:
            taken.add(decode(CLAIMS, copy.value).event_id)
    missing = set(record.claims_events) - taken
    assert not missing, f"{len(missing)} claim events never reached the verifier's intake log"
    return record


def _intake_log(run: FaultRun):
    consumer = committed_reader(run.settings)
    try:
        log = TopicPartition(run.settings.topic(VERIFY_INTAKE), 0)
        consumer.assign([log])
        consumer.seek_to_beginning(log)
        end = consumer.end_offsets([log])[log]
        while consumer.position(log) < end:
            for records in consumer.poll(timeout_ms=1000).values():
                yield from (r for r in records if r.offset < end)
    finally:
        consumer.close()

