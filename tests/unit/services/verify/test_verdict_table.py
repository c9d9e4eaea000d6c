"""The packed table of verdicts in force: what goes in comes out, field for field."""

from __future__ import annotations

import pytest

from services.verify.verdict_table import CurrentVerdict, CurrentVerdicts


@pytest.mark.parametrize(
    "current",
    [
        CurrentVerdict("unverified", (), "verifier", 1),
        CurrentVerdict("single_source", ("AFP",), "verifier", 2),
        CurrentVerdict("corroborated", ("AFP", "Reuters"), "reviewer", 3),
        CurrentVerdict("contested", ("AP", "SOHR"), "verifier", 2**40),  # past the packed fields
    ],
)
def test_an_entry_reads_back_as_written(current):
    table = CurrentVerdicts()
    table["c1"] = current
    assert table["c1"] == current and table.get("c1") == current
    assert "c1" in table and len(table) == 1 and list(table) == ["c1"]


def test_an_entry_is_replaced_and_missing_ones_are_none():
    table = CurrentVerdicts()
    table["c1"] = CurrentVerdict("single_source", ("AFP",), "verifier", 1)
    table["c1"] = CurrentVerdict("corroborated", ("AFP", "AP"), "verifier", 2)
    assert table["c1"] == CurrentVerdict("corroborated", ("AFP", "AP"), "verifier", 2)
    assert table.get("c2") is None and "c2" not in table
    with pytest.raises(KeyError):
        table["c2"]


def test_equal_origin_lists_are_stored_once():
    table = CurrentVerdicts()
    table["c1"] = CurrentVerdict("corroborated", ("AFP", "AP"), "verifier", 1)
    table["c2"] = CurrentVerdict("corroborated", tuple(["AFP", "AP"]), "reviewer", 1)
    assert table["c1"].independent_origins is table["c2"].independent_origins


def test_tables_compare_by_their_entries():
    a, b = CurrentVerdicts(), CurrentVerdicts()
    a["c1"] = b["c1"] = CurrentVerdict("contested", ("AFP", "AP"), "verifier", 1)
    b["c2"] = CurrentVerdict("unverified", (), "verifier", 1)
    assert a != b
    a["c2"] = CurrentVerdict("unverified", (), "verifier", 1)
    assert a == b and dict(a.items()) == dict(b.items())
