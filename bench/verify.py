"""Benchmark of the verifier: speed and memory at scale, replay, accuracy on public data (bench layer).

Run ``.venv/bin/python -m bench.verify [--sizes 1000,10000,100000,1000000] [--accuracy-limit N]``;
writes ``bench/results/verify.md``.

* Scale: a generated stream (``bench.verify_workload``) is handled live, every event through
  ``handle()`` as the service does (with its runner's ``HeapFreezer`` between events); when the
  index holds each size, the next ``--window`` articles are timed one ``handle()`` each (time ÷ the article's claims) and the memory per indexed claim is the RSS
  growth since the empty state, after ``gc.collect()``, divided by the claims indexed (events are not
  kept, so RSS is the projection plus allocator slack).
* Replay: the live run's events are written as JSON to a temporary file. (1) Every event but the last
  window is decoded through the topic registry and rebuilt into a fresh state with
  ``handle(emit=False)``, as a restarted verifier rebuilds its projection (timed); then the last window
  is handled with events emitted: they must equal the live run's, and the final verdict table too.
  (2) The first ``--prefix`` claims are replayed emitting every event: the stream must equal the live
  run's prefix (SHA-256 over every event's JSON).
* Accuracy: ``bench.verify_accuracy`` on Emergent and ECB+ (read from ``../shared/eval``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import hashlib
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from bench.verify_accuracy import accuracy_lines
from bench.verify_workload import Workload
from schemas.envelope import Producer
from schemas.registry import CLAIMS, decode
from services.verify import VerifierState, handle
from services.verify.heap import HeapFreezer

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "verify.md"
PRODUCER = Producer(service="verify", version="bench")
TARGET_RATIO = 2.0  # time per claim at the largest size ÷ at 10^3
TARGET_BYTES = 1024  # memory per indexed claim
TARGET_REPLAY_S = 120.0  # rebuild from 10^6 claims
# Every time here is CPU time of this thread: on a shared machine other processes stretch wall-clock
# time by whatever load they bring, and the ratio between sizes measured minutes apart with it.
cpu = time.thread_time


@dataclass
class Point:
    size: int
    claims: int
    median_us: float
    p95_us: float
    bytes_per_claim: float


@dataclass
class Live:
    """What the live run leaves for the replay to compare with."""

    points: list[Point]
    seconds: float  # in handle(), every event
    prefix_events: int  # events of the first ``prefix`` claims
    prefix_digest: str  # of their VerdictChanged events
    tail_events: int  # events of the last timed window
    tail_digest: str  # of their VerdictChanged events
    table_digest: str  # of every claim's verdict in force at the end
    claims: int


@dataclass
class Replay:
    rebuild_s: float  # decode + handle(emit=False), every event but the tail
    decode_s: float  # of which decoding
    claims: int
    tail_same: bool
    table_same: bool
    prefix_s: float
    prefix_same: bool


def rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def verdict_table_digest(state: VerifierState) -> str:
    """SHA-256 of every claim's verdict in force (verdict, origins, decider, revision)."""
    digest = hashlib.sha256()
    for claim_id, c in sorted(state.current.items()):
        digest.update(repr((claim_id, c.verdict, c.independent_origins, c.decided_by, c.revision)).encode())
    return digest.hexdigest()


class _Recorder:
    """Handles events live, spools them as JSON and digests what they emit (all, and the tail)."""

    def __init__(self, out) -> None:
        self.state, self.out, self.events, self.seconds = VerifierState(), out, 0, 0.0
        self.digest, self.tail = hashlib.sha256(), None
        self.heap = HeapFreezer()  # as the service's runner does between events

    def handle(self, event) -> float:
        self.out.write(event.model_dump_json() + "\n")
        start = cpu()
        changes = handle(event, self.state, producer=PRODUCER)
        took = cpu() - start
        self.heap.applied()
        for change in changes:
            dumped = change.model_dump_json().encode()
            self.digest.update(dumped)
            if self.tail is not None:
                self.tail.update(dumped)
        self.events, self.seconds = self.events + 1, self.seconds + took
        return took


def run_scale(sizes: list[int], *, window: int, prefix: int, spool: Path) -> Live:
    """The live run: every event through handle(); a point at each size."""
    gc.collect()
    base = rss()
    events = Workload().events()  # without end: superseded claims leave the index
    pending, points, prefix_mark = list(sizes), [], None
    bar = tqdm(total=sizes[-1], desc="verify scale", unit="claim", file=sys.stderr)
    with spool.open("w", encoding="utf-8") as out:
        live = _Recorder(out)
        while pending:
            event = next(events)
            live.handle(event)
            bar.update(len(event.claims))
            if prefix_mark is None and len(live.state.index) >= prefix:
                prefix_mark = (live.events, live.digest.hexdigest())
            if len(live.state.index) >= pending[0]:
                if len(pending) == 1:  # the last window is the tail the replay re-emits
                    tail_start, live.tail = live.events, hashlib.sha256()
                points.append(_point(pending.pop(0), live, events, window, base))
                tqdm.write(f"{points[-1]}", file=sys.stderr)
    bar.close()
    prefix_events, prefix_digest = prefix_mark or (live.events, live.digest.hexdigest())
    return Live(points, live.seconds, prefix_events, prefix_digest, live.events - tail_start,
                live.tail.hexdigest(), verdict_table_digest(live.state), len(live.state.index))


def _point(size: int, live: _Recorder, events, window: int, base: int) -> Point:
    """Memory now, then the next ``window`` articles timed (handled, spooled and digested as live)."""
    gc.collect()
    indexed = len(live.state.index)
    per_claim = (rss() - base) / indexed
    timings = []
    for _ in range(window):
        event = next(events)
        timings.append(live.handle(event) / max(1, len(event.claims)) * 1e6)
    p95 = sorted(timings)[int(0.95 * (len(timings) - 1))]
    return Point(size, indexed, statistics.median(timings), p95, per_claim)


def run_replay(spool: Path, live: Live) -> Replay:
    """Rebuild from the spool as a restarted verifier would, then re-emit the tail; a prefix emitting."""
    state, decode_s, heap = VerifierState(), 0.0, HeapFreezer()
    with spool.open("rb") as lines:
        rebuild_events = sum(1 for _ in lines) - live.tail_events
    tail = hashlib.sha256()
    with spool.open("rb") as lines:
        start = cpu()
        for line in tqdm(islice(lines, rebuild_events), total=rebuild_events, desc="rebuild",
                         unit="event", file=sys.stderr):
            began = cpu()
            event = decode(CLAIMS, line.rstrip(b"\n"))
            decode_s += cpu() - began
            handle(event, state, producer=PRODUCER, emit=False)
            heap.applied()
        rebuild_s = cpu() - start
        for line in lines:
            for change in handle(decode(CLAIMS, line.rstrip(b"\n")), state, producer=PRODUCER):
                tail.update(change.model_dump_json().encode())
    claims, table_same = len(state.index), verdict_table_digest(state) == live.table_digest
    del state
    gc.collect()
    prefix_s, prefix_digest = _replay_emitting(spool, live.prefix_events)
    return Replay(rebuild_s, decode_s, claims, tail.hexdigest() == live.tail_digest, table_same,
                  prefix_s, prefix_digest == live.prefix_digest)


def _replay_emitting(spool: Path, events: int) -> tuple[float, str]:
    """Decode and handle the first ``events`` spooled events, emitting: seconds, digest."""
    state, digest, heap = VerifierState(), hashlib.sha256(), HeapFreezer()
    with spool.open("rb") as lines:
        start = cpu()
        for line in islice(lines, events):
            for change in handle(decode(CLAIMS, line.rstrip(b"\n")), state, producer=PRODUCER):
                digest.update(change.model_dump_json().encode())
            heap.applied()
        return cpu() - start, digest.hexdigest()


def _versions() -> str:
    found = []
    for name in ("pydantic", "tqdm"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def _scale_lines(live: Live, replay: Replay) -> list[str]:
    points, base = live.points, live.points[0]
    rows = ["| indexed claims | CPU time per claim, median (µs) | p95 (µs) | ratio to 10^3 (median) "
            "| memory per indexed claim (RSS delta, bytes) |", "|---|---|---|---|---|"]
    for p in points:
        rows.append(f"| {p.claims:,} | {p.median_us:.0f} | {p.p95_us:.0f} | "
                    f"{p.median_us / base.median_us:.2f}× | {p.bytes_per_claim:,.0f} |")
    last = points[-1]
    rows += [
        "",
        "Every size is filled live: each event through `handle()`, verdicts assessed and emitted. "
        "The cost per claim is bounded by MAX_CANDIDATES compared and MAX_LINKS kept per claim, by "
        "skipping claims whose new links cannot move their verdict, and by postings and MinHash "
        "buckets kept only for recent weeks (`services/verify/constants.py`); the 10^3 row is the "
        "baseline of the ratio. Times are CPU time of the benchmark's thread (`time.thread_time`), "
        "less sensitive than wall-clock time to other processes on a shared machine.",
        "",
        f"- time target (≤ {TARGET_RATIO:.0f}× at the largest size): "
        f"{'met' if last.median_us <= TARGET_RATIO * base.median_us else 'not met'} "
        f"({last.median_us / base.median_us:.2f}× at {last.claims:,}).",
        f"- memory target (< {TARGET_BYTES} B per claim at the largest size): "
        f"{'met' if last.bytes_per_claim < TARGET_BYTES else 'not met'} ({last.bytes_per_claim:,.0f} B).",
        f"- live run: {live.claims:,} claims handled in {live.seconds:.0f} s "
        f"CPU ({live.seconds / live.claims * 1e6:.0f} µs per claim, emitting).",
        f"- replay (rebuild): {replay.claims:,} claims decoded from JSON through the topic registry and "
        f"rebuilt with `handle(emit=False)` in {replay.rebuild_s:.0f} s CPU (of which decoding "
        f"{replay.decode_s:.0f} s; target < {TARGET_REPLAY_S:.0f} s per 10^6); then the last window re-emitted: "
        f"VerdictChanged events {'identical to' if replay.tail_same else 'DIFFERENT from'} the live run's, "
        f"final verdict table {'identical' if replay.table_same else 'DIFFERENT'}.",
        f"- replay (emitting): the first {live.prefix_events:,} events replayed emitting in "
        f"{replay.prefix_s:.1f} s CPU; VerdictChanged stream "
        f"{'identical to' if replay.prefix_same else 'DIFFERENT from'} the live run's (SHA-256 "
        f"{live.prefix_digest[:16]}…).",
    ]
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--window", type=int, default=100, help="articles timed at each size")
    parser.add_argument("--prefix", type=int, default=30_000, help="claims replayed emitting every event")
    parser.add_argument("--accuracy-limit", type=int, default=None, help="records per eval file")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        spool = Path(tmp) / "claims.jsonl"
        live = run_scale(sizes, window=args.window, prefix=args.prefix, spool=spool)
        gc.collect()
        replay = run_replay(spool, live)
    accuracy = accuracy_lines(limit=args.accuracy_limit)  # after: its freed heap would hide RSS growth
    lines = _header(args) + ["## Scale", ""] + _scale_lines(live, replay)
    lines += ["", "## Accuracy on public data", ""] + accuracy
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def _header(args: argparse.Namespace) -> list[str]:
    return [
        "# Verifier benchmark",
        "",
        f"- date: {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- machine: {platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs (one process)",
        f"- Python {platform.python_version()}; {_versions()}",
        f"- command: `.venv/bin/python -m bench.verify --sizes {args.sizes} --window {args.window} "
        f"--prefix {args.prefix}`",
        "- workload: `bench.verify_workload` (seed 7): template stories (Zipf places, speakers, monitoring "
        "groups), each published as a wire original, verbatim/trimmed republications, rewrites with "
        "paraphrased quotes, rising or conflicting tolls, and 10 % corrected as version 2; ~5 claims "
        "per article.",
        "",
    ]


if __name__ == "__main__":
    main()
