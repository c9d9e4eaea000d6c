"""Emission frontiers: what a unit's owner sent, what a new owner still has to send."""

from __future__ import annotations

import pytest

from schemas.registry import CLAIMS, encode
from services.verify import VerifierState, handle
from services.verify.intake import IntakeApplier, Source
from services.verify.outbox import Outbox, Progress

UNIT = (CLAIMS, 0)
SENTENCE = "“The rebels are five kilometres from Homs,” Rami Abdel Rahman said."
QUOTE = "The rebels are five kilometres from Homs"


@pytest.mark.parametrize("progress", [Progress(), Progress(12, 340), Progress(None, 7)])
def test_progress_survives_the_offset_metadata(progress):
    assert Progress.from_metadata(progress.to_metadata()) == progress


@pytest.mark.parametrize("metadata", [None, "", "12", "{}", '{"sequenced": 1}', '{"emitted": "x", "sequenced": 1}'])
def test_foreign_metadata_is_no_progress(metadata):
    assert Progress.from_metadata(metadata) == Progress()


def test_outputs_below_the_frontier_are_not_held():
    outbox = Outbox()
    outbox.advance(UNIT, 5)
    outbox.add(UNIT, 4, "sent already")
    outbox.add(UNIT, 5, "to send")
    outbox.add(UNIT, 6, "later")
    assert outbox.due([UNIT], before=6) == ["to send"]
    assert outbox.due([UNIT], before=7) == ["to send", "later"]


def test_a_frontier_never_goes_back():
    outbox = Outbox()
    outbox.add(UNIT, 3, "a")
    outbox.advance(UNIT, 4)
    outbox.advance(UNIT, 2)
    assert (outbox.frontier(UNIT), outbox.due([UNIT], before=10), len(outbox)) == (4, [], 0)


def _articles(make, count):
    events = []
    for n in range(count):
        meta = make.meta(f"Outlet {n}", body=f"Outlet {n} spoke to Rami Abdel Rahman.", hours=n)
        events.append(make.extracted(meta, make.quote(meta, QUOTE, "Rami Abdel Rahman", sentence=SENTENCE)))
    return events


def _instance(make):
    state = VerifierState()
    return IntakeApplier(handle=lambda e: handle(e, state, producer=make.producer),
                         dead_letter=lambda *a: None), Outbox()


def _apply(instance, log, upto):
    applier, outbox = instance
    while applier.position < upto:
        position = applier.position
        source, value = log[position]
        for unit, event in applier.apply(position, source, value):
            outbox.add(unit, position, event)


def _send(instance, unit, before, sent):
    """What an owner's transaction does: send the due outputs, then advance the frontier."""
    _, outbox = instance
    sent.extend(outbox.due([unit], before))
    outbox.advance(unit, before)


@pytest.mark.parametrize("taker_position", [2, 5, 8])
def test_a_new_owner_continues_the_previous_owners_stream_event_for_event(make, taker_position):
    """Partition 0's owner sends up to position 5 and leaves; another instance — behind, level or
    ahead — takes partition 0 over at frontier 5. Together they send what one instance sends."""
    events = _articles(make, 8)
    log = [(Source(CLAIMS, n % 2, n // 2), encode(e)) for n, e in enumerate(events)]
    alone, first, taker = _instance(make), _instance(make), _instance(make)
    _apply(alone, log, len(log))
    expected = alone[1].due([UNIT], before=len(log))

    sent: list = []
    _apply(first, log, 5)
    _send(first, UNIT, 5, sent)
    _apply(taker, log, taker_position)
    taker[1].advance(UNIT, 5)  # read back from the group when partition 0 is handed over
    _apply(taker, log, len(log))
    _send(taker, UNIT, len(log), sent)

    assert [e.event_id for e in sent] == [e.event_id for e in expected]
    assert sent == expected
    assert {e.revision for e in sent} >= {1, 2, 3}  # the earlier claims' verdicts moved on


def test_outputs_of_several_units_come_out_in_the_order_they_were_derived():
    outbox = Outbox()
    for position, unit, event in [(0, UNIT, "a"), (0, (CLAIMS, 1), "b"), (0, UNIT, "c"), (1, (CLAIMS, 1), "d"),
                                  (2, UNIT, "e"), (2, (CLAIMS, 2), "not ours")]:
        outbox.add(unit, position, event)
    assert outbox.due([(CLAIMS, 1), UNIT], before=3) == ["a", "b", "c", "d", "e"]
