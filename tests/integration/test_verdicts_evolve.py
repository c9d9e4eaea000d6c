"""Verdicts evolve through the real broker: a second independent origin corroborates, an echo does not."""

import pytest

from schemas import QuoteClaim, VerdictChanged
from schemas.registry import CLAIMS, DECISIONS, VERDICTS
from services.claims.runner import claims_stage
from services.ingest.runner import ingest_paths
from services.verify.handler import VerifierState
from services.verify.runner import verify_stage
from tests.integration.helpers import running, wait_until
from wirecheck.demo import SAMPLE_FEED, SEED, SEED_METADATA
from wirecheck.lag import pending_records
from wirecheck.report import collect
from wirecheck.topic_reader import read_topic

pytestmark = pytest.mark.kafka


def _settle(settings, articles: int):
    """Wait until `articles` articles have claims and the verifier has handled all of them."""
    def done():
        collected = collect(settings)
        caught_up = not any(pending_records(settings, "verify", (CLAIMS, DECISIONS)).values())
        return collected if len(collected.claims) == articles and caught_up else None
    return wait_until(done, what=f"{articles} verified articles")


def _history(settings, claim_id: str) -> list[VerdictChanged]:
    events = [e for e in read_topic(settings, VERDICTS) if e.claim_id == claim_id]
    return sorted(events, key=lambda e: e.revision)


def test_second_origin_corroborates_and_an_echo_changes_nothing(kafka_settings) -> None:
    settings = kafka_settings
    with running(claims_stage(settings), verify_stage(VerifierState()), settings=settings):
        ingest_paths([str(SEED)], settings, defaults=SEED_METADATA)
        first = _settle(settings, 1)
        [seed] = first.claims.values()
        [quote] = [c for c in seed.claims if isinstance(c, QuoteClaim) and "outskirts of Homs" in c.text]
        assert [(v.verdict, v.revision) for v in _history(settings, quote.claim_id)] == [("single_source", 1)]

        ingest_paths([str(SAMPLE_FEED / "01-reuters-wire.txt")], settings)
        _settle(settings, 2)
        history = _history(settings, quote.claim_id)
        assert [(v.verdict, v.previous_verdict, v.revision) for v in history] == [
            ("single_source", None, 1), ("corroborated", "single_source", 2)]
        assert history[-1].independent_origins == ("Levant Ledger", "Reuters")
        assert history[-1].causation_id != history[0].causation_id

        before_echo = {e.event_id for e in read_topic(settings, VERDICTS)}
        ingest_paths([str(SAMPLE_FEED / "02-gulf-evening-post.txt")], settings)
        after_echo = _settle(settings, 3)

    assert len(_history(settings, quote.claim_id)) == 2, "the echo changed the seed quote's verdict"
    echo_meta = next(a for a in after_echo.articles.values() if a.source == "Gulf Evening Post")
    echo_claims = {c.claim_id for c in after_echo.claims[echo_meta.article_id].claims}
    new_events = [e for e in read_topic(settings, VERDICTS) if e.event_id not in before_echo]
    assert new_events, "the echo's own claims got no verdicts"
    assert all(e.claim_id in echo_claims for e in new_events), "an echo changed another article's verdicts"
    echo_quote = next(e for e in new_events if "outskirts of Homs" in e.claim_text)
    assert echo_quote.verdict == "corroborated"
    assert "Gulf Evening Post" not in echo_quote.independent_origins
