"""A reviewer's form becomes a DecisionRecorded, or a conflict when the claim moved on (pure)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from schemas import Producer
from services.review.decisions import describe_change, record_decision
from services.review.exceptions import DecisionConflictError, InvalidDecisionError
from tests.unit.services.review.conftest import make_view

NOW = datetime(2024, 12, 7, 9, 0, tzinfo=timezone.utc)
P = Producer(service="review", version="test")


def decide(view, **form):
    values = dict(reviewer="alice", action="confirm", verdict=None, comment=None, seen_token=view.token)
    return record_decision(view, producer=P, now=NOW, **{**values, **form})


@pytest.mark.parametrize(("form", "decision", "verdict"), [
    (dict(action="confirm"), "confirm", "contested"),  # confirm pins the verdict the reviewer saw
    (dict(action="confirm", verdict="corroborated"), "confirm", "contested"),
    (dict(action="overturn", verdict="corroborated"), "overturn", "corroborated"),
    (dict(action="needs_evidence", verdict="corroborated"), "needs_evidence", None),
])
def test_forms_become_decisions(form, decision, verdict) -> None:
    view = make_view(verdict="contested")
    event = decide(view, **form)
    assert (event.decision, event.verdict, event.reviewer, event.claim_id) == (decision, verdict, "alice", view.claim_id)
    assert event.causation_id == view.verdict.event_id and event.correlation_id == view.claim.article_id


@pytest.mark.parametrize(("form", "message"), [
    (dict(action="overturn"), "overturn needs the verdict"),
    (dict(action="overturn", verdict="false"), "overturn needs the verdict"),
    (dict(action="overturn", verdict="contested"), "already contested"),
    (dict(action="delete"), "is not one of"),
    (dict(comment="x" * 2001), "keep it under"),
])
def test_bad_forms_are_refused(form, message) -> None:
    with pytest.raises(InvalidDecisionError, match=message):
        decide(make_view(verdict="contested"), **form)


def test_the_same_form_twice_is_the_same_event() -> None:
    view = make_view()
    assert decide(view).event_id == decide(view).event_id
    assert decide(view).event_id != decide(view, reviewer="bob").event_id


def test_a_stale_token_is_a_conflict_that_names_the_earlier_decision() -> None:
    seen = make_view(verdict="contested")
    decided = make_view(verdict="contested", decision="overturn")
    assert seen.claim_id == decided.claim_id and seen.token != decided.token
    with pytest.raises(DecisionConflictError, match="alice overturned to corroborated") as caught:
        decide(decided, seen_token=seen.token, reviewer="bob")
    assert caught.value.current_token == decided.token


def test_a_new_verdict_revision_is_a_conflict() -> None:
    seen, now = make_view(revision=1), make_view(revision=2)
    with pytest.raises(DecisionConflictError, match="revision 2"):
        decide(now, seen_token=seen.token)
    assert "revision 2" in describe_change(now)
