"""The extraction benchmark scores files given by path (held-out data of the public files' shapes)."""

import json
from pathlib import Path

from bench.eval_data import read_jsonl
from bench.extract import main

ARTICLE = "The mayor said on Monday that the bridge would reopen in May. “We are ready,” Jane Roe said."
QUOTES = [
    {"quote": "the bridge would reopen in May", "span": [30, 60], "speaker": "The mayor", "speaker_span": [0, 9],
     "cue": "said", "cue_span": [10, 14], "type": "indirect"},
    {"quote": "We are ready,", "span": [63, 76], "speaker": "Jane Roe", "speaker_span": [78, 86],
     "cue": "said", "cue_span": [87, 91], "type": "direct"},
]
FIGURE_TEXT = "The dam holds 3.5 million cubic meters of water."


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_path_is_read_as_it_is_and_a_name_from_shared_eval(tmp_path: Path) -> None:
    path = _write(tmp_path / "held_out.jsonl", [{"id": "a"}, {"id": "b"}, {"id": "c"}])
    assert read_jsonl(path, limit=2) == [{"id": "a"}, {"id": "b"}]
    assert read_jsonl(str(path), limit=None)[-1] == {"id": "c"}


def test_the_report_scores_the_files_it_is_given(tmp_path: Path) -> None:
    assert ARTICLE[30:60] == "the bridge would reopen in May" and ARTICLE[63:76] == "We are ready,"
    quotes = _write(tmp_path / "held_quotes.jsonl", [{"id": "q1", "text": ARTICLE, "quotes": QUOTES}])
    figures = _write(tmp_path / "held_figures.jsonl", [{"id": "f1", "text": FIGURE_TEXT, "figures": [
        {"text": "3.5 million cubic meters", "span": [14, 38], "value": 3_500_000.0, "unit": "cubic meter"}]}])
    out = tmp_path / "extract.md"

    main(["--quotes", str(quotes), "--figures", str(figures), "--rounds", "1", "--quantulum-speed-sample", "1",
          "--out", str(out)])

    report = out.read_text(encoding="utf-8")
    assert f"--quotes {quotes} --figures {figures}" in report
    assert "Quotes: `held_quotes.jsonl`, 1 articles, 2 gold attributions" in report
    assert "| **quotes F1** (≥30 % overlap) | **100.0** |" in report
    assert "| figures held_figures: value P / R / F1 | 100.0 / 100.0 / 100.0 |" in report
    assert "| **figures all sets: value P / R / F1** |" in report
