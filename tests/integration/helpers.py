"""Helpers of the integration tier: run stages in threads, wait for topics to hold what we expect."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from wirecheck.settings import Settings
from wirecheck.stream import Stage, StageRunner

# Generous: a wait bound, not a speed assertion; a loaded 2-core machine is slow to rebalance.
WAIT_S = 120.0
# Crashes of the stages `running` runs now: `wait_until` fails on one at once instead of timing out.
_crashes: list[BaseException] = []


@contextmanager
def running(*stages: Stage, settings: Settings) -> Iterator[list[StageRunner]]:
    """Run each stage in a thread on ``settings`` until the block ends; fail if one crashed."""
    stop = threading.Event()
    runners = [(stage.runner or StageRunner)(stage, settings) for stage in stages]
    errors: list[BaseException] = []

    def target(runner: StageRunner) -> None:
        try:
            runner.run(stop)
        except BaseException as exc:  # noqa: BLE001 — re-raised in the test thread
            errors.append(exc)
            _crashes.append(exc)

    threads = [threading.Thread(target=target, args=(r,), daemon=True) for r in runners]
    for thread in threads:
        thread.start()
    try:
        yield runners
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        for exc in errors:
            _crashes.remove(exc)
    if errors:
        raise errors[0]


def wait_until(condition: Callable[[], object], *, timeout_s: float = WAIT_S, what: str = "condition"):
    """Poll ``condition`` until it returns something truthy; fail with ``what`` after the timeout."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if _crashes:
            raise AssertionError(f"a stage crashed while waiting for {what}: {_crashes[0]!r}") from _crashes[0]
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def kill_hard(proc: subprocess.Popen) -> None:
    """SIGKILL ``proc`` and reap it: a crash as the OOM killer or a lost machine causes one —
    no signal handler, no ``finally``, no clean leave of the consumer group."""
    proc.kill()
    proc.wait(timeout=30)
