"""Services as a user runs them: `wirecheck run X` processes that work and stop cleanly on SIGTERM."""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from schemas.registry import ARTICLES, CLAIMS
from tests.integration.helpers import wait_until
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka
FEED = Path(__file__).resolve().parents[2] / "samples" / "feed"


def _service(name: str, settings, *args: str) -> subprocess.Popen:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap,
           "WIRECHECK_TOPIC_PREFIX": settings.topic_prefix, "WIRECHECK_LOG_JSON": "true"}
    return subprocess.Popen([sys.executable, "-m", "wirecheck.cli", "run", name, *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _stop(proc: subprocess.Popen) -> list[dict]:
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err[-2000:]
    return [json.loads(line) for line in err.splitlines() if line.startswith("{")]


def test_ingest_service_publishes_files_dropped_in_its_inbox(kafka_settings, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    proc = _service("ingest", kafka_settings, "--inbox", str(inbox))
    try:
        wait_until(inbox.exists, what="the inbox to be created")
        shutil.copy(FEED / "04-cedar-news.txt", inbox / "cedar.txt")
        [event] = wait_until(lambda: list(read_topic(kafka_settings, ARTICLES)), what="the article")
        shutil.copy(FEED / "04-cedar-news.txt", inbox / "cedar-again.txt")  # same article: not again
        shutil.copy(FEED / "05-daily-courier.txt", inbox / "courier.txt")
        events = wait_until(lambda: (e := list(read_topic(kafka_settings, ARTICLES))) and len(e) >= 2 and e,
                            what="the second article")
    finally:
        logs = _stop(proc)
    assert event.article.source == "Cedar News"
    assert sorted(e.article.source for e in events) == ["Cedar News", "Daily Courier"]
    assert any(line["event"] == "ingested" and line["duplicates"] == 1 for line in logs)


def test_claims_service_stops_cleanly_on_sigterm(kafka_settings) -> None:
    from services.ingest.runner import ingest_paths

    proc = _service("claims", kafka_settings)
    try:
        ingest_paths([str(FEED / "03-northern-chronicle.txt")], kafka_settings)
        [extracted] = wait_until(lambda: list(read_topic(kafka_settings, CLAIMS)), what="claims")
    finally:
        logs = _stop(proc)
    assert extracted.article.source == "Northern Chronicle" and extracted.claims
    [stopped] = [line for line in logs if line["event"] == "stage stopped"]
    assert stopped["stage"] == "claims" and stopped["consumed"] == 1 and stopped["produced"] == 1


def test_run_all_takes_an_article_from_inbox_to_verdicts_and_stops_its_children(kafka_settings, tmp_path: Path) -> None:
    from schemas.registry import VERDICTS

    inbox = tmp_path / "inbox"
    proc = _service("all", kafka_settings, "--inbox", str(inbox))
    try:
        wait_until(inbox.exists, what="the inbox to be created")
        shutil.copy(FEED / "04-cedar-news.txt", inbox / "cedar.txt")
        verdicts = wait_until(lambda: list(read_topic(kafka_settings, VERDICTS)), what="verdicts")
        children = _children(proc.pid)
        assert len(children) == 3
    finally:
        _stop(proc)
    assert {v.claim_kind for v in verdicts} >= {"quote", "figure"}
    assert all(not Path(f"/proc/{pid}").exists() or _is_zombie(pid) for pid in children)


def _children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as listing:
        return [int(p) for p in listing.read().split()]


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] == "Z"
    except OSError:
        return True
