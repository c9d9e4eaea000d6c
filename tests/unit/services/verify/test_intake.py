"""The intake log: source headers, applying copies once, and who owns each output."""

from __future__ import annotations

import pytest

from schemas.envelope import Producer
from schemas.events import DeadLettered, VerdictChanged
from schemas.registry import CLAIMS, DECISIONS, encode
from services.verify import VerifierState, handle
from services.verify.exceptions import IntakeRecordError
from services.verify.intake import IntakeApplier, Source, intake_headers, source_of

SENTENCE = "“The rebels are five kilometres from Homs,” Rami Abdel Rahman said."
QUOTE = "The rebels are five kilometres from Homs"


def _article(make, outlet, hours):
    meta = make.meta(outlet, body=f"{outlet} spoke to Rami Abdel Rahman.", hours=hours)
    return make.extracted(meta, make.quote(meta, QUOTE, "Rami Abdel Rahman", sentence=SENTENCE))


def _dead_letter(source, value, reason, error_type):
    return DeadLettered.create(
        key=f"verify:{source.topic}/{source.partition}/{source.offset}",
        producer=Producer(service="verify", version="test"),
        correlation_id="x", stage="verify", topic=source.topic, partition=source.partition,
        offset=source.offset, key_b64=None, value_b64="", reason=reason, error_type=error_type)


@pytest.fixture
def applier(make):
    state = VerifierState()
    return IntakeApplier(handle=lambda e: handle(e, state, producer=make.producer), dead_letter=_dead_letter)


@pytest.mark.parametrize("source", [Source(CLAIMS, 0, 0), Source(DECISIONS, 2, 1234567)])
def test_headers_carry_the_source(source):
    assert source_of(intake_headers(source), key=None) == source


@pytest.mark.parametrize("headers", [
    [],
    [("wirecheck.source.topic", b"claims.v1"), ("wirecheck.source.partition", b"0")],
    [("wirecheck.source.topic", b"claims.v1"), ("wirecheck.source.partition", b"zero"),
     ("wirecheck.source.offset", b"1")],
])
def test_a_record_without_our_headers_is_refused(headers):
    with pytest.raises(IntakeRecordError, match="source headers"):
        source_of(headers, key=None)


def test_a_claim_on_partition_1_updates_the_verdict_of_partition_0s_claim_for_partition_0(make, applier):
    first, second = _article(make, "Levant Dispatch", 0), _article(make, "Beirut Post", 1)
    applier.apply(0, Source(CLAIMS, 0, 0), encode(first))
    outputs = applier.apply(1, Source(CLAIMS, 1, 0), encode(second))
    owners = {(event.article_id, event.verdict, event.revision): unit for unit, event in outputs}
    assert owners == {
        (second.article.article_id, "corroborated", 1): (CLAIMS, 1),
        (first.article.article_id, "corroborated", 2): (CLAIMS, 0),
    }
    assert applier.position == 2


def test_a_second_copy_of_an_applied_record_changes_nothing(make, applier):
    event = _article(make, "Levant Dispatch", 0)
    assert len(applier.apply(0, Source(CLAIMS, 0, 5), encode(event))) == 1
    assert applier.apply(1, Source(CLAIMS, 0, 5), encode(event)) == []
    assert applier.apply(2, Source(CLAIMS, 0, 4), encode(event)) == []
    assert applier.position == 3


@pytest.mark.parametrize("value, error_type, reason", [
    (b"not json", "decode", "record is not valid JSON"),
    (b'{"event_type": "ArticlePublished"}', "decode", "does not belong on claims.v1"),
])
def test_an_undecodable_copy_is_dead_lettered_by_its_partitions_owner(applier, value, error_type, reason):
    [(unit, event)] = applier.apply(0, Source(CLAIMS, 2, 7), value)
    assert unit == (CLAIMS, 2)
    assert (event.error_type, event.offset) == (error_type, 7)
    assert reason in event.reason


def test_a_handler_failure_is_dead_lettered_and_the_log_goes_on(make):
    def fail(event):
        raise ValueError("boom")

    applier = IntakeApplier(handle=fail, dead_letter=_dead_letter)
    [(unit, event)] = applier.apply(3, Source(CLAIMS, 1, 9), encode(_article(make, "X", 0)))
    assert unit == (CLAIMS, 1)
    assert event.reason.startswith("handler failed: ")
    assert applier.position == 4


def test_records_settle_once_every_owner_has_passed_them(make, applier):
    applier.apply(0, Source(CLAIMS, 0, 10), encode(_article(make, "A", 0)))
    applier.apply(1, Source(CLAIMS, 1, 3), encode(_article(make, "B", 1)))
    applier.apply(2, Source(CLAIMS, 0, 11), encode(_article(make, "C", 2)))
    assert applier.settled((CLAIMS, 0)) is None
    applier.settle(2)
    assert (applier.settled((CLAIMS, 0)), applier.settled((CLAIMS, 1))) == (11, 4)
    applier.settle(3)
    assert applier.settled((CLAIMS, 0)) == 12


def test_verdicts_are_owned_by_their_article_partition_whatever_caused_them(make, applier):
    first = _article(make, "Levant Dispatch", 0)
    [(_, change)] = applier.apply(0, Source(CLAIMS, 2, 0), encode(first))
    decision = make.decision(change.claim_id, "overturn", "contested")
    [(unit, event)] = applier.apply(1, Source(DECISIONS, 0, 0), encode(decision))
    assert isinstance(event, VerdictChanged)
    assert (unit, event.verdict, event.decided_by) == ((CLAIMS, 2), "contested", "reviewer")
