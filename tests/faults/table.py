"""The fault tests' results table, ``bench/results/faults.md`` (test layer, writes one file)."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

TABLE = Path(__file__).resolve().parents[2] / "bench" / "results" / "faults.md"


@dataclass(frozen=True)
class FaultRow:
    scenario: str
    events_in: int  # articles and poison records published
    events_out: int  # ClaimsExtracted and VerdictChanged records read back, read_committed
    lost: int
    duplicated: int
    unexpected: int
    differing: int
    dead_lettered: int
    poison: int
    restarts: int
    wall_s: float


HEADER = ("| scenario | events in | events out | lost | duplicated | unexpected | verdicts differing "
          "| dead-lettered (poison sent) | restarts | wall time |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")


def render(rows: list[FaultRow], *, articles: int, claims: int, verdict_events: int) -> str:
    lines = [
        "# Fault tests: nothing lost, nothing duplicated",
        "",
        f"Written by `make bench-faults` / the `faults` tier of `make test` on "
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC; {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {sys.version.split()[0]}, Kafka 4.4 local broker (KRaft, one partition per topic).",
        "",
        f"Input: {articles:,} generated articles (`tests/faults/stream.py`, from `bench/verify_workload.py`'s "
        f"stories: wire originals, echoes, rewrites, corrections); the clean run, in one process, makes "
        f"{claims:,} ClaimsExtracted + VerdictChanged events ({verdict_events:,} of them verdict changes). "
        "Each row is one run of the claims and verify services as processes with the fault applied, "
        "compared with the clean run: *lost* = clean-run events missing, *duplicated* = records whose "
        "event id was read before, *unexpected* = event ids the clean run never made, *verdicts "
        "differing* = claims whose final verdict, independent origins or revision differ; *restarts* "
        "counts kills, broker restarts and supervised restarts of a stage that stopped itself. "
        "Wall time is from the first service start until both stages drained, on a machine shared with "
        "other work: it is not a benchmark.",
        "",
        HEADER,
    ]
    for r in rows:
        lines.append(f"| {r.scenario} | {r.events_in:,} | {r.events_out:,} | {r.lost} | {r.duplicated} | "
                     f"{r.unexpected} | {r.differing} | {r.dead_lettered} ({r.poison}) | {r.restarts} | "
                     f"{r.wall_s:.0f} s |")
    return "\n".join(lines) + "\n"


def write(rows: list[FaultRow], **totals: int) -> None:
    TABLE.write_text(render(rows, **totals), encoding="utf-8")
