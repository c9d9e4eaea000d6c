"""Benchmark of the verifier: speed and memory at scale, replay, accuracy on public data (bench layer).

Run ``.venv/bin/python -m bench.verify [--sizes 1000,10000,100000,1000000] [--accuracy-limit N]``;
writes ``bench/results/verify.md``.

* Scale: a generated stream (``bench.verify_workload``) is handled live; when the index holds each
  size, the next ``--window`` articles are timed one ``handle()`` each (time ÷ the article's
  claims) and the memory per indexed claim is the RSS growth since the empty state, after
  ``gc.collect()``, divided by the claims indexed (events are not kept, so RSS is the projection
  plus allocator slack). Sizes above ``--live-limit`` are filled with ``VerifierState.add_claims``
  (indexing and matching, no verdict assessment) to fit the time budget; the table says which.
* Replay: the live run's events are written as JSON to a temporary file, then decoded through the
  topic registry and handled into a fresh state; its VerdictChanged stream must equal the live one
  (SHA-256 over every event's JSON).
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
from pathlib import Path

from tqdm import tqdm

from bench.verify_accuracy import accuracy_lines
from bench.verify_workload import Workload
from schemas.envelope import Producer
from schemas.registry import CLAIMS, decode
from services.verify import VerifierState, handle

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results" / "verify.md"
PRODUCER = Producer(service="verify", version="bench")
TARGET_RATIO = 2.0  # time per claim at the largest size ÷ at 10^3
TARGET_BYTES = 1024  # memory per indexed claim
TARGET_REPLAY_S = 120.0  # rebuild from 10^6 claims


@dataclass
class Point:
    size: int
    claims: int
    median_us: float
    p95_us: float
    bytes_per_claim: float
    filled_by: str


def rss() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def run_scale(sizes: list[int], *, window: int, live_limit: int, spool: Path) -> tuple[list[Point], str, float]:
    """The live run: points at each size, the digest of every VerdictChanged, seconds handled."""
    gc.collect()
    base = rss()
    state, points, digest, handled_s = VerifierState(), [], hashlib.sha256(), 0.0
    events = Workload().events()  # without end: superseded claims leave the index
    pending = list(sizes)
    bar = tqdm(total=sizes[-1], desc="verify scale", unit="claim", file=sys.stderr)
    with spool.open("w", encoding="utf-8") as out:
        while pending:
            live = len(state.index) < live_limit
            event = next(events)
            if live:
                out.write(event.model_dump_json() + "\n")
                start = time.perf_counter()
                for change in handle(event, state, producer=PRODUCER):
                    digest.update(change.model_dump_json().encode())
                handled_s += time.perf_counter() - start
            else:
                state.add_claims(event)
            bar.update(len(event.claims))
            if len(state.index) >= pending[0]:
                record = (out, digest) if live else None
                points.append(_point(pending.pop(0), state, events, window, base, record))
                tqdm.write(f"{points[-1]}", file=sys.stderr)
    bar.close()
    return points, digest.hexdigest(), handled_s


def _point(size: int, state: VerifierState, events, window: int, base: int, record) -> Point:
    """Memory now, then the next ``window`` articles timed; ``record`` (spool, digest) in the live run."""
    gc.collect()
    indexed = len(state.index)
    per_claim = (rss() - base) / indexed
    timings = []
    for _ in range(window):
        event = next(events)
        start = time.perf_counter()
        changes = handle(event, state, producer=PRODUCER)
        timings.append((time.perf_counter() - start) / max(1, len(event.claims)) * 1e6)
        if record:
            record[0].write(event.model_dump_json() + "\n")
            for change in changes:
                record[1].update(change.model_dump_json().encode())
    p95 = sorted(timings)[int(0.95 * (len(timings) - 1))]
    return Point(size, indexed, statistics.median(timings), p95, per_claim,
                 "handle() (live)" if record else "add_claims() fill")


def run_replay(spool: Path) -> tuple[str, float, int]:
    """Decode and handle the spooled events into a fresh state: digest, seconds, claims."""
    state, digest = VerifierState(), hashlib.sha256()
    lines = spool.read_text(encoding="utf-8").splitlines()
    start = time.perf_counter()
    for line in tqdm(lines, desc="replay", unit="event", file=sys.stderr):
        for change in handle(decode(CLAIMS, line.encode()), state, producer=PRODUCER):
            digest.update(change.model_dump_json().encode())
    return digest.hexdigest(), time.perf_counter() - start, len(state.index)


def _versions() -> str:
    found = []
    for name in ("pydantic", "tqdm"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} (not installed)")
    return ", ".join(found)


def _scale_lines(points: list[Point], live_digest: str, replay: tuple[str, float, int], live_s: float) -> list[str]:
    base = points[0]
    rows = ["| indexed claims | filled by | time per claim, median (µs) | p95 (µs) | ratio to 10^3 (median) "
            "| memory per indexed claim (RSS delta, bytes) |", "|---|---|---|---|---|---|"]
    for p in points:
        rows.append(f"| {p.claims:,} | {p.filled_by} | {p.median_us:.0f} | {p.p95_us:.0f} | "
                    f"{p.median_us / base.median_us:.2f}× | {p.bytes_per_claim:,.0f} |")
    last = points[-1]
    digest, seconds, claims = replay
    per_million = seconds / claims * 1e6 if claims else float("nan")
    rows += [
        "",
        f"- time target (≤ {TARGET_RATIO:.0f}× at the largest size): "
        f"{'met' if last.median_us <= TARGET_RATIO * base.median_us else 'not met'} "
        f"({last.median_us / base.median_us:.2f}× at {last.claims:,}).",
        f"- memory target (< {TARGET_BYTES} B per claim at the largest size): "
        f"{'met' if last.bytes_per_claim < TARGET_BYTES else 'not met'} ({last.bytes_per_claim:,.0f} B).",
        f"- replay: {claims:,} claims decoded from JSON and handled in {seconds:.1f} s "
        f"({per_million:.0f} s per 10^6 claims, extrapolated linearly; target < {TARGET_REPLAY_S:.0f} s); "
        f"live handling took {live_s:.1f} s. VerdictChanged streams "
        f"{'identical' if digest == live_digest else 'DIFFERENT'} (SHA-256 {digest[:16]}…).",
    ]
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--window", type=int, default=100, help="articles timed at each size")
    parser.add_argument("--live-limit", type=int, default=30_000,
                        help="handle() every event up to this many claims; fill with add_claims() above")
    parser.add_argument("--accuracy-limit", type=int, default=None, help="records per eval file")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    accuracy = accuracy_lines(limit=args.accuracy_limit)
    with tempfile.TemporaryDirectory() as tmp:
        spool = Path(tmp) / "claims.jsonl"
        points, digest, live_s = run_scale(sizes, window=args.window, live_limit=args.live_limit, spool=spool)
        gc.collect()
        replay = run_replay(spool)
    lines = _header(args) + ["## Scale", ""] + _scale_lines(points, digest, replay, live_s)
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
        f"--live-limit {args.live_limit}`",
        "- workload: `bench.verify_workload` (seed 7): template stories (Zipf places, speakers, monitoring "
        "groups), each published as a wire original, verbatim/trimmed republications, rewrites with "
        "paraphrased quotes, rising or conflicting tolls, and 10 % corrected as version 2; ~5 claims "
        "per article.",
        "",
    ]


if __name__ == "__main__":
    main()
