"""What keeps the verifier's cost per claim flat, and the rebuild fast, without changing its output.

* ``link_can_move``: a new link that cannot move a verdict skips re-assessing the claim;
* ``MAX_LINKS``: a claim holds at most that many links;
* ``RETAINED_BUCKETS``: postings of old time buckets are dropped, records kept;
* ``NEAR_DUPLICATE_HORIZON_SECONDS``: old articles' fingerprints are dropped, clusters kept;
* ``handle(..., emit=False)``: a projection rebuild leaves the state a live run leaves.

The equivalences run over the generated stream of the scale benchmark (``bench.verify_workload``):
stories with echoes, rewrites, conflicting tolls and corrected versions.
"""

from __future__ import annotations

import json
from itertools import islice

import pytest

from bench.verify_workload import Workload
from schemas.envelope import Producer
from services.verify import VerifierState, handle
from services.verify import index as index_module
from services.verify.constants import (
    MATCH_WINDOW_SECONDS,
    NEAR_DUPLICATE_HORIZON_SECONDS,
    RETAINED_BUCKETS,
)
from services.verify.index import ClaimIndex, blocking_keys
from services.verify.origins import ArticleOrigins
from services.verify.records import claim_record
from services.verify.verdicts import link_can_move


PRODUCER = Producer(service="verify", version="test")


@pytest.fixture(scope="module")
def stream():
    return list(Workload().events(1500))


@pytest.mark.parametrize(
    ("verdict", "origins", "origin", "relation", "moves"),
    [
        ("single_source", ("AFP",), "Reuters", "supports", True),  # a new origin
        ("corroborated", ("AFP", "AP"), "Reuters", "updates", True),  # a new origin, listed
        ("single_source", ("AFP",), "AFP", "supports", False),  # an echo of its own origin
        ("single_source", ("AFP",), "AFP", "contradicts", False),  # its own origin never contests
        ("single_source", ("AFP", "AP"), "AP", "supports", True),  # AP only updated; now agrees
        ("corroborated", ("AFP", "AP"), "AP", "supports", False),
        ("contested", ("AFP", "AP"), "AP", "supports", False),
        ("corroborated", ("AFP", "AP"), "AP", "contradicts", True),
        ("single_source", ("AFP", "AP"), "AP", "contradicts", True),
        ("contested", ("AFP", "AP"), "AP", "contradicts", False),
        ("corroborated", ("AFP", "AP"), "AP", "updates", False),
        ("unverified", ("AFP",), "AFP", "supports", True),  # not a verifier verdict over links
    ],
)
def test_link_can_move(verdict, origins, origin, relation, moves):
    assert link_can_move(verdict, origins, own="AFP", origin=origin, relation=relation) is moves


def _changes(events, state, **options):
    return [c.model_dump() for e in events for c in handle(e, state, producer=PRODUCER, **options)]


def test_skipping_claims_new_links_cannot_move_changes_no_event(stream, monkeypatch):
    skipping = _changes(stream, VerifierState())
    monkeypatch.setattr(VerifierState, "links_can_move", lambda self, claim_id, links: True)
    assert _changes(stream, VerifierState()) == skipping
    assert len(skipping) > len(stream)  # evidence moved earlier claims' verdicts along the way


def test_a_claim_holds_at_most_max_links(stream, monkeypatch):
    monkeypatch.setattr(index_module, "MAX_LINKS", 3)
    state = VerifierState()
    _changes(stream, state)
    degrees = [len(state.index.neighbours(claim_id)) for claim_id in state.index._number]
    assert max(degrees) == 3
    for claim_id in state.index._number:  # links stay symmetric
        for other in state.index.neighbours(claim_id):
            assert claim_id in state.index.neighbours(other)


def test_rebuild_without_emitting_leaves_the_state_a_live_run_leaves(stream, make):
    head, tail = stream[: len(stream) * 2 // 3], stream[len(stream) * 2 // 3 :]
    live, rebuilt = VerifierState(), VerifierState()
    claim_id = next(islice((c.claim_id for e in head for c in e.claims), 7, None))
    decision = make.decision(claim_id, "overturn", "contested")
    assert _changes([*head, decision], live)
    assert _changes([*head, decision], rebuilt, emit=False) == []
    assert rebuilt.current == live.current
    assert _changes(tail, rebuilt) == _changes(tail, live)


def test_postings_of_old_time_buckets_are_dropped_and_their_records_kept(make):
    index = ClaimIndex()
    window = MATCH_WINDOW_SECONDS

    def quote(outlet: str, bucket: float):
        text = "Rebels are five kilometres from the centre of Homs now"
        claim = make.quote(make.meta(outlet), text, "Rami Abdel Rahman")
        return claim_record(claim, published_at=1.7e9 + bucket * window)

    old, late, probe = quote("Old Post", 0), quote("Late Post", 0.5), quote("Probe Post", 0.9)
    index.add(old)
    assert _candidate_ids(index, probe) == [old.claim_id]
    index.add(quote("News Post", RETAINED_BUCKETS + 1))  # a newer bucket: bucket 0 is dropped
    assert _candidate_ids(index, probe) == []
    assert index.get(old.claim_id) == old  # its record stays, for evidence
    index.add(late)  # arrives after its bucket was dropped: not filed either
    assert _candidate_ids(index, probe) == [] and late.claim_id in index


def _candidate_ids(index, record):
    return [r.claim_id for r in index.candidates(record, blocking_keys(record, query=True))]


def test_fingerprints_past_the_horizon_are_dropped_and_clusters_kept(make, seed_body):
    origins = ArticleOrigins()
    horizon_hours = NEAR_DUPLICATE_HORIZON_SECONDS / 3600
    original = make.meta("Levant Dispatch", body=seed_body)
    copy = make.meta("Daily Star", body=seed_body + " Updated.", hours=1)
    late_copy = make.meta("Gulf Wire", body=seed_body + " Again.", hours=horizon_hours + 48)
    for meta in (original, copy):
        origins.register(meta, None)
    assert origins.same_text(original.article_id, copy.article_id)
    origins.register(make.meta("Beirut Post", body="Other news.", hours=horizon_hours + 24), None)
    origins.register(late_copy, None)
    assert origins.same_text(original.article_id, copy.article_id)  # the cluster stays
    assert not origins.same_text(original.article_id, late_copy.article_id)
    assert origins.origin(late_copy.article_id) == "Gulf Wire"


def test_records_of_a_repeated_claim_share_their_values(stream):
    """Each decoded event brings its own strings and tuples; the records keep one of each."""
    event = next(e for e in stream if any(c.kind == "figure" for c in e.claims))
    first, again = (type(event).model_validate(json.loads(event.model_dump_json())) for _ in range(2))
    for a, b in zip(first.claims, again.claims, strict=True):
        assert a.text == b.text and a.text is not b.text
        ra, rb = (claim_record(c, published_at=None) for c in (a, b))
        assert ra == rb
        assert ra.text is rb.text and ra.claim_id is rb.claim_id and ra.words is rb.words
        if a.kind == "figure":
            assert ra.interval is rb.interval and ra.events is rb.events
