"""The sample feed through the real broker: ingest → claims → verify, asserted on the events out."""

import pytest

from schemas import AttributionClaim, FigureClaim, QuoteClaim
from services.claims.runner import claims_stage
from services.ingest.runner import ingest_paths
from services.verify.handler import VerifierState
from services.verify.runner import verify_stage
from tests.integration.helpers import running
from wirecheck.demo import demo_article_ids, demo_inputs, wait_for_verdicts

pytestmark = pytest.mark.kafka


@pytest.fixture(scope="module")
def verified(settings_factory_module):
    settings = settings_factory_module
    with running(claims_stage(settings), verify_stage(VerifierState()), settings=settings):
        for paths, defaults in demo_inputs():
            result = ingest_paths(paths, settings, defaults=defaults)
            assert not result.errors
        return wait_for_verdicts(settings, demo_article_ids(settings), timeout_s=90)


@pytest.fixture(scope="module")
def settings_factory_module(kafka_bootstrap):
    import uuid

    from tests.conftest import REPO
    from wirecheck.settings import Settings
    from wirecheck.topics import ensure_topics

    settings = Settings(bootstrap_servers=kafka_bootstrap, topic_prefix=f"p{uuid.uuid4().hex[:8]}.",
                        home=REPO / "var", poll_timeout_ms=100)
    ensure_topics(settings)
    return settings


def _article(collected, source: str):
    [meta] = [a for a in collected.articles.values() if a.source == source]
    return collected.claims[meta.article_id]


def _quotes(extracted) -> list[QuoteClaim]:
    return [c for c in extracted.claims if isinstance(c, QuoteClaim)]


def test_every_article_of_the_feed_is_verified(verified) -> None:
    assert sorted(a.source for a in verified.articles.values()) == [
        "Cedar News", "Daily Courier", "Gulf Evening Post", "Levant Ledger", "Northern Chronicle", "Reuters"]
    for extracted in verified.claims.values():
        assert extracted.claims, extracted.article.source
        for claim in extracted.claims:
            assert claim.claim_id in verified.verdicts


def test_seed_quotes_and_speakers(verified, seed_text: str) -> None:
    seed = _article(verified, "Levant Ledger")
    by_end = {q.text[-40:]: q for q in _quotes(seed)}
    [outskirts] = [q for q in _quotes(seed) if q.text.rstrip(",.”\"").endswith("from the outskirts of Homs")]
    assert outskirts.text.startswith("Hayat Tahrir al-Sham (HTS) and allied factions are now just five kilometers")
    assert seed_text[outskirts.span[0]:outskirts.span[1]] == outskirts.text
    assert outskirts.speaker.name == "Rami Abdel Rahman" and outskirts.speaker.role == "head of SOHR"
    assert outskirts.cue == "revealed" and outskirts.quote_type == "direct"
    ghani = [q for q in _quotes(seed) if q.speaker and q.speaker.name == "Hassan Abdel Ghani"]
    assert any(q.text.startswith("continue to march steadily towards the city of Homs") and q.quote_type == "mixed"
               and q.channel == "on Telegram" for q in ghani)
    assert any(q.text.startswith("These are fighters who were forced to flee") for q in ghani)
    assert any(q.text.startswith("Now, they are returning to reclaim what was taken") for q in ghani)
    assert not any("capital of the revolution" in q.text for q in by_end.values())


def test_seed_attributions_and_figures(verified) -> None:
    seed = _article(verified, "Levant Ledger")
    sources = {c.source.name for c in seed.claims if isinstance(c, AttributionClaim)}
    assert sources == {"Syrian Observatory for Human Rights"}
    assert sum(isinstance(c, AttributionClaim) for c in seed.claims) == 2
    figures = {c.text: c for c in seed.claims if isinstance(c, FigureClaim)}
    five = next(f for t, f in figures.items() if t.startswith("five kilometers"))
    assert (five.value, five.unit, five.quantity) == (5, "km", "length")
    assert [(e.value, e.unit) for e in five.equivalents] == [(3, "mi")]
    over = next(f for t, f in figures.items() if "100" in t)
    assert (over.low, over.low_inclusive, over.high, over.qualifier) == (100, False, None, "over")
    tens = next(f for t, f in figures.items() if t.lower().startswith("tens of thousands"))
    assert (tens.low, tens.high, tens.high_inclusive) == (10_000, 100_000, False)
    years = sorted(c.value for c in seed.claims if isinstance(c, FigureClaim) and c.quantity == "year")
    assert years == [2011, 2014, 2014, 2016]


def test_republished_wire_copy_is_an_echo_not_a_second_source(verified) -> None:
    wire = _article(verified, "Reuters")
    echo = _article(verified, "Gulf Evening Post")
    [wire_quote] = [q for q in _quotes(wire) if q.text.startswith("The rebels are now five kilometres")]
    verdict = verified.verdicts[wire_quote.claim_id]
    assert "Gulf Evening Post" not in verdict.independent_origins
    echoed = [e for e in verdict.evidence if e.article_id == echo.article.article_id]
    assert echoed and all(not e.independent for e in echoed)
