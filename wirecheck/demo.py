"""`wirecheck demo` / `make demo`: the whole pipeline once, on the sample feed (shell layer).

1. start the local broker (unless KAFKA_BOOTSTRAP_SERVERS names one) and create the topics;
2. start the claims and verify services as child processes;
3. ingest the seed article and the sample feed;
4. wait until every article has its claims, the verifier has caught up and every claim has a verdict;
5. print the report; stop what the demo started — with ``--serve``, once Ctrl-C or SIGTERM ends
   the serving.
"""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

from schemas import ArticlePublished
from schemas.registry import CLAIMS, DECISIONS
from services.ingest.runner import PRODUCER, ingest_paths
from services.ingest.sources import article_events, expand_paths
from wirecheck.exceptions import WirecheckError
from wirecheck.lag import pending_records
from wirecheck.processes import start_service, stop_services
from wirecheck.report import Collected, collect, render_text
from wirecheck.settings import Settings
from wirecheck.topics import ensure_topics

REPO = Path(__file__).resolve().parents[1]
SAMPLE_FEED = REPO / "samples" / "feed"
SEED = REPO.parent / "shared" / "seeds" / "homs-2024-12-06.txt"
# The seed file carries no metadata; these stand in for what its outlet would have sent.
SEED_METADATA = {
    "source": "Levant Ledger",
    "title": "Rebels within striking distance of Homs",
    "published": "2024-12-06T07:00:00+00:00",
}


def demo_inputs() -> list[tuple[list[str], dict[str, str]]]:
    """(paths, default metadata) for each ingest call of the demo."""
    inputs = [([str(SAMPLE_FEED)], {})]
    if SEED.exists():
        inputs.insert(0, ([str(SEED)], SEED_METADATA))
    return inputs


def demo_article_ids(settings: Settings) -> set[str]:
    ids: set[str] = set()
    for paths, defaults in demo_inputs():
        for item in article_events(expand_paths(paths), producer=PRODUCER,
                                   max_chars=settings.max_article_chars, defaults=defaults):
            if isinstance(item, ArticlePublished):
                ids.add(item.article.article_id)
    return ids


def run_demo(settings: Settings, *, serve: bool, timeout_s: float, echo=print) -> None:
    broker = None
    if settings.uses_local_broker:
        from wirecheck.broker.local import LocalBroker

        broker = LocalBroker(settings.home)
        broker_was_running = broker.pid() is not None
        broker.up(echo=echo)
    ensure_topics(settings)
    procs = [start_service("claims"), start_service("verify")]
    try:
        if not SEED.exists():
            echo(f"demo: seed article not found at {SEED}; ingesting the sample feed only")
        for paths, defaults in demo_inputs():
            result = ingest_paths(paths, settings, defaults=defaults)
            echo(f"demo: ingested {', '.join(paths)}: {len(result.published)} published, "
                 f"{result.duplicates} already there, {len(result.errors)} refused")
        collected = wait_for_verdicts(settings, demo_article_ids(settings), timeout_s, procs)
        echo(render_text(collected))
        if serve:
            from services.review.launch import start_review_process

            procs.append(start_review_process())  # prints its address and the demo password
            echo("demo: services keep running; press Ctrl-C to stop")
            _wait_for_interrupt()
    finally:
        stop_services(procs)
        if broker is not None and not broker_was_running:
            broker.down(echo=echo)


def wait_for_verdicts(settings: Settings, article_ids: set[str], timeout_s: float,
                      procs=()) -> Collected:
    """Poll the topics until the demo's articles are fully verified, or raise after the timeout."""
    deadline = time.monotonic() + timeout_s
    while True:
        collected = collect(settings)
        missing = pending_articles(collected, article_ids)
        if not missing and not any(pending_records(settings, "verify", (CLAIMS, DECISIONS)).values()):
            return collected
        if any(p.poll() is not None for p in procs):
            raise WirecheckError("a service exited before the verdicts were in; see its log above")
        if time.monotonic() > deadline:
            raise WirecheckError(f"{len(missing)} article(s) still lack claims or verdicts after "
                                 f"{timeout_s:.0f} s: {sorted(missing)}")
        time.sleep(1.0)


def pending_articles(collected: Collected, article_ids: set[str]) -> set[str]:
    """Articles without their claims, or with a claim that has no verdict yet."""
    pending = set()
    for article_id in article_ids:
        extracted = collected.claims.get(article_id)
        if extracted is None or any(c.claim_id not in collected.verdicts for c in extracted.claims):
            pending.add(article_id)
    return pending


def _wait_for_interrupt() -> None:
    """Block until Ctrl-C or SIGTERM; the caller then stops what the demo started."""
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        stop.wait()
    except KeyboardInterrupt:
        pass
