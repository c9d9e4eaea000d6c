"""The `wirecheck` command (shell layer): broker tooling, services, ingest, extraction, reports."""

from __future__ import annotations

import signal
import sys
import threading
from datetime import datetime
from pathlib import Path

import click
from kafka.errors import KafkaError

from wirecheck import __version__
from wirecheck.exceptions import WirecheckError
from wirecheck.logs import configure_logging
from wirecheck.settings import Settings


def _settings() -> Settings:
    return Settings()


@click.group(name="wirecheck", context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirecheck")
def main() -> None:
    """wirecheck: event-sourced claim verification for news.

    Articles go to articles.v1, their claims to claims.v1, verdicts to verdicts.v1. Set
    KAFKA_BOOTSTRAP_SERVERS to use your own broker; otherwise `wirecheck kafka up` runs one locally.
    """


# -- kafka --------------------------------------------------------------------------------------

@main.group()
def kafka() -> None:
    """Run a local single-node Kafka broker (KRaft) from its Maven Central jars."""


def _broker():
    from wirecheck.broker.local import LocalBroker

    return LocalBroker(_settings().home)


@kafka.command("up")
def kafka_up() -> None:
    """Fetch the jars (once), format the storage (once), start the broker, wait, create the topics."""
    from wirecheck.topics import ensure_topics

    settings = _settings()
    if settings.uses_local_broker:
        _broker().up(echo=click.echo)
    created = ensure_topics(settings)
    click.echo(f"topics: created {', '.join(created)}" if created else "topics: all present")


@kafka.command("down")
@click.option("--wipe", is_flag=True, help="Also delete the broker's data (topics and offsets).")
def kafka_down(wipe: bool) -> None:
    """Stop the local broker."""
    _broker().down(wipe=wipe, echo=click.echo)


@kafka.command("status")
def kafka_status() -> None:
    """Say whether the local broker runs and answers; exit 1 when it does not."""
    broker = _broker()
    click.echo(broker.status())
    sys.exit(0 if broker.pid() is not None else 1)


# -- services ------------------------------------------------------------------------------------

@main.command("run")
@click.argument("service", type=click.Choice(["ingest", "claims", "verify", "all"]), default="all")
@click.option("--inbox", type=click.Path(path_type=Path), default=None,
              help="Folder the ingest service watches for new files (default: <home>/inbox).")
@click.option("--feeds", "feeds_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Feeds file (TOML) the ingest service follows as well (default: WIRECHECK_FEEDS).")
@click.option("--instances", type=click.IntRange(min=1), default=1, show_default=True,
              help="claims or verify: this many instances, as child processes of one consumer group.")
def run(service: str, inbox: Path | None, feeds_file: Path | None, instances: int) -> None:
    """Run a service (or all three as child processes) until SIGTERM or Ctrl-C."""
    settings = _settings()
    configure_logging(json=settings.log_json)
    if instances > 1 and service not in ("claims", "verify"):
        raise click.UsageError("--instances applies to `run claims` and `run verify` only")
    if service == "all":
        _run_all(inbox, feeds_file)
        return
    if instances > 1:
        _run_instances(service, instances)
        return
    from wirecheck.metrics import serve_metrics

    serve_metrics(settings.metrics_port, host=settings.metrics_host)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    if service == "ingest":
        from wirecheck.cli_feeds import run_ingest_service

        run_ingest_service(inbox or settings.home / "inbox", feeds_file or settings.feeds_file, settings, stop)
    elif service == "claims":
        from services.claims.runner import run as run_claims

        run_claims(settings, stop)
    else:
        from services.verify.runner import run as run_verify

        run_verify(settings, stop)


def _run_all(inbox: Path | None, feeds_file: Path | None) -> None:
    from wirecheck.processes import SERVICES, start_service

    settings = _settings()
    extra = (["--inbox", str(inbox)] if inbox else []) + (["--feeds", str(feeds_file)] if feeds_file else [])
    procs = [
        start_service(name, extra_args=extra if name == "ingest" else (),
                      # each child serves /metrics on its own port: base, base+1, base+2
                      env={"WIRECHECK_METRICS_PORT": str(settings.metrics_port + i)} if settings.metrics_port else None)
        for i, name in enumerate(SERVICES)
    ]
    _supervise(procs)


def _run_instances(service: str, count: int) -> None:
    """``count`` instances of a stage in one group, sharing its partitions (README, "Several verifier
    instances"; a claims instance is stateless, so the group's assignment alone shares its work)."""
    from wirecheck.processes import start_service

    settings = _settings()
    _supervise([
        # each instance serves /metrics on its own port: base, base+1, …
        start_service(service, env={"WIRECHECK_METRICS_PORT": str(settings.metrics_port + i)}
                      if settings.metrics_port else None)
        for i in range(count)
    ])


def _supervise(procs: list) -> None:
    """Wait for SIGTERM or Ctrl-C, or for a child to exit; then stop every child."""
    from wirecheck.processes import stop_services

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        while not stop.wait(1.0):
            if any(p.poll() is not None for p in procs):
                click.echo("a service exited; stopping the others", err=True)
                break
    finally:
        stop_services(procs)


# -- ingest and extract --------------------------------------------------------------------------

def _defaults(source: str | None, published: datetime | None) -> dict[str, str]:
    defaults = {"source": source} if source else {}
    if published:
        defaults["published"] = published.isoformat()
    return defaults


@main.command("ingest")
@click.argument("paths", nargs=-1)
@click.option("--dry-run", is_flag=True, help="Print the ArticlePublished events as JSON lines; no Kafka.")
@click.option("--source", help="Outlet of articles whose input does not name one.")
@click.option("--published", type=click.DateTime(), help="Publication time of articles that lack one.")
@click.option("--watch", "watch_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="After PATHS, keep ingesting files as they appear in this folder, until Ctrl-C.")
@click.option("--follow", "feeds_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="After PATHS, follow the HTTP feeds of this feeds file (TOML), until Ctrl-C.")
def ingest(paths: tuple[str, ...], dry_run: bool, source: str | None, published: datetime | None,
           watch_dir: Path | None, feeds_file: Path | None) -> None:
    """Publish the articles in PATHS (files, folders, globs): IPTC ninjs and NewsML-G2, RSS/Atom
    (with local HTML copies of the pages), JSON lines, plain text. The format is told from the content.

    Each article is published once: the same id and version, or the same text from the same outlet,
    is skipped, and an older version never follows a newer one. Bad records are reported with the
    file, the record and what is wrong; the rest are still published. Exit 1 if any was refused.
    """
    from services.ingest.exceptions import BadRecordError
    from services.ingest.runner import PRODUCER, IngestResult, ingest_files, watch
    from services.ingest.sources import article_events, expand_paths
    from wirecheck.progress import with_progress

    if not paths and not watch_dir and not feeds_file:
        raise click.UsageError("give PATHS to ingest, or --watch DIR, or --follow FEEDS.toml")
    if dry_run and watch_dir:
        raise click.UsageError("--dry-run and --watch cannot be combined")
    if dry_run and feeds_file:
        raise click.UsageError("--dry-run and --follow cannot be combined")
    settings = _settings()
    defaults = _defaults(source, published)
    files = with_progress(expand_paths(paths))
    if dry_run:
        refused = 0
        for item in article_events(files, producer=PRODUCER, max_chars=settings.max_article_chars,
                                   defaults=defaults):
            if isinstance(item, BadRecordError):
                refused += 1
                click.echo(f"refused: {item}", err=True)
            else:
                click.echo(item.model_dump_json())
        sys.exit(1 if refused else 0)
    result = ingest_files(files, settings, defaults=defaults) if paths else IngestResult()
    for error in result.errors:
        click.echo(f"refused: {error}", err=True)
    if paths:
        click.echo(f"published {len(result.published)} article(s), skipped {result.duplicates} "
                   f"duplicate(s) and {result.superseded} older version(s), refused {len(result.errors)}")
    if watch_dir or feeds_file:
        configure_logging(json=settings.log_json)
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        if feeds_file:
            from wirecheck.cli_feeds import run_ingest_service

            run_ingest_service(watch_dir, feeds_file, settings, stop)
        else:
            watch(watch_dir, settings, stop, defaults=defaults)
    sys.exit(1 if result.errors else 0)


@main.command("extract")
@click.argument("path")
@click.option("--source", help="Outlet of articles whose input does not name one.")
def extract(path: str, source: str | None) -> None:
    """Print the claims of the article(s) in PATH ('-' for stdin) as JSON lines; no Kafka.

    PATH is read as ingest reads it: any input format, its declared encoding, local page copies.
    """
    from services.claims.extract import extract_claims
    from services.ingest.exceptions import BadRecordError
    from services.ingest.runner import PRODUCER
    from services.ingest.sources import normalised, read_data, read_file

    defaults = _defaults(source, None)
    items = (read_data(sys.stdin.buffer.read(), where="-", defaults=defaults) if path == "-"
             else read_file(Path(path), defaults=defaults))
    for event in normalised(items, producer=PRODUCER, max_chars=_settings().max_article_chars):
        if isinstance(event, BadRecordError):
            click.echo(f"refused: {event}", err=True)
            continue
        article = event.article
        for claim in extract_claims(article.body, article_id=article.article_id):
            click.echo(claim.model_dump_json(exclude_none=True))


@main.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--source", help="Outlet of articles whose input does not name one.")
@click.option("--published", type=click.DateTime(), help="Publication time of articles that lack one.")
def check(paths: tuple[str, ...], source: str | None, published: datetime | None) -> None:
    """Ingest, extract and verify PATHS in-process (no Kafka), in the order given, and print the
    final verdict of every claim as JSON lines: for backfills, debugging and tests."""
    import json

    from wirecheck.check import check_paths, verdict_rows

    result = check_paths(paths, max_chars=_settings().max_article_chars,
                         defaults=_defaults(source, published))
    for error in result.errors:
        click.echo(f"refused: {error}", err=True)
    for row in verdict_rows(result):
        click.echo(json.dumps(row, ensure_ascii=False))


# -- dead letters ---------------------------------------------------------------------------------

@main.group()
def deadletter() -> None:
    """Show and re-drive the records the stages refused (deadletter.v1)."""


def _dead_letter_filter(stage: str | None, reason: str | None):
    from wirecheck.deadletters import DeadLetterFilter

    return DeadLetterFilter(stage=stage, reason_contains=reason)


@deadletter.command("list")
@click.option("--stage", help="Only records refused by this stage (ingest, claims, verify).")
@click.option("--reason", help="Only records whose reason contains this text.")
@click.option("--json", "as_json", is_flag=True, help="The full DeadLettered events as JSON lines.")
def deadletter_list(stage: str | None, reason: str | None, as_json: bool) -> None:
    """List refused records: when, stage, origin (topic/partition/offset or file:record), reason."""
    from wirecheck.deadletters import dead_letters, describe

    for record in dead_letters(_settings(), _dead_letter_filter(stage, reason)):
        click.echo(record.model_dump_json() if as_json else describe(record))


@deadletter.command("replay")
@click.option("--stage", help="Only records refused by this stage.")
@click.option("--reason", help="Only records whose reason contains this text.")
def deadletter_replay(stage: str | None, reason: str | None) -> None:
    """Send refused records back to the topic they came from, after the cause is fixed."""
    from wirecheck.deadletters import dead_letters, replay

    result = replay(_settings(), dead_letters(_settings(), _dead_letter_filter(stage, reason)))
    click.echo(f"replayed {result.replayed} record(s); {result.skipped_files} from input files "
               "skipped (fix the file and ingest it again)")


# -- report and demo -----------------------------------------------------------------------------

@main.command("report")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per claim instead of text.")
def report(as_json: bool) -> None:
    """Print every article with its claims and each claim's latest verdict and sources."""
    from wirecheck.report import collect, render_json, render_text

    collected = collect(_settings())
    click.echo(render_json(collected) if as_json else render_text(collected))


@main.command("demo")
@click.option("--serve", is_flag=True, help="Keep the broker and services running after the report.")
@click.option("--timeout", default=120.0, show_default=True, help="Seconds to wait for the verdicts.")
def demo(serve: bool, timeout: float) -> None:
    """Start a broker (unless KAFKA_BOOTSTRAP_SERVERS is set) and the services, ingest the sample
    feed, wait for every verdict, print the report, and stop what it started."""
    from wirecheck.demo import run_demo

    configure_logging(json=False)
    run_demo(_settings(), serve=serve, timeout_s=timeout, echo=click.echo)


from wirecheck.cli_feeds import feeds as _feeds_command  # noqa: E402
from wirecheck.cli_review import export as _export_command, review as _review_command  # noqa: E402

main.add_command(_review_command)
main.add_command(_export_command)
main.add_command(_feeds_command)

from wirecheck.cli_claims import claims as _claims_command  # noqa: E402

main.add_command(_claims_command)


def entry() -> None:
    try:
        main(prog_name="wirecheck", standalone_mode=True)
    except WirecheckError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    except KafkaError as exc:  # most often no broker at the address: say which, and the way out
        click.echo(f"error: Kafka at {Settings().bootstrap} failed: {exc}. Start the local broker with "
                   "`wirecheck kafka up`, or point KAFKA_BOOTSTRAP_SERVERS at yours.", err=True)
        sys.exit(2)


if __name__ == "__main__":
    entry()
