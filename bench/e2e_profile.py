"""Profile every process of the pipeline under a burst with py-spy (bench layer).

Run ``.venv/bin/python -m bench.e2e_profile [--burst 600] [--layout default] [--name NAME]``; writes
``bench/results/profiles/NAME.md``: per process (ingest, claims, verify), the functions that hold
the most samples, inclusive and self. py-spy samples from outside (``py-spy record --pid``), so the
services run unchanged; the profile is what led to each tuning change (cited in the commits).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.e2e import LAYOUTS, corpus_file
from bench.e2e_pipeline import BenchBroker, LagGauge, Pipeline

REPO = Path(__file__).resolve().parents[1]
PROFILES = REPO / "bench" / "results" / "profiles"
TOP = 25


def collapsed_summary(lines: list[str], top: int = TOP) -> tuple[int, list[tuple[str, int]], list[tuple[str, int]]]:
    """From py-spy's collapsed stacks (``frame;frame;… count``): total samples, and the ``top``
    frames by inclusive samples (each counted once per stack) and by self samples (leaf frames)."""
    inclusive, own, total = Counter(), Counter(), 0
    for line in lines:
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        frames = stack.split(";")
        total += int(count)
        own[frames[-1]] += int(count)
        for frame in set(frames):
            inclusive[frame] += int(count)
    return total, inclusive.most_common(top), own.most_common(top)


def _spy(pid: int, out: Path) -> subprocess.Popen:
    return subprocess.Popen([str(Path(sys.executable).with_name("py-spy")), "record", "--pid", str(pid), "--format", "raw",
                             "--rate", "50", "--output", str(out), "--nonblocking"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def profile(layout_name: str, burst: int, timeout_s: float) -> tuple[dict[str, list[str]], float]:
    """Collapsed stacks of each process while the burst goes through, and the seconds it took."""
    stacks: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory(prefix="wirecheck-profile-") as tmp, BenchBroker() as broker:
        corpus = corpus_file(Path(tmp), burst)
        with Pipeline(broker, LAYOUTS[layout_name]) as pipeline:
            ingest = pipeline.ingest(corpus, Path(tmp) / "ingest.log")
            named = {"ingest": ingest.pid, **{f"{n}-{p.pid}": p.pid for n, p in pipeline.named_processes()}}
            spies = {name: (_spy(pid, Path(tmp) / f"{name}.txt"), Path(tmp) / f"{name}.txt") for name, pid in named.items()}
            gauge = LagGauge(pipeline.settings)
            start = time.monotonic()
            while time.monotonic() - start < timeout_s:
                time.sleep(1.0)
                if ingest.poll() is not None and gauge.settled(gauge.offsets_behind()):
                    break
            gauge.close()
            seconds = time.monotonic() - start
        for name, (spy, out) in spies.items():
            spy.wait(timeout=30)  # py-spy ends when its process does
            stacks[name] = out.read_text().splitlines() if out.exists() else []
    return stacks, seconds


def render(name: str, layout_name: str, burst: int, stacks: dict[str, list[str]], seconds: float) -> str:
    lines = [f"# Profile `{name}`: burst of {burst} articles, layout {layout_name}", "",
             f"Through every stage in {seconds:.1f} s (under profiling, on shared cores: compare the shares, not the time).", "",
             f"`{' '.join(['.venv/bin/python -m bench.e2e_profile', *sys.argv[1:]])}`; py-spy, 50 samples/s, "
             "idle threads excluded (py-spy's default: time blocked in poll() is not counted)", ""]
    for process, collapsed in stacks.items():
        total, inclusive, own = collapsed_summary(collapsed)
        lines += [f"## {process} ({total} samples)", "", "| inclusive | frame | | self | frame |", "|---|---|---|---|---|"]
        for (frame_i, n_i), (frame_s, n_s) in zip(inclusive, own + [("", 0)] * (len(inclusive) - len(own))):
            lines.append(f"| {n_i / total:.0%} | `{frame_i}` | | {n_s / total:.0%} | `{frame_s}` |" if total else "")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=600)
    parser.add_argument("--layout", default="tuned", choices=sorted(LAYOUTS))
    parser.add_argument("--name", default=None, help="file name under bench/results/profiles/")
    parser.add_argument("--timeout", type=float, default=900.0)
    args = parser.parse_args(argv)
    name = args.name or f"e2e-{args.layout}-burst{args.burst}"
    stacks, seconds = profile(args.layout, args.burst, args.timeout)
    PROFILES.mkdir(parents=True, exist_ok=True)
    (PROFILES / f"{name}.md").write_text(render(name, args.layout, args.burst, stacks, seconds), encoding="utf-8")
    print(f"wrote {PROFILES / f'{name}.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
