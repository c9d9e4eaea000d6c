"""`wirecheck demo` / `make demo`: the whole pipeline once, on the sample feed (shell layer).

1. start the local broker (unless KAFKA_BOOTSTRAP_SERVERS names one) and create the topics;
2. serve the sample feed on loopback as a stand-in wire (one Atom feed per outlet), and start the
   claims, verify and ingest services as child processes, ingest following the stand-in's feeds;
3. ingest the seed article (a file);
4. wait until every article has its claims, the verifier has caught up and every claim has a verdict;
5. print the report and the feeds' health (``wirecheck feeds status``); stop what the demo started —
   with ``--serve``, once Ctrl-C or SIGTERM ends the serving.
"""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

from schemas import ArticlePublished
from schemas.registry import CLAIMS, DECISIONS
from services.ingest.follow.stand_in import StandInWire
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


# The stand-in wire's feeds are polled this often while the demo runs (conditional requests: 304s).
DEMO_FEED_INTERVAL_S = 5.0


def demo_inputs() -> list[tuple[list[str], dict[str, str]]]:
    """(paths, default metadata) of every article of the demo as files. The demo itself ingests the
    seed this way and follows the sample feed over HTTP (the same articles, the same ids)."""
    return seed_inputs() + [([str(SAMPLE_FEED)], {})]


def seed_inputs() -> list[tuple[list[str], dict[str, str]]]:
    return [([str(SEED)], SEED_METADATA)] if SEED.exists() else []


def write_demo_feeds(wire: StandInWire, settings: Settings) -> Path:
    """The feeds file following every outlet of the stand-in wire, with its own state file."""
    path = settings.home / "feeds" / f"{settings.topic_prefix}demo-feeds.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    state = f'state_file = "{settings.topic_prefix}demo-state.json"\n\n'
    path.write_text(state + wire.feeds_toml(interval_s=DEMO_FEED_INTERVAL_S), encoding="utf-8")
    return path


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
    wire = StandInWire(SAMPLE_FEED)
    wire.start()
    feeds_file = write_demo_feeds(wire, settings)
    echo(f"demo: a stand-in wire serves {len(wire.outlets)} feeds of {SAMPLE_FEED} on "
         f"{wire.url('<outlet>')}; ingest follows them ({feeds_file})")
    procs = [start_service("claims"), start_service("verify"),
             start_service("ingest", extra_args=["--feeds", str(feeds_file)])]
    try:
        if not SEED.exists():
            echo(f"demo: seed article not found at {SEED}; following the sample feed only")
        for paths, defaults in seed_inputs():
            result = ingest_paths(paths, settings, defaults=defaults)
            echo(f"demo: ingested {', '.join(paths)}: {len(result.published)} published, "
                 f"{result.duplicates} already there, {len(result.errors)} refused")
        collected = wait_for_verdicts(settings, demo_article_ids(settings), timeout_s, procs)
        echo(render_text(collected))
        echo(f"demo: wirecheck feeds status {feeds_file}\n{feeds_status(feeds_file, settings)}")
        if serve:
            from services.review.launch import start_review_process

            procs.append(start_review_process())  # prints its address and the demo password
            echo("demo: services keep running; press Ctrl-C to stop")
            _wait_for_interrupt()
    finally:
        stop_services(procs)
        wire.stop()
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


def feeds_status(feeds_file: Path, settings: Settings) -> str:
    """What ``wirecheck feeds status FEEDS_FILE`` prints."""
    from services.ingest.follow.config import load_feeds
    from services.ingest.follow.state import state_path
    from wirecheck.cli_feeds import status_rows, status_table

    config = load_feeds(feeds_file)
    return status_table(status_rows(config, state_path(config, settings)))


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
