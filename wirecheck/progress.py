"""A progress bar for long runs of the command line (shell layer).

Shown on stderr only when someone can see it or the run is long: stderr is a terminal, or there are
more than ``PROGRESS_MIN_FILES`` files (then even a log file shows how far a backfill got). Short
runs in scripts and tests stay quiet.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sized
from typing import IO, TypeVar

from tqdm import tqdm

T = TypeVar("T")
# Below this many files a run takes seconds; above it, a backfill whose progress is worth showing.
PROGRESS_MIN_FILES = 50


def with_progress(items: Iterable[T], *, unit: str = "file", stream: IO[str] | None = None) -> Iterable[T]:
    """``items``, wrapped in a tqdm bar on ``stream`` (stderr) when the run merits one."""
    stream = stream or sys.stderr
    count = len(items) if isinstance(items, Sized) else None
    interactive = hasattr(stream, "isatty") and stream.isatty()
    if not interactive and (count is None or count <= PROGRESS_MIN_FILES):
        return items
    return tqdm(items, total=count, unit=unit, file=stream, leave=False, dynamic_ncols=True)
