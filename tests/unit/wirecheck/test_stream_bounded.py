"""A transactional call that never returns stops the stage instead of idling it for ever."""

import threading

import pytest
from kafka.errors import KafkaTimeoutError

from wirecheck import stream
from wirecheck.exceptions import StageStuckError


def test_a_call_that_returns_passes() -> None:
    calls = []
    stream.bounded_transaction_step(lambda: calls.append("done"), "committing")
    assert calls == ["done"]


def test_a_call_that_fails_raises_its_own_error_for_the_abort_path() -> None:
    def fail() -> None:
        raise KafkaTimeoutError("coordinator gone")

    with pytest.raises(KafkaTimeoutError, match="coordinator gone"):
        stream.bounded_transaction_step(fail, "committing")


def test_a_call_that_hangs_raises_stage_stuck(monkeypatch) -> None:
    monkeypatch.setattr(stream, "TRANSACTION_STEP_TIMEOUT_S", 0.2)
    never = threading.Event()
    with pytest.raises(StageStuckError, match="sending the offsets did not return within 0 s"):
        stream.bounded_transaction_step(never.wait, "sending the offsets")
    never.set()
