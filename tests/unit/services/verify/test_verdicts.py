"""Verdict rules over links, and reviewer decisions on top of them (no state involved)."""

from __future__ import annotations

import pytest

from services.verify.exceptions import InvalidDecisionError
from services.verify.verdicts import Assessment, Decision, Link, apply_decision, assess


def _links(*pairs):
    return [Link(f"c{i}", origin, relation) for i, (origin, relation) in enumerate(pairs)]


@pytest.mark.parametrize(
    ("links", "verdict", "origins"),
    [
        pytest.param([], "single_source", ("Reuters",), id="alone"),
        pytest.param([("Reuters", "supports")], "single_source", ("Reuters",), id="an echo"),
        pytest.param([("AFP", "supports")], "corroborated", ("AFP", "Reuters"), id="second origin"),
        pytest.param([("AFP", "supports"), ("AP", "contradicts")], "contested", ("AFP", "AP", "Reuters"), id="support and contradiction"),
        pytest.param([("AP", "contradicts")], "contested", ("AP", "Reuters"), id="contradicted"),
        pytest.param([("Reuters", "contradicts")], "single_source", ("Reuters",), id="same origin disagreeing is not independent"),
        pytest.param([("AP", "updates")], "single_source", ("AP", "Reuters"), id="a later toll neither supports nor contradicts"),
    ],
)
def test_verdict_from_links(links, verdict, origins):
    result = assess(origin="Reuters", uncheckable=None, links=_links(*links))
    assert (result.verdict, result.independent_origins) == (verdict, origins)
    assert 0.0 <= result.confidence <= 1.0
    assert result.reason


def test_uncheckable_claim_is_unverified_whatever_the_links():
    result = assess(origin="Reuters", uncheckable="the quote has no named speaker", links=[])
    assert result.verdict == "unverified"
    assert "no named speaker" in result.reason


def test_confidence_grows_with_independent_origins_and_falls_with_contradiction():
    one = assess(origin="A", uncheckable=None, links=[]).confidence
    two = assess(origin="A", uncheckable=None, links=_links(("B", "supports"))).confidence
    three = assess(
        origin="A", uncheckable=None, links=_links(("B", "supports"), ("C", "supports"))
    ).confidence
    split = assess(origin="A", uncheckable=None, links=_links(("B", "contradicts"))).confidence
    assert split < one < two < three


def test_reason_names_the_echoes_not_counted():
    result = assess(
        origin="SOHR", uncheckable=None, links=_links(("SOHR", "supports"), ("SOHR", "supports"))
    )
    assert "2 echoes of SOHR not counted" in result.reason


VERIFIER = Assessment("corroborated", 0.75, "corroborated by 2", ("AFP", "Reuters"))


def _decision(kind, verdict=None):
    return Decision("e1", 1.0, "rev", kind, verdict)


@pytest.mark.parametrize(
    ("decision", "pinned", "verdict", "by"),
    [
        (None, None, "corroborated", "verifier"),
        (_decision("overturn", "contested"), None, "contested", "reviewer"),
        (_decision("confirm", "corroborated"), None, "corroborated", "reviewer"),
        (_decision("confirm"), "single_source", "single_source", "reviewer"),
        (_decision("needs_evidence"), None, "corroborated", "verifier"),
    ],
)
def test_reviewer_decision_takes_precedence(decision, pinned, verdict, by):
    result = apply_decision(VERIFIER, decision, pinned)
    assert (result.verdict, result.decided_by) == (verdict, by)


def test_overturn_without_a_verdict_is_refused():
    with pytest.raises(InvalidDecisionError, match="set `verdict`"):
        apply_decision(VERIFIER, _decision("overturn"), None)


def test_newest_decision_wins_by_time_then_id():
    old, new = Decision("b", 1.0, "r", "confirm", None), Decision("a", 2.0, "r", "confirm", None)
    assert new.is_newer_than(old) and not old.is_newer_than(new)
    assert Decision("b", 1.0, "r", "confirm", None).is_newer_than(Decision("a", 1.0, "r", "confirm", None))
