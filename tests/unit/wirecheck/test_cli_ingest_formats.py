"""`wirecheck ingest --dry-run` on every input format, and the options of the ingest command."""

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemas import ArticlePublished
from schemas.registry import decode
from wirecheck.cli import main
from wirecheck.progress import PROGRESS_MIN_FILES, with_progress

FEEDS = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "feeds"


def _dry_run(*paths: str, **kwargs):
    result = CliRunner().invoke(main, ["ingest", "--dry-run", *paths], **kwargs)
    events = [decode("articles.v1", line.encode()) for line in result.stdout.splitlines()]
    assert all(isinstance(e, ArticlePublished) for e in events)
    return result, events


@pytest.mark.parametrize("relative,exit_code,expected", [
    ("ninjs/meridian-homs-v1.json", 0, [("Meridian Wire", "Rebels reach outskirts of Homs", 1)]),
    ("ninjs/harbour-1x.jsonl", 1, [("Gulf Wire Service", "Hama residents return as front moves south", 3),
                                   ("unknown", "Aleppo airport closed", None)]),
    ("newsml/lpa-homs.xml", 0, [("Levant Press Agency", "Civilians flee Homs & Hama as rebels push south", 1)]),
    ("newsml/ipa-message-cp1252.xml", 1, [("Iberian Press Agency", "Homs cafés close as fighting nears", 1),
                                          ("Iberian Press Agency", "CORRECTED-Homs cafés close as fighting nears", 2)]),
    ("rss/cedar-latin1.rss", 1, [("Cedar News", "Rebels take Rastan & Talbisseh", None),
                                 ("Cedar News", "Homs residents head for the coast", None),
                                 ("Cedar News", "Aleppo airport stays shut", None)]),
    ("atom/chronicle.atom", 0, [("Northern Chronicle", "Homs braces & waits", None),
                                ("Northern Chronicle", "Undated brief", None)]),
    ("jsonl/dispatches.jsonl", 0, [("Levant Dispatch", "Homs empties as rebels approach", None),
                                   ("Levant Dispatch", None, 2)]),
    ("text/courier.txt", 0, [("Daily Courier", "Homs braces for rebel advance", None)]),
])
def test_dry_run_prints_the_events_of_each_format(relative: str, exit_code: int, expected: list) -> None:
    result, events = _dry_run(str(FEEDS / relative))
    assert result.exit_code == exit_code, result.output
    assert [(e.article.source, e.article.title, e.article.version) for e in events] == expected


def test_dry_run_keeps_wire_provenance() -> None:
    _, [event] = _dry_run(str(FEEDS / "newsml/lpa-homs.xml"))
    article = event.article
    assert (article.credit, article.dateline, article.original_id) == (
        "LPA", "HOMS, Syria, Dec 6 (LPA)", "urn:newsml:lpa.example:20241206:homs-civilians")
    assert [(s.name, s.role) for s in article.info_sources] == [
        ("Levant Press Agency", "originating"), ("Gulf Wire Service", "distributing")]


def test_dry_run_of_two_versions_gives_one_article_id() -> None:
    _, events = _dry_run(str(FEEDS / "ninjs/meridian-homs-v1.json"), str(FEEDS / "ninjs/meridian-homs-v2.json"))
    assert len({e.article.article_id for e in events}) == 1
    assert [e.article.version for e in events] == [1, 2] and len({e.event_id for e in events}) == 2


def test_dry_run_names_refused_records_and_hostile_xml() -> None:
    result, events = _dry_run(str(FEEDS / "hostile"), str(FEEDS / "text"))
    assert result.exit_code == 1 and [e.article.source for e in events] == ["Daily Courier"]
    assert f"refused: {FEEDS / 'hostile/billion-laughs.rss'}: refused unsafe XML" in result.stderr
    assert f"refused: {FEEDS / 'hostile/xxe-newsml.xml'}: refused unsafe XML" in result.stderr


def test_a_folder_of_every_format_is_read_without_its_html_copies() -> None:
    result, events = _dry_run(str(FEEDS))
    assert result.exit_code == 1  # the bad records of the fixtures
    assert len(events) == 15  # 2 Atom, 2 JSON lines, 3 NewsML-G2, 4 ninjs, 3 RSS, 1 text
    assert not any(e.article.url and e.article.url.endswith(".html") for e in events)


def test_format_is_told_from_content_not_the_file_name(tmp_path: Path) -> None:
    shutil.copy(FEEDS / "newsml/lpa-homs.xml", tmp_path / "item.txt")
    shutil.copy(FEEDS / "ninjs/meridian-homs-v1.json", tmp_path / "item.dat")
    _, events = _dry_run(str(tmp_path))
    assert sorted(e.article.source for e in events) == ["Levant Press Agency", "Meridian Wire"]


@pytest.mark.parametrize("args,message", [
    (["ingest"], "give PATHS to ingest, or --watch DIR"),
    (["ingest", "--dry-run", "--watch", "inbox", "x.txt"], "--dry-run and --watch cannot be combined"),
])
def test_ingest_usage_errors(args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and message in result.output


def test_help_mentions_watch_and_the_formats() -> None:
    result = CliRunner().invoke(main, ["ingest", "--help"])
    assert "--watch DIRECTORY" in result.output and "NewsML-G2" in result.output


@pytest.mark.parametrize("count,tty,shown", [
    (3, False, False), (PROGRESS_MIN_FILES + 1, False, True), (3, True, True),
])
def test_progress_bar_only_for_terminals_or_long_runs(count: int, tty: bool, shown: bool) -> None:
    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    stream = Stream()
    items = list(range(count))
    wrapped = with_progress(items, stream=stream)
    assert list(wrapped) == items
    assert (wrapped is not items) is shown
    assert ("file" in stream.getvalue()) is shown
