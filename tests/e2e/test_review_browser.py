"""The reviewer queue in a real headless Chromium, against a real broker and `wirecheck review`.

The claims and verify stages run in threads; the review app runs as a user starts it, as a child
process bound to 127.0.0.1 on a free port. Screenshots go to tests/artifacts/ (gitignored).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from schemas.registry import DECISIONS
from services.claims.runner import claims_stage
from services.ingest.runner import ingest_paths
from services.review.accounts import hash_password
from services.verify.handler import VerifierState
from services.verify.runner import verify_stage
from tests.integration.helpers import running, wait_until
from wirecheck.demo import wait_for_verdicts
from wirecheck.topic_reader import read_topic

pytestmark = [pytest.mark.kafka, pytest.mark.e2e]

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PASSWORD = "e2e-pass-phrase"
XSS_ARTICLE = """---
title: Evacuation <script>alert("title")</script>
source: Mallory Times
url: https://mallory.example/evacuation
published: 2024-12-06T11:00:00Z
---
Officials said that <script>alert("xss")</script> 120 people were evacuated, according to the \
<img src=x onerror=alert(1)> Civil Defence.
"""


@pytest.fixture(scope="module")
def browser_binaries() -> None:
    if not (os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)):
        pytest.fail("Debian chromium and chromium-driver are needed: `make browser` installs them",
                    pytrace=False)


@pytest.fixture
def pipeline(kafka_settings, tmp_path) -> Iterator:
    """The sample feed plus a hostile article, verified by the stages running in threads."""
    xss = tmp_path / "mallory.txt"
    xss.write_text(XSS_ARTICLE, encoding="utf-8")
    with running(claims_stage(kafka_settings), verify_stage(VerifierState()), settings=kafka_settings):
        ids = set()
        for path in (REPO / "samples" / "feed", xss):
            result = ingest_paths([str(path)], kafka_settings)
            assert not result.errors
            ids |= {event.article.article_id for event in result.published}
        wait_for_verdicts(kafka_settings, ids, timeout_s=90)
        yield kafka_settings


@pytest.fixture
def review_app(pipeline, tmp_path) -> Iterator[str]:
    """`wirecheck review --port 0` with one account; yields the address it printed."""
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": pipeline.bootstrap,
           "WIRECHECK_TOPIC_PREFIX": pipeline.topic_prefix, "WIRECHECK_LOG_JSON": "true",
           "WIRECHECK_REVIEW_ACCOUNTS": f"alice:{hash_password(PASSWORD)}"}
    proc = subprocess.Popen([sys.executable, "-m", "wirecheck.cli", "review", "--port", "0"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        assert "serving the reviewer queue on http://127.0.0.1:" in line, line
        address = line.split(" on ", 1)[1].strip()
        wait_until(lambda: _json(address + "healthz").get("caught_up"), what="the queue to be rebuilt")
        yield address
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _json(url: str) -> dict:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return json.load(response)
    except OSError:
        return {}


@pytest.fixture
def browser(browser_binaries, tmp_path) -> Iterator:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1400,1000", f"--user-data-dir={tmp_path / 'chrome'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(tmp_path / "chrome", ignore_errors=True)


def _sign_in(driver, address: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(address)
    assert driver.current_url.endswith("/login")
    driver.find_element(By.ID, "username").send_keys("alice")
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "sign-in").click()
    wait_until(lambda: driver.find_elements(By.ID, "queue-rows"), timeout_s=10, what="the queue page")


def _rows(driver) -> list[tuple[str, str]]:
    """(claim id, visible text) of each queue row, read in one go (live updates replace rows)."""
    rows = driver.execute_script(
        "return Array.from(document.querySelectorAll('tr.row')).map(r => [r.dataset.claim, r.innerText]);")
    return [tuple(row) for row in rows]


def _open_claim(driver, claim_id: str) -> None:
    """Click the claim's link in the queue; again if a live update replaced the row meanwhile."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    for _ in range(5):
        try:
            driver.find_element(By.CSS_SELECTOR, f'tr[data-claim="{claim_id}"] a').click()
            break
        except StaleElementReferenceException:
            continue
    wait_until(lambda: driver.find_elements(By.ID, "claim-span"), timeout_s=10, what="the claim page")


def _no_dialog(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def test_sign_in_open_the_top_claim_overturn_it_and_watch_the_queue_change(review_app, browser, pipeline) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _sign_in(browser, review_app)
    browser.save_screenshot(str(ARTIFACTS / "review-queue.png"))
    rows = _rows(browser)
    top_id, top_text = rows[0]
    assert "contested" in top_text

    _open_claim(browser, top_id)
    assert browser.find_element(By.ID, "claim-span").text
    assert browser.find_element(By.ID, "verdict").text == "contested"
    browser.save_screenshot(str(ARTIFACTS / "review-claim.png"))
    Select(browser.find_element(By.ID, "overturn-verdict")).select_by_value("corroborated")
    browser.find_element(By.ID, "action-overturn").click()
    browser.find_element(By.NAME, "comment").send_keys("independent outlets agree on the distance")
    browser.find_element(By.ID, "submit-decision").click()
    assert "alice overturned to corroborated" in browser.find_element(By.ID, "current-decision").text

    [decision] = wait_until(lambda: list(read_topic(pipeline, DECISIONS)), what="the decision on decisions.v1")
    assert (decision.claim_id, decision.reviewer, decision.verdict) == (top_id, "alice", "corroborated")

    browser.find_element(By.LINK_TEXT, "Queue").click()
    assert _rows(browser)[0][0] != top_id  # reviewed: no longer at the top
    # The verifier honours the decision; its new verdict reaches the open page over SSE, no reload.
    wait_until(lambda: any(cid == top_id and "corroborated" in text and "by reviewer" in text
                           for cid, text in _rows(browser)), timeout_s=60,
               what="the verifier's reviewer verdict in the live queue")
    browser.save_screenshot(str(ARTIFACTS / "review-queue-after-overturn.png"))
    _export_has_the_review(pipeline, top_id)
    browser.find_element(By.LINK_TEXT, "Dashboard").click()
    assert "queue depth" in browser.page_source
    browser.save_screenshot(str(ARTIFACTS / "review-dashboard.png"))
    assert _no_dialog(browser)


def _export_has_the_review(settings, claim_id: str) -> None:
    """`wirecheck export claimreview` as a user runs it: the overturned claim, schema.org fields."""
    from tests.unit.services.review.test_claimreview import validate_claim_review

    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": settings.bootstrap,
           "WIRECHECK_TOPIC_PREFIX": settings.topic_prefix, "WIRECHECK_REVIEW_ORGANISATION": "E2E Desk"}
    proc = subprocess.run([sys.executable, "-m", "wirecheck.cli", "export", "claimreview"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    [review] = json.loads(proc.stdout)
    validate_claim_review(review)
    assert review["url"].endswith(f"/claims/{claim_id}") and review["author"]["name"] == "E2E Desk"
    assert review["reviewRating"]["alternateName"] == "Corroborated by independent sources"


def test_a_hostile_article_is_rendered_inert(review_app, browser) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, review_app)
    browser.get(review_app + "?outlet=Mallory+Times")
    assert _no_dialog(browser)
    rows = _rows(browser)
    assert rows, "the hostile article's claims are in the queue"
    assert any('<script>alert("xss")</script>' in text for _, text in rows)
    _open_claim(browser, rows[0][0])
    assert _no_dialog(browser)
    article = browser.find_element(By.ID, "article-text")
    assert '<script>alert("xss")</script>' in article.text
    assert "<img src=x onerror=alert(1)>" in article.text
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text script, #article-text img, main script") == []
    assert 'Evacuation <script>alert("title")</script>' in browser.find_element(By.TAG_NAME, "h2").text
    assert browser.execute_script("return typeof window.xssRan") == "undefined"
    browser.save_screenshot(str(ARTIFACTS / "review-xss-inert.png"))
