"""handle(): verdicts evolve as evidence arrives, idempotent, order-independent, reviewer wins."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest

from schemas.events import ArticleMeta, ArticlePublished, VerdictChanged
from services.verify import VerifierState, handle
from services.verify.exceptions import UnsupportedEventError, VerifyError

KM_SENTENCE = (
    "“Hayat Tahrir al-Sham (HTS) and allied factions are now just five kilometers—barely three "
    "miles—from the outskirts of Homs,” Rami Abdel Rahman, head of SOHR, revealed."
)
KM_QUOTE = (
    "Hayat Tahrir al-Sham (HTS) and allied factions are now just five kilometers—barely three "
    "miles—from the outskirts of Homs"
)
TOLL_SENTENCE = (
    "In 2014, twin bombings killed over 100 people, mostly civilians, in an Alawite neighborhood."
)
TOWNS = "rebels seized two pivotal towns, Rastan and Talbisseh, marking an alarming escalation"


@dataclass
class Article:
    meta: ArticleMeta
    claims: dict = field(default_factory=dict)

    def event(self, make):
        return make.extracted(self.meta, *self.claims.values())


def _seed_claims(make, meta):
    quote = make.quote(meta, KM_QUOTE, "Rami Abdel Rahman", sentence=KM_SENTENCE)
    return {
        "quote": quote,
        "km": make.figure(
            meta, "five kilometers", KM_SENTENCE, quantity="length", value=5, unit="km",
            in_claim=quote.claim_id, equivalents=(("three miles", 3, "mi"),),
        ),
        "toll": make.figure(
            meta, "over 100 people", TOLL_SENTENCE, low=100, low_inclusive=False,
            qualifier="over", about="people killed",
        ),
        "towns": make.attribution(
            meta, TOWNS, "Syrian Observatory for Human Rights", aliases=("SOHR",),
            sentence=f"In a blitzkrieg campaign, {TOWNS}, according to the Syrian Observatory for "
            "Human Rights (SOHR).",
        ),
    }


@pytest.fixture
def homs(make, seed_body):
    """The demo: the seed, a Reuters copy of it, a SOHR rewrite, an own reporter, a conflict."""
    seed = make.meta("Levant Dispatch", body=seed_body, url="https://levant.example/homs")
    wire = make.meta("Daily Star", body="BEIRUT (Reuters) - " + seed_body, credit="Reuters", hours=2)
    rewrite = make.meta("Gulf Wire", body="Rebels captured Rastan and Talbisseh.", hours=3)
    own = make.meta("Beirut Post", body="Our correspondent spoke to Abdel Rahman.", hours=4)
    conflict = make.meta("Damascus Times", body="Rebels were 20 km from Homs.", hours=5)
    own_sentence = "“The rebels are five kilometres from Homs,” Abdel Rahman told our correspondent."
    own_quote = make.quote(own, "The rebels are five kilometres from Homs", "Abdel Rahman", sentence=own_sentence)
    return {
        "seed": Article(seed, _seed_claims(make, seed)),
        "wire": Article(wire, _seed_claims(make, wire)),
        "rewrite": Article(rewrite, {"towns": make.attribution(
            rewrite, "Rebels captured the towns of Rastan and Talbisseh", "SOHR")}),
        "own": Article(own, {
            "quote": own_quote,
            "km": make.figure(own, "five kilometres", own_sentence, quantity="length", value=5,
                              unit="km", in_claim=own_quote.claim_id),
        }),
        "conflict": Article(conflict, {
            "km": make.figure(conflict, "20 km", "Rebels were 20 km from Homs on Friday.",
                              quantity="length", value=20, unit="km"),
            "toll": make.figure(
                conflict, "about 40 people",
                "The 2014 twin bombings in an Alawite district of Homs killed about 40 people.",
                value=40, qualifier="about"),
        }),
    }


def _run(state, make, *articles):
    out = []
    for article in articles:
        out.extend(handle(article.event(make), state, producer=make.producer))
    return out


def _by_claim(changes):
    return {c.claim_id: c for c in changes}


def test_first_verdicts_are_single_source_revision_one(make, state, homs):
    changes = _run(state, make, homs["seed"])
    assert [c.claim_id for c in changes] == [c.claim_id for c in homs["seed"].claims.values()]
    for change in changes:
        assert (change.verdict, change.revision, change.previous_verdict) == ("single_source", 1, None)
        assert change.correlation_id == change.article_id == homs["seed"].meta.article_id
        assert change.causation_id == homs["seed"].event(make).event_id
    assert _by_claim(changes)[homs["seed"].claims["towns"].claim_id].independent_origins == ("SOHR",)


def test_second_independent_origin_corroborates_and_updates_the_earlier_claim(make, state, homs):
    _run(state, make, homs["seed"])
    changes = _by_claim(_run(state, make, homs["own"]))
    seed_quote = homs["seed"].claims["quote"].claim_id
    own_quote = homs["own"].claims["quote"].claim_id
    assert changes[own_quote].verdict == "corroborated"
    earlier = changes[seed_quote]
    assert (earlier.verdict, earlier.previous_verdict, earlier.revision) == ("corroborated", "single_source", 2)
    assert earlier.independent_origins == ("Beirut Post", "Levant Dispatch")
    (evidence,) = earlier.evidence
    assert (evidence.claim_id, evidence.source, evidence.origin, evidence.relation, evidence.independent) == (
        own_quote, "Beirut Post", "Beirut Post", "supports", True)
    assert "same speaker" in evidence.why
    assert changes[homs["seed"].claims["km"].claim_id].verdict == "corroborated"


def test_an_echo_changes_nothing(make, state, homs, seed_body):
    _run(state, make, homs["seed"])
    copy = make.meta("Copy Desk Daily", body=seed_body.replace("Homs", "Homs,", 3), hours=1)
    changes = _run(state, make, Article(copy, _seed_claims(make, copy)))
    assert {c.article_id for c in changes} == {copy.article_id}  # nothing earlier moved
    quote = _by_claim(changes)[_seed_claims(make, copy)["quote"].claim_id]
    assert quote.verdict == "single_source"
    assert quote.independent_origins == ("Levant Dispatch",)
    assert [(e.relation, e.independent) for e in quote.evidence] == [("echo", False)]


def test_two_outlets_citing_sohr_stay_single_source(make, state, homs):
    _run(state, make, homs["seed"])
    changes = _by_claim(_run(state, make, homs["rewrite"]))
    towns = changes[homs["rewrite"].claims["towns"].claim_id]
    assert towns.verdict == "single_source" and towns.independent_origins == ("SOHR",)
    assert homs["seed"].claims["towns"].claim_id not in changes


def test_wire_copy_turns_the_seed_into_an_echo_of_the_wire(make, state, homs):
    _run(state, make, homs["seed"])
    changes = _by_claim(_run(state, make, homs["wire"]))
    seed_quote = changes[homs["seed"].claims["quote"].claim_id]
    assert seed_quote.verdict == "single_source"
    assert seed_quote.independent_origins == ("Reuters",)  # the origin set changed: emitted


def test_contradicting_figure_contests_both(make, state, homs):
    _run(state, make, homs["seed"])
    changes = _by_claim(_run(state, make, homs["conflict"]))
    for name in ("km", "toll"):
        assert changes[homs["seed"].claims[name].claim_id].verdict == "contested"
        assert changes[homs["conflict"].claims[name].claim_id].verdict == "contested"
    toll = changes[homs["seed"].claims["toll"].claim_id]
    assert toll.evidence[0].relation == "contradicts" and "about 40" in toll.evidence[0].why


def test_later_higher_toll_is_an_update_not_a_contest(make, state):
    sentence = "Shelling killed {n} people in Homs on Monday, medics said."
    first, later = make.meta("Levant Dispatch"), make.meta("Gulf Wire", hours=12)
    early = make.figure(first, "12", sentence.format(n=12), value=12)
    rising = make.figure(later, "20", sentence.format(n=20), value=20)
    _run(state, make, Article(first, {"f": early}))
    changes = _by_claim(_run(state, make, Article(later, {"f": rising})))
    assert changes[rising.claim_id].verdict == "single_source"
    assert changes[rising.claim_id].evidence[0].relation == "updates"
    assert changes[early.claim_id].verdict == "single_source"  # its origins grew: re-emitted
    assert "later report" in changes[early.claim_id].reason


def test_claim_that_cannot_be_checked_is_unverified(make, state):
    meta = make.meta("Levant Dispatch")
    quote = make.quote(meta, "We will take the city within days", None)
    (change,) = _run(state, make, Article(meta, {"q": quote}))
    assert change.verdict == "unverified" and "no named speaker" in change.reason


def test_redelivery_is_a_no_op(make, state, homs):
    first = _run(state, make, homs["seed"], homs["own"])
    assert first
    assert _run(state, make, homs["seed"], homs["own"]) == []
    other_id = homs["own"].event(make).model_copy(update={"event_id": "another-delivery-id"})
    assert handle(other_id, state, producer=make.producer) == []


def test_replay_produces_identical_events(make, homs):
    order = [homs[k] for k in ("seed", "wire", "rewrite", "own", "conflict")]
    one = _run(VerifierState(), make, *order)
    two = _run(VerifierState(), make, *order)
    assert [c.model_dump() for c in one] == [c.model_dump() for c in two]
    assert len({c.event_id for c in one}) == len(one)


def _snapshot(state: VerifierState, articles) -> dict:
    final = {}
    for article in articles:
        for claim in article.claims.values():
            a = state.assessment(claim.claim_id)
            evidence = sorted(
                (e.claim_id, e.relation, e.independent, e.origin) for e in state.evidence(claim.claim_id)
            )
            final[claim.claim_id] = (a.verdict, a.independent_origins, evidence, state.current[claim.claim_id].verdict)
    return final


def test_final_verdicts_do_not_depend_on_arrival_order(make, homs):
    articles = list(homs.values())
    expected = _snapshot_after(make, articles)
    for seed in range(12):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert _snapshot_after(make, shuffled) == expected, [a.meta.source for a in shuffled]


def _snapshot_after(make, articles):
    state = VerifierState()
    _run(state, make, *articles)
    return _snapshot(state, articles)


def test_final_verdicts_of_the_demo(make, homs):
    state = VerifierState()
    _run(state, make, *homs.values())
    verdict = {name: state.current[c.claim_id].verdict for name, c in homs["seed"].claims.items()}
    assert verdict == {
        "quote": "corroborated", "km": "contested", "toll": "contested", "towns": "single_source",
    }
    assert state.assessment(homs["seed"].claims["quote"].claim_id).independent_origins == (
        "Beirut Post", "Reuters")


def test_reviewer_overturn_sticks_until_another_decision(make, state, homs):
    _run(state, make, homs["seed"])
    quote = homs["seed"].claims["quote"].claim_id
    (change,) = handle(make.decision(quote, "overturn", "contested"), state, producer=make.producer)
    assert (change.verdict, change.decided_by, change.confidence, change.revision) == ("contested", "reviewer", 1.0, 2)
    moved = _by_claim(_run(state, make, homs["own"]))[quote]  # new evidence is shown ...
    assert (moved.verdict, moved.decided_by) == ("contested", "reviewer")  # ... the verdict sticks
    assert moved.independent_origins == ("Beirut Post", "Levant Dispatch")
    (back,) = handle(make.decision(quote, "needs_evidence", minutes=5), state, producer=make.producer)
    assert (back.verdict, back.decided_by) == ("corroborated", "verifier")


def test_reviewer_confirm_pins_the_verdict_seen(make, state, homs):
    _run(state, make, homs["seed"])
    quote = homs["seed"].claims["quote"].claim_id
    (change,) = handle(make.decision(quote, "confirm"), state, producer=make.producer)
    assert (change.verdict, change.decided_by) == ("single_source", "reviewer")
    moved = _by_claim(_run(state, make, homs["own"]))[quote]
    assert (moved.verdict, moved.decided_by) == ("single_source", "reviewer")


def test_decision_before_its_claim_applies_on_arrival_and_older_ones_lose(make, state, homs):
    quote = homs["seed"].claims["quote"].claim_id
    assert handle(make.decision(quote, "overturn", "contested", minutes=10), state, producer=make.producer) == []
    assert handle(make.decision(quote, "overturn", "corroborated", minutes=1), state, producer=make.producer) == []
    changes = _by_claim(_run(state, make, homs["seed"]))
    assert (changes[quote].verdict, changes[quote].decided_by) == ("contested", "reviewer")


def test_duplicate_decision_is_a_no_op(make, state, homs):
    _run(state, make, homs["seed"])
    decision = make.decision(homs["seed"].claims["quote"].claim_id, "overturn", "contested")
    assert len(handle(decision, state, producer=make.producer)) == 1
    assert handle(decision, state, producer=make.producer) == []


def test_claims_of_another_article_are_refused_before_any_change(make, state, homs):
    seed, own = homs["seed"], homs["own"]
    bad = make.extracted(seed.meta, *seed.claims.values(), own.claims["quote"])
    with pytest.raises(VerifyError, match="another article"):
        handle(bad, state, producer=make.producer)
    assert len(state.index) == 0 and not state.has_seen(bad)


def test_other_events_are_not_handled(make, state):
    meta = make.meta("Levant Dispatch")
    event = ArticlePublished.create(
        key="a", producer=make.producer, correlation_id=meta.article_id,
        article={**meta.model_dump(), "body": "text"},
    )
    with pytest.raises(UnsupportedEventError):
        handle(event, state, producer=make.producer)


def test_verdict_changes_are_valid_contract_events(make, state, homs):
    for change in _run(state, make, *homs.values()):
        assert isinstance(change, VerdictChanged)
        VerdictChanged.model_validate_json(change.model_dump_json())
