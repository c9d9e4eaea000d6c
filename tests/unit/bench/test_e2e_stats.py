"""Percentiles, pacing and latencies of the end-to-end benchmark."""

from __future__ import annotations

import pytest

from bench.e2e_pipeline import Layout
from bench.e2e_profile import collapsed_summary
from bench.e2e_stats import latencies, percentile, ratio, send_times


@pytest.mark.parametrize(("q", "expected"), [(50, 50.0), (95, 95.0), (99, 99.0), (100, 100.0), (1, 1.0)])
def test_percentile_is_nearest_rank_of_measured_values(q: float, expected: float) -> None:
    values = [float(v) for v in range(100, 0, -1)]  # 1..100, unordered
    assert percentile(values, q) == expected


def test_percentile_of_few_values_is_one_of_them() -> None:
    assert percentile([0.2, 0.9, 0.4], 99) == 0.9
    assert percentile([0.2, 0.9, 0.4], 50) == 0.4


@pytest.mark.parametrize(("values", "q"), [([], 50), ([1.0], 0), ([1.0], 101)])
def test_percentile_refuses_what_has_no_answer(values: list[float], q: float) -> None:
    with pytest.raises(ValueError):
        percentile(values, q)


def test_send_times_space_articles_evenly_at_the_offered_rate() -> None:
    assert send_times(4, 50.0, start=10.0) == [10.0, 10.02, 10.04, 10.06]
    with pytest.raises(ValueError):
        send_times(3, 0.0)


def test_latencies_pair_sends_with_first_verdicts_and_count_articles_without() -> None:
    result = latencies({"a": 1.0, "b": 2.0, "c": 3.0}, {"a": 1.25, "c": 3.5, "z": 9.0})
    assert sorted(result.seconds) == [0.25, 0.5]
    assert result.without_verdicts == 1
    assert result.p99 == 0.5


def test_ratio_reads_as_a_multiple() -> None:
    assert ratio(150.0, 300.0) == "0.50×"
    assert ratio(1.0, 0.0) == "–"


def test_layout_describes_its_knobs() -> None:
    layout = Layout("t", claims_processes=2, env={"WIRECHECK_MAX_POLL_RECORDS": "50"})
    assert layout.describe() == "2 claims, 1 verify process(es), 3 partitions, max_poll_records=50"
    assert Layout("d").describe().endswith("defaults")


def test_collapsed_summary_counts_frames_once_per_stack_and_leaves_as_self() -> None:
    lines = ["main;run;crc 30", "main;run;handle;crc 10", "main;idle 60", "garbage"]
    total, inclusive, own = collapsed_summary(lines)
    assert total == 100
    assert dict(inclusive)["main"] == 100
    assert dict(inclusive)["crc"] == 40
    assert dict(own) == {"idle": 60, "crc": 40}


def test_the_latency_target_is_judged_at_50_per_second_only() -> None:
    from bench.e2e import LatencyRun, _verdict_lines
    from bench.e2e_stats import Latencies

    layout = Layout("tuned")
    floor = LatencyRun(layout, 5.0, 5.0, Latencies((0.2, 0.3), 0), 1.0, True)
    loaded = LatencyRun(layout, 50.0, 49.8, Latencies((1.5, 2.5), 0), 3.0, True)
    lines = _verdict_lines([], [floor, loaded], None)
    assert len(lines) == 1
    assert "not met (best p99 2.50 s, tuned)" in lines[0]
    assert _verdict_lines([], [floor], None) == []


def test_a_stalled_burst_is_never_the_best_nor_meets_the_target() -> None:
    from bench.e2e import Burst, _verdict_lines

    settled = Burst(Layout("tuned"), 3000, 300.0, 100.0, "settled")
    stalled = Burst(Layout("untuned"), 3000, 5.0, 5.0, "stalled (no commit in 180 s)")
    assert stalled.rate > settled.rate and not stalled.settled
    assert "best 10.0/s, tuned" in _verdict_lines([stalled, settled], [], None)[0]
