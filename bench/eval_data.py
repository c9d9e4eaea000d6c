"""Reading the public labelled data in ``<repo>/../shared/eval/`` at benchmark time (bench layer).

The data are never copied into the repo; every benchmark reads them from here.
"""

from __future__ import annotations

import json
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def read_jsonl(name: str | Path, *, limit: int | None) -> list[dict]:
    """The records of ``EVAL/name`` (or of ``name`` itself when it is a path to a file), the first
    ``limit`` of them when given.

    A path lets a benchmark score held-out files of the same shape as the public ones.
    """
    path = Path(name) if Path(name).is_file() else EVAL / name
    if not path.exists():
        raise SystemExit(f"{path} not found: the benchmark reads shared/eval beside the repo ({EVAL}), "
                         "or a file given by its path.")
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return records[:limit] if limit else records
