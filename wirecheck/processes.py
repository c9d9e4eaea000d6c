"""Starting and stopping the services as child processes (shell layer, for `run all` and the demo)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping
from typing import IO

SERVICES = ("ingest", "claims", "verify")
STOP_TIMEOUT_S = 20.0


def start_service(name: str, *, env: Mapping[str, str] | None = None,
                  extra_args: Iterable[str] = (), stderr: IO | None = None) -> subprocess.Popen:
    """``wirecheck run NAME`` as a child process with JSON logs on stderr (or the file ``stderr``)."""
    child_env = {**os.environ, **(env or {}), "WIRECHECK_LOG_JSON": "true"}
    return subprocess.Popen(
        [sys.executable, "-m", "wirecheck.cli", "run", name, *extra_args],
        env=child_env, stdin=subprocess.DEVNULL, stderr=stderr,
    )


def stop_services(procs: Iterable[subprocess.Popen]) -> None:
    """SIGTERM every child, then wait; a child still alive after the timeout is killed."""
    procs = [p for p in procs if p.poll() is None]
    for proc in procs:
        proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    for proc in procs:
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            print(f"service pid {proc.pid} did not stop in time; killing it", file=sys.stderr)
            proc.kill()
            proc.wait()
