"""The verifier through a real local broker: the intake-log runner beside the runner it replaced.

Run ``.venv/bin/python -m bench.verify_scaleout [--articles 1000]``; writes
``bench/results/verify_scaleout.md``.

The workload: ``bench.stream_corpus`` articles (originals, wire copies, rewrites and updates of the
same stories), extracted in-process once, published to ``claims.v1`` (3 partitions) before the
verifier starts — a backlog. The clock runs from the verifier's start until its group has no
record left (``wirecheck.lag``; with the intake-log runner that means every verdict is sent).
Each layout gets fresh topics on one broker started here (free loopback ports, removed at the end).
The instances run as threads of this process, as the integration tests run them, so two instances
share one interpreter lock: the two-instance row shows the cost of every instance applying the
whole log, not a speed-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from kafka import KafkaProducer

from bench.e2e import article_events_of, corpus_file
from bench.e2e_pipeline import BenchBroker
from schemas import ClaimsExtracted, Event
from schemas.registry import CLAIMS, DECISIONS, encode, key_for
from services.claims.handler import claims_of
from services.claims.runner import PRODUCER as CLAIMS_PRODUCER
from services.verify.handler import VerifierState, handle
from services.verify.runner import PRODUCER, verify_stage
from wirecheck.lag import pending_records
from wirecheck.settings import Settings
from wirecheck.stream import Stage, StageRunner
from wirecheck.topics import ensure_topics

REPO = Path(__file__).resolve().parents[1]
RESULT = REPO / "bench" / "results" / "verify_scaleout.md"
MAX_ARTICLE_CHARS = 512_000
DRAIN_LIMIT_S = 1800.0


def replaced_stage() -> Stage:
    """The verify stage as it ran before the intake log: StageRunner's loop, no ordering."""
    state = VerifierState()

    def handle_event(event: Event) -> list[Event]:
        return list(handle(event, state, producer=PRODUCER))

    def reset() -> None:
        nonlocal state
        state = VerifierState()

    return Stage(name="verify", inputs=(CLAIMS, DECISIONS), handle=handle_event, producer=PRODUCER,
                 stateful=True, reset=reset)


LAYOUTS: dict[str, Callable[[], list[Stage]]] = {
    "replaced runner (StageRunner), 1 instance — baseline": lambda: [replaced_stage()],
    "intake log, 1 instance": lambda: [verify_stage(VerifierState())],
    "intake log, 2 instances": lambda: [verify_stage(VerifierState()), verify_stage(VerifierState())],
}


def extracted_events(articles: int) -> list[ClaimsExtracted]:
    with tempfile.TemporaryDirectory() as folder:
        events = article_events_of(corpus_file(Path(folder), articles), articles)
    return [claims_of(e, producer=CLAIMS_PRODUCER, max_chars=MAX_ARTICLE_CHARS) for e in events]


def publish(settings: Settings, events: list[ClaimsExtracted]) -> None:
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap, acks="all", linger_ms=20)
    try:
        for event in events:
            producer.send(settings.topic(CLAIMS), key=key_for(event), value=encode(event))
        producer.flush()
    finally:
        producer.close()


def drained(settings: Settings) -> bool:
    try:
        return not any(pending_records(settings, "verify", (CLAIMS, DECISIONS)).values())
    except Exception:  # noqa: BLE001 — the group's coordinator is not there yet
        return False


def time_layout(bootstrap: str, stages: list[Stage], events: list[ClaimsExtracted]) -> float:
    with tempfile.TemporaryDirectory(prefix="wirecheck-bench-home-") as home:
        settings = Settings(bootstrap_servers=bootstrap, topic_prefix=f"b{uuid.uuid4().hex[:8]}.",
                            partitions=3, home=Path(home))
        return _drain_time(settings, stages, events)


def _drain_time(settings: Settings, stages: list[Stage], events: list[ClaimsExtracted]) -> float:
    ensure_topics(settings)
    publish(settings, events)
    stop = threading.Event()
    runners = [(stage.runner or StageRunner)(stage, settings) for stage in stages]
    threads = [threading.Thread(target=r.run, args=(stop,), daemon=True) for r in runners]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    try:
        while not drained(settings):
            if time.monotonic() - started > DRAIN_LIMIT_S:
                raise RuntimeError("the verifier did not drain its backlog")
            time.sleep(0.25)
        return time.monotonic() - started
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    events = extracted_events(args.articles)
    claims = sum(len(e.claims) for e in events)
    timings = {}
    with BenchBroker() as broker:
        for name, stages in LAYOUTS.items():
            timings[name] = time_layout(broker.bootstrap, stages(), events)
            print(f"{name}: {timings[name]:.1f} s", flush=True)
    RESULT.write_text(table(timings, articles=len(events), claims=claims), encoding="utf-8")
    print(f"wrote {RESULT.relative_to(REPO)}")


def table(timings: dict[str, float], *, articles: int, claims: int) -> str:
    baseline = next(iter(timings.values()))
    rows = "\n".join(
        f"| {name} | {seconds:.1f} | {claims / seconds:,.0f} | {seconds / baseline:.2f}× |"
        for name, seconds in timings.items())
    return f"""# Verifier runners through a real broker

{dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC · {platform.node()} · Python {platform.python_version()} ·
{articles:,} articles, {claims:,} claims from `bench.stream_corpus`, a backlog on 3 partitions of `claims.v1`
(`.venv/bin/python -m bench.verify_scaleout --articles {articles}`; method in the module docstring).

| layout | seconds to drain | claims/s | time vs baseline |
|---|---|---|---|
{rows}

Instances are threads of one process (one interpreter lock). Every intake-log instance applies the
whole log, so a second instance adds failover and shares the sending, not the matching.
Timings taken while other work shares the machine's two cores are noisy; compare the ratios, and
re-measure on a quiet machine before quoting the seconds.
"""


if __name__ == "__main__":
    main()
