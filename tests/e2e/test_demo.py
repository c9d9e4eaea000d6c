"""`wirecheck demo` as a user runs it: separate service processes, the real broker, the printed report."""

import os
import subprocess
import sys
import uuid

import pytest

pytestmark = [pytest.mark.kafka, pytest.mark.e2e]


def test_demo_prints_the_report_and_stops_its_services(kafka_bootstrap: str, tmp_path) -> None:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
           "WIRECHECK_TOPIC_PREFIX": f"demo{uuid.uuid4().hex[:8]}.", "WIRECHECK_HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "wirecheck.cli", "demo", "--timeout", "150"],
                          env=env, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = " ".join(proc.stdout.split())  # the report wraps long lines
    for outlet in ("Levant Ledger", "Reuters", "Gulf Evening Post", "Northern Chronicle", "Cedar News",
                   "Daily Courier"):
        assert f"{outlet} — " in out, outlet
    assert "→ Rami Abdel Rahman (head of SOHR)" in out
    assert "→ source Syrian Observatory for Human Rights (SOHR)" in out
    assert "verdict: CORROBORATED" in out and "verdict: CONTESTED" in out
    assert "verdict: SINGLE_SOURCE" in out
    assert "(pending)" not in out
    assert _processes_with_env(f"WIRECHECK_TOPIC_PREFIX={env['WIRECHECK_TOPIC_PREFIX']}") == []


def _processes_with_env(assignment: str) -> list[int]:
    """Pids of live processes whose environment holds ``assignment`` (the demo's services would)."""
    needle = assignment.encode() + b"\0"
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/environ", "rb") as env_file:
                    if needle in env_file.read():
                        found.append(int(entry.name))
            except OSError:
                continue
    return found
