"""The verifier's index is a projection: a restart rebuilds it from the topics and the verdicts it
then reaches equal those of one uninterrupted run."""

import pytest

from schemas.registry import CLAIMS, DECISIONS
from services.claims.runner import claims_stage
from services.ingest.runner import ingest_paths
from services.ingest.sources import expand_paths
from services.verify.handler import VerifierState
from services.verify.runner import verify_stage
from tests.integration.helpers import running, wait_until
from wirecheck.demo import SEED, SEED_METADATA, SAMPLE_FEED
from wirecheck.lag import pending_records
from wirecheck.report import collect
from wirecheck.topics import ensure_topics

pytestmark = pytest.mark.kafka


def _inputs() -> list[tuple[list[str], dict]]:
    return [([str(SEED)], SEED_METADATA)] + [([str(p)], {}) for p in expand_paths([str(SAMPLE_FEED)])]


def _caught_up(settings) -> bool:
    return not any(pending_records(settings, "verify", (CLAIMS, DECISIONS)).values())


def _final_verdicts(settings) -> dict[str, tuple]:
    collected = collect(settings)
    return {cid: (v.verdict, v.independent_origins, v.revision) for cid, v in collected.verdicts.items()}


def _ingest(settings, inputs) -> None:
    for paths, defaults in inputs:
        ingest_paths(paths, settings, defaults=defaults)


def test_restarted_verifier_reaches_the_verdicts_of_an_uninterrupted_run(settings_factory) -> None:
    inputs = _inputs()
    clean, restarted = settings_factory(), settings_factory()
    for settings in (clean, restarted):
        ensure_topics(settings)

    with running(claims_stage(clean), verify_stage(VerifierState()), settings=clean):
        _ingest(clean, inputs)
        wait_until(lambda: len(collect(clean).claims) == len(inputs) and _caught_up(clean), what="clean run")

    with running(claims_stage(restarted), settings=restarted):
        with running(verify_stage(VerifierState()), settings=restarted):
            _ingest(restarted, inputs[:3])
            wait_until(lambda: len(collect(restarted).claims) == 3 and _caught_up(restarted), what="first half")
        _ingest(restarted, inputs[3:])  # arrives while the verifier is down
        with running(verify_stage(VerifierState()), settings=restarted) as [runner]:
            wait_until(lambda: len(collect(restarted).claims) == len(inputs) and _caught_up(restarted),
                       what="second half")
            assert runner.counters.replayed == 3, "the projection was not rebuilt from claims.v1"

    clean_verdicts = {cid: (v, o) for cid, (v, o, _) in _final_verdicts(clean).items()}
    restarted_verdicts = {cid: (v, o) for cid, (v, o, _) in _final_verdicts(restarted).items()}
    assert restarted_verdicts == clean_verdicts
    assert len(clean_verdicts) > 30
