"""Reading the public labelled data in ``<repo>/../shared/eval/`` at benchmark time (bench layer).

The data are never copied into the repo; every benchmark reads them from here.
"""

from __future__ import annotations

import json
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def read_jsonl(name: str, *, limit: int | None) -> list[dict]:
    """The records of ``EVAL/name``, the first ``limit`` of them when given."""
    path = EVAL / name
    if not path.exists():
        raise SystemExit(f"{path} not found: the benchmark reads shared/eval beside the repo ({EVAL}).")
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return records[:limit] if limit else records
