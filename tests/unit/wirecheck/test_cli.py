"""The `wirecheck` command without a broker: help texts, ingest --dry-run, extract, check."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemas import ArticlePublished
from schemas.registry import decode
from wirecheck.cli import main

REPO = Path(__file__).resolve().parents[3]
FEED = REPO / "samples" / "feed"
SEED = REPO.parent / "shared" / "seeds" / "homs-2024-12-06.txt"


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.mark.parametrize("command", [
    [], ["kafka"], ["kafka", "up"], ["kafka", "down"], ["kafka", "status"], ["run"], ["ingest"],
    ["extract"], ["report"], ["demo"], ["check"], ["deadletter"], ["deadletter", "list"], ["deadletter", "replay"],
])
def test_every_command_explains_itself(command: list[str]) -> None:
    result = _run(*command, "--help")
    assert result.exit_code == 0
    assert "Usage: wirecheck" in result.output
    summary = result.output.split("\n\n")[1].strip()
    assert len(summary) > 20, f"{command} has no description"


def test_ingest_dry_run_prints_article_events() -> None:
    result = _run("ingest", "--dry-run", str(FEED))
    assert result.exit_code == 0, result.output
    events = [decode("articles.v1", line.encode()) for line in result.output.splitlines()]
    assert all(isinstance(e, ArticlePublished) for e in events)
    assert sorted(e.article.source for e in events) == [
        "Cedar News", "Daily Courier", "Gulf Evening Post", "Northern Chronicle", "Reuters"]
    wire = next(e for e in events if e.article.source == "Reuters")
    assert wire.article.credit == "Reuters" and wire.article.body.startswith("BEIRUT, Dec 6 (Reuters) - ")


def test_ingest_dry_run_names_bad_records_and_goes_on(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"source": "A", "body": "Fine text."}\n{oops\n{"source": "B", "body": "   "}\n')
    result = _run("ingest", "--dry-run", str(feed))
    assert result.exit_code == 1
    assert f"refused: {feed}:2: not valid JSON" in result.stderr
    assert f"refused: {feed}:3: the article body is empty" in result.stderr
    [line] = [l for l in result.stdout.splitlines() if l.startswith("{")]
    assert json.loads(line)["article"]["source"] == "A"


def test_ingest_dry_run_fills_missing_metadata_from_options() -> None:
    result = _run("ingest", "--dry-run", "--source", "Levant Ledger", "--published", "2024-12-06 07:00:00",
                  str(SEED))
    assert result.exit_code == 0, result.output
    [event] = [decode("articles.v1", line.encode()) for line in result.output.splitlines()]
    assert event.article.source == "Levant Ledger"
    assert event.article.published_at.isoformat() == "2024-12-06T07:00:00+00:00"


def test_extract_prints_claims_with_exact_spans() -> None:
    result = _run("extract", str(SEED))
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.output.splitlines()]
    body = SEED.read_text(encoding="utf-8").strip()
    assert {c["kind"] for c in claims} == {"quote", "attribution", "figure"}
    for claim in claims:
        assert body[claim["span"][0]:claim["span"][1]] == claim["text"]
    outskirts = next(c for c in claims if c["kind"] == "quote" and "outskirts of Homs" in c["text"])
    assert outskirts["speaker"]["name"] == "Rami Abdel Rahman"
    assert outskirts["speaker"]["role"] == "head of SOHR"


def test_extract_reads_stdin() -> None:
    result = _run("extract", "-", stdin='"We will rebuild," Mayor Jane Roe said on Friday.\n')
    assert result.exit_code == 0, result.output
    [quote] = [json.loads(line) for line in result.output.splitlines() if '"quote"' in line]
    assert quote["text"] == "We will rebuild" and quote["speaker"]["name"] == "Jane Roe"


def test_check_prints_final_verdicts_with_origins_and_evidence() -> None:
    result = _run("check", "--source", "Levant Ledger", "--published", "2024-12-06 07:00:00", str(SEED), str(FEED))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    for row in rows:
        assert {"claim_id", "article_id", "source", "url", "kind", "text", "verdict",
                "independent_origins", "evidence"} <= set(row)
        assert row["independent_origins"]["count"] == len(row["independent_origins"]["origins"])
    wire_quote = next(r for r in rows if r["source"] == "Reuters" and r["text"].startswith("The rebels are now"))
    assert wire_quote["verdict"] == "corroborated"
    assert wire_quote["independent_origins"]["origins"] == ["Cedar News", "Levant Ledger", "Reuters"]
    echo = [e for e in wire_quote["evidence"] if e["source"] == "Gulf Evening Post"]
    assert [(e["relation"], e["independent"]) for e in echo] == [("echo", False)]
    courier = next(r for r in rows if r["source"] == "Daily Courier" and r["text"] == "about 40 people")
    assert courier["verdict"] == "contested"


def test_check_keeps_only_the_current_version_of_an_article() -> None:
    ninjs = REPO / "tests" / "fixtures" / "feeds" / "ninjs"
    result = _run("check", str(ninjs / "meridian-homs-v1.json"), str(ninjs / "meridian-homs-v2.json"))
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len({r["article_id"] for r in rows}) == 1
    assert len({r["claim_id"] for r in rows}) == len(rows)
    assert any(r["text"].startswith("Tens of thousands") for r in rows)  # only in version 2


def test_extract_reads_inputs_as_ingest_does() -> None:
    newsml = REPO / "tests" / "fixtures" / "feeds" / "newsml" / "ipa-message-cp1252.xml"
    result = _run("extract", str(newsml))
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    quotes = [c for c in claims if c["kind"] == "quote"]
    assert quotes and all(q["text"] == "“it’s too dangerous” to stay open" for q in quotes)  # cp1252 decoded
    assert "is a 'picture' item, not text" in result.stderr


def test_a_kafka_failure_is_one_line_naming_the_address_and_the_way_out(monkeypatch, capsys) -> None:
    from kafka.errors import KafkaTimeoutError

    from wirecheck import cli

    def unreachable(**_):
        raise KafkaTimeoutError("Unable to bootstrap from 127.0.0.1:1")

    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1")
    monkeypatch.setattr(cli, "main", unreachable)
    with pytest.raises(SystemExit) as exited:
        cli.entry()
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: Kafka at 127.0.0.1:1 failed: KafkaTimeoutError: Unable to bootstrap")
    assert "`wirecheck kafka up`" in err and "Traceback" not in err
