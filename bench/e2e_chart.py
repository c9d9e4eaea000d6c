"""The end-to-end benchmark's chart: lag after the burst and the latency distribution (bench layer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib

matplotlib.use("Agg")  # files only: no display on benchmark machines
import matplotlib.pyplot as plt  # noqa: E402 — after the backend is chosen

if TYPE_CHECKING:
    from bench.e2e import Burst, LatencyRun


def draw_chart(bursts: list[Burst], runs: list[LatencyRun], path: Path) -> None:
    """Left: each stage's offset lag over time after the burst, per layout. Right: the share of
    articles whose first verdict came within x seconds at the fixed offered load (a CDF)."""
    fig, (lag_ax, cdf_ax) = plt.subplots(1, 2, figsize=(12, 4.5))
    for burst in bursts:
        times = [t for t, _, _ in burst.series]
        lag_ax.plot(times, [c for _, c, _ in burst.series], label=f"{burst.layout.name}: claims stage")
        lag_ax.plot(times, [v for _, _, v in burst.series], linestyle="--", label=f"{burst.layout.name}: verify stage")
    lag_ax.set(title=f"Lag after a burst of {bursts[0].articles:,} articles" if bursts else "Lag",
               xlabel="seconds since ingest started", ylabel="offsets behind (input records)")
    lag_ax.legend(fontsize=8)
    for run in runs:
        ordered = sorted(run.latencies.seconds)
        if ordered:
            cdf_ax.plot(ordered, [(i + 1) / len(ordered) for i in range(len(ordered))],
                        label=f"{run.layout.name} at {run.rate:g}/s")
    cdf_ax.axvline(1.0, color="grey", linestyle=":", label="target p99 < 1 s")
    cdf_ax.axhline(0.99, color="grey", linestyle="-.", linewidth=0.8)
    cdf_ax.set(title="Article → first verdict", xlabel="seconds", ylabel="share of articles", xscale="log")
    cdf_ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
