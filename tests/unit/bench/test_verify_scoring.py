"""Scoring helpers of the verifier benchmark: verdicts as truth, ECB+ tokens back to text."""

from __future__ import annotations

import pytest

from bench.verify_accuracy import detokenise, truth_of


@pytest.mark.parametrize(
    ("verdicts", "truth"),
    [
        (["corroborated", "single_source"], "true"),
        (["corroborated", "contested"], "false"),  # any contest makes the claim disputed
        (["single_source", "unverified"], "unknown"),
        ([], "unknown"),
    ],
)
def test_truth_of_verdicts(verdicts, truth):
    assert truth_of(verdicts) == truth


@pytest.mark.parametrize(
    ("sentences", "text"),
    [
        (["Reid checked into Promises , her rep told People ."], "Reid checked into Promises, her rep told People."),
        (["`` We appreciate it , '' the actress 's rep said ."], '"We appreciate it," the actress\'s rep said.'),
        (["It cost $ 5 million ( about 4 % ) ."], "It cost $5 million (about 4%)."),
    ],
)
def test_detokenise(sentences, text):
    assert detokenise(sentences) == text
