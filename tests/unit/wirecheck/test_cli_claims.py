"""`wirecheck claims diff` over files, no broker: an old claim set saved by `wirecheck extract`."""

import json
from pathlib import Path

from click.testing import CliRunner

from services.claims.extract import EXTRACTOR_VERSION
from wirecheck.cli import main

REPO = Path(__file__).resolve().parents[3]
SEED = REPO.parent / "shared" / "seeds" / "homs-2024-12-06.txt"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


def _saved_claims(tmp_path: Path, edit) -> Path:
    extracted = _run("extract", str(SEED))
    assert extracted.exit_code == 0, extracted.output
    claims = [json.loads(line) for line in extracted.output.splitlines()]
    saved = tmp_path / "old.jsonl"
    saved.write_text("".join(json.dumps(c) + "\n" for c in edit(claims)), encoding="utf-8")
    return saved


def _older(claims: list[dict]) -> list[dict]:
    # What an older extractor might have said: no figures for the years, a surname-only speaker.
    kept = [c for c in claims if not (c["kind"] == "figure" and c["text"] == "2014")]
    for claim in kept:
        if claim["kind"] == "quote" and claim["speaker"]["name"] == "Rami Abdel Rahman":
            claim["speaker"]["name"] = "Abdel Rahman"
    return kept


def test_diff_against_a_saved_claim_set_shows_added_and_changed_claims(tmp_path: Path) -> None:
    saved = _saved_claims(tmp_path, _older)
    result = _run("claims", "diff", "--from", str(saved), str(SEED))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].endswith("(unknown): +2 -0 ~1")
    assert lines[1:] == [
        '  ~ quote [380, 501) "Hayat Tahrir al-Sham (HTS) and allied factions are now just five kilometers—barely '
        "three …\" — speaker.name: 'Abdel Rahman' → 'Rami Abdel Rahman'",
        '  + figure [1662, 1666) "2014"',
        '  + figure [2042, 2046) "2014"',
    ]
    assert result.stderr.strip() == (f"{saved} → {EXTRACTOR_VERSION} over 1 article(s): quote +0 -0 ~1; "
                                     "attribution +0 -0 ~0; figure +2 -0 ~0")


def test_diff_as_json_gives_both_sides_of_each_change(tmp_path: Path) -> None:
    saved = _saved_claims(tmp_path, _older)
    result = _run("claims", "diff", "--from", str(saved), "--json", str(SEED))
    assert result.exit_code == 0, result.output
    changes = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["change"], c["kind"]) for c in changes] == [("changed", "quote"), ("added", "figure"),
                                                           ("added", "figure")]
    assert changes[0]["fields"] == ["speaker.name"]
    assert changes[0]["before"]["speaker"]["name"] == "Abdel Rahman"
    assert changes[1]["before"] is None and changes[1]["after"]["span"] == [1662, 1666]


def test_the_same_version_on_both_sides_changes_nothing() -> None:
    result = _run("claims", "diff", "--from", EXTRACTOR_VERSION, str(SEED))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "over 1 article(s): quote +0 -0 ~0; attribution +0 -0 ~0; figure +0 -0 ~0" in result.stderr


def test_saved_claims_of_another_text_are_skipped_not_compared(tmp_path: Path) -> None:
    def shifted(claims: list[dict]) -> list[dict]:
        claims[0]["span"] = [claims[0]["span"][0] + 1, claims[0]["span"][1] + 1]
        return claims

    saved = _saved_claims(tmp_path, shifted)
    result = _run("claims", "diff", "--from", str(saved), str(SEED))
    assert result.exit_code == 0, result.output
    assert "skipped" in result.stderr and f"no claims of {saved} for this text" in result.stderr
    assert "over 0 article(s)" in result.stderr


def test_a_file_that_is_not_claims_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "quote"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["claims", "diff", "--from", str(bad), str(SEED)])
    assert result.exit_code != 0
    assert f"{bad}:1 is not a claim" in str(result.exception)


def test_claims_diff_explains_itself() -> None:
    result = _run("claims", "diff", "--help")
    assert result.exit_code == 0
    assert "--from" in result.output and "articles.v1" in result.output
