"""The review app without a broker: sign-in, CSRF, escaping, concurrent decisions, export, metrics."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from services.review.accounts import Accounts, hash_password, load_accounts, parse_accounts
from services.review.app import create_app
from services.review.exceptions import AccountsError, SignInError
from services.review.queue import order_queue
from services.review.settings import ReviewSettings
from services.review.store import ReviewStore
from tests.unit.services.review.conftest import XSS_BODY
from tests.unit.services.review.test_claimreview import validate_claim_review

PASSWORDS = {"alice": "correct horse", "bob": "battery staple"}


@pytest.fixture(scope="module")
def accounts() -> Accounts:
    return parse_accounts("\n".join(f"{n}:{hash_password(p)}" for n, p in PASSWORDS.items()), where="test")


@pytest.fixture
def published() -> list:
    return []


@pytest.fixture
def store(feed_events, published) -> ReviewStore:
    store = ReviewStore(published.append)
    store.apply([(e, e.occurred_at + timedelta(seconds=1)) for e in feed_events])
    store.caught_up.set()
    return store


@pytest.fixture
def app(store, accounts):
    return create_app(store, accounts, ReviewSettings(organisation="Test Desk"))


def csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def token(html: str) -> str:
    return re.search(r'name="token" value="([^"]+)"', html).group(1)


def signed_in(app, name: str = "alice") -> TestClient:
    client = TestClient(app, base_url="http://127.0.0.1")
    form = client.get("/login")
    response = client.post("/login", data={"username": name, "password": PASSWORDS[name],
                                           "csrf_token": csrf(form.text)}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return client


def top_claim(store: ReviewStore):
    return store.read(lambda p: order_queue(p.views()))[0]


# --- sign-in and CSRF ------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/dashboard", "/export/claimreview.jsonld"])
def test_pages_need_a_signed_in_reviewer(app, path) -> None:
    response = TestClient(app).get(path, follow_redirects=False, headers={"accept": "text/html"})
    assert response.status_code == 303 and response.headers["location"] == "/login"


def test_decisions_need_a_signed_in_reviewer(app, store, published) -> None:
    client = TestClient(app)
    claim = top_claim(store)
    response = client.post(f"/claims/{claim.claim_id}/decision", data={"action": "confirm", "token": claim.token})
    assert response.status_code == 401 and published == []


def test_wrong_password_is_refused_without_saying_which(app) -> None:
    client = TestClient(app)
    for name, password in (("alice", "wrong"), ("mallory", "correct horse")):
        response = client.post("/login", data={"username": name, "password": password,
                                               "csrf_token": csrf(client.get("/login").text)})
        assert response.status_code == 401 and "wrong user name or password" in response.text


def test_sign_in_without_the_csrf_token_is_refused(app) -> None:
    client = TestClient(app)
    client.get("/login")
    response = client.post("/login", data={"username": "alice", "password": PASSWORDS["alice"]})
    assert response.status_code == 403


def test_sign_in_starts_a_new_session(app) -> None:
    client = TestClient(app, base_url="http://127.0.0.1")
    before = (client.get("/login"), client.cookies.get("wirecheck_session"))[1]
    client.post("/login", data={"username": "alice", "password": PASSWORDS["alice"],
                                "csrf_token": csrf(client.get("/login").text)})
    assert client.cookies.get("wirecheck_session") not in (None, before)


@pytest.mark.parametrize("submitted", [None, "", "forged-token"])
def test_a_decision_without_the_sessions_csrf_token_is_refused(app, store, published, submitted) -> None:
    client = signed_in(app)
    claim = top_claim(store)
    data = {"action": "overturn", "verdict": "corroborated", "token": claim.token}
    if submitted is not None:
        data["csrf_token"] = submitted
    response = client.post(f"/claims/{claim.claim_id}/decision", data=data)
    assert response.status_code == 403 and published == []


def test_the_session_cookie_is_httponly_and_samesite_strict(app) -> None:
    header = TestClient(app).get("/login").headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=strict" in header


def test_production_mode_needs_accounts_and_demo_mode_makes_one(tmp_path) -> None:
    with pytest.raises(AccountsError, match="no reviewer accounts"):
        load_accounts(ReviewSettings(), demo=False)
    accounts, password = load_accounts(ReviewSettings(), demo=True)
    assert password and accounts.verify("demo", password) == "demo"
    with pytest.raises(SignInError):
        accounts.verify("demo", "demo")
    path = tmp_path / "accounts"
    path.write_text("# reviewers\ncarol:" + hash_password("s3cret") + "\n")
    accounts, password = load_accounts(ReviewSettings(accounts_file=path), demo=False)
    assert password is None and accounts.verify("carol", "s3cret") == "carol"


@pytest.mark.parametrize("line", ["carol", "carol:plaintext", "bad name:$argon2id$x"])
def test_malformed_account_lines_are_refused(line) -> None:
    with pytest.raises(AccountsError):
        parse_accounts(line, where="test")


# --- pages and escaping ----------------------------------------------------------------------

def test_every_response_carries_a_strict_csp(app) -> None:
    csp = TestClient(app).get("/login").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp


def test_queue_page_lists_contested_first_and_filters(app, store) -> None:
    client = signed_in(app)
    page = client.get("/").text
    first_row = re.search(r'<tr class="row verdict-(\w+)', page).group(1)
    assert first_row == "contested"
    quotes = client.get("/?kind=quote&verdict=").text
    assert "verdict-contested" not in quotes and 'class="row verdict-' in quotes
    assert client.get("/queue/rows?outlet=Nobody").text.count("No claims match") == 1


def test_article_text_is_rendered_escaped(app, store) -> None:
    client = signed_in(app)
    xss = [v for v in store.read(lambda p: p.views()) if v.article.source == "Mallory Times"]
    assert xss
    for view in xss:
        page = client.get(f"/claims/{view.claim_id}").text
        assert "<script>alert" not in page and "<img src=x" not in page
        article = re.search(r'<div class="article" id="article-text">(.*?)</div>', page, re.S).group(1)
        # the only markup inside is ours: the sentence and the claim's span; the rest is escaped text
        assert re.sub(r'<mark id="claim-span">|</mark>|<span class="sentence">|</span>', "", article) == escape(
            XSS_BODY.strip())
    rows = client.get("/queue/rows?outlet=Mallory+Times").text
    assert "<script>alert" not in rows and "&lt;script&gt;" in rows


def test_claim_page_shows_span_who_figure_and_evidence(app, store) -> None:
    client = signed_in(app)
    view = top_claim(store)
    page = client.get(f"/claims/{view.claim_id}").text
    assert f'<mark id="claim-span">{view.claim.text}</mark>' in page
    assert 'id="figure"' in page and view.article.source in page
    for evidence in view.verdict.evidence:
        assert evidence.source in page and ("independent" in page or "echo of" in page)


# --- decisions -------------------------------------------------------------------------------

def test_overturn_publishes_a_decision_with_the_reviewer_and_moves_the_claim(app, store, published) -> None:
    client = signed_in(app)
    claim = top_claim(store)
    page = client.get(f"/claims/{claim.claim_id}").text
    response = client.post(f"/claims/{claim.claim_id}/decision", follow_redirects=False, data={
        "csrf_token": csrf(page), "token": token(page), "action": "overturn", "verdict": "corroborated",
        "comment": "three outlets agree"})
    assert response.status_code == 303
    [event] = published
    assert (event.reviewer, event.decision, event.verdict, event.claim_id) == (
        "alice", "overturn", "corroborated", claim.claim_id)
    assert top_claim(store).claim_id != claim.claim_id
    assert "alice overturned to corroborated" in client.get(f"/claims/{claim.claim_id}").text


def test_two_reviewers_at_once_the_later_sees_the_earlier_decision(app, store, published) -> None:
    alice, bob = signed_in(app, "alice"), signed_in(app, "bob")
    claim = top_claim(store)
    alice_page, bob_page = (c.get(f"/claims/{claim.claim_id}").text for c in (alice, bob))
    first = alice.post(f"/claims/{claim.claim_id}/decision", follow_redirects=False, data={
        "csrf_token": csrf(alice_page), "token": token(alice_page), "action": "confirm"})
    second = bob.post(f"/claims/{claim.claim_id}/decision", data={
        "csrf_token": csrf(bob_page), "token": token(bob_page), "action": "overturn", "verdict": "unverified"})
    assert first.status_code == 303 and second.status_code == 409
    assert "alice confirmed contested" in second.text and "was not recorded" in second.text
    assert [e.reviewer for e in published] == ["alice"]
    # Bob decides again on what he now sees, and that is recorded
    third = bob.post(f"/claims/{claim.claim_id}/decision", follow_redirects=False, data={
        "csrf_token": csrf(second.text), "token": token(second.text), "action": "overturn",
        "verdict": "unverified"})
    assert third.status_code == 303 and [e.reviewer for e in published] == ["alice", "bob"]


def test_a_failed_write_records_nothing(store, accounts) -> None:
    def broken(event):
        raise RuntimeError("broker down")

    store._publish = broken
    client = signed_in(create_app(store, accounts, ReviewSettings()))
    claim = top_claim(store)
    page = client.get(f"/claims/{claim.claim_id}").text
    with pytest.raises(RuntimeError):
        client.post(f"/claims/{claim.claim_id}/decision", data={
            "csrf_token": csrf(page), "token": token(page), "action": "confirm"})
    assert store.view(claim.claim_id).decision is None


# --- export, dashboard, metrics --------------------------------------------------------------

def test_export_download_is_claimreview_json_ld(app, store) -> None:
    client = signed_in(app)
    claim = top_claim(store)
    page = client.get(f"/claims/{claim.claim_id}").text
    client.post(f"/claims/{claim.claim_id}/decision", data={
        "csrf_token": csrf(page), "token": token(page), "action": "confirm"})
    response = client.get("/export/claimreview.jsonld")
    assert response.headers["content-type"].startswith("application/ld+json")
    assert "attachment" in response.headers["content-disposition"]
    [review] = response.json()
    validate_claim_review(review)
    assert review["author"]["name"] == "Test Desk"
    assert review["url"] == f"http://127.0.0.1/claims/{claim.claim_id}"
    assert 'href="/export/claimreview.jsonld"' in client.get("/").text


def test_dashboard_and_metrics_agree(app, store) -> None:
    client = signed_in(app)
    page = client.get("/dashboard").text
    assert "<svg" in page and "queue depth" in page and "<script" not in page.split("</head>")[1]
    metrics = client.get("/metrics").text
    depth = store.read(lambda p: sum(1 for v in p.views() if not v.reviewed))
    assert f"wirecheck_review_queue_depth {float(depth)}" in metrics
    assert 'wirecheck_verdicts_current{verdict="contested"}' in metrics
    assert "wirecheck_article_to_verdict_seconds_bucket" in metrics
    assert f"<span>{depth}</span>queue depth" in page
