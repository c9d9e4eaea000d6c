"""Article versions: a newer text of an article replaces its claims; an older one never wins."""

from __future__ import annotations

from datetime import timedelta

import pytest

from schemas.events import ArticleMeta
from services.verify import VerifierState, handle
from services.verify.constants import RETRACTED_REASON
from services.verify.versions import VersionStamp

from .conftest import DAY0

URL = "https://levant.example/homs-toll"
TOLL = "Shelling killed {n} people in Homs on Monday, medics said."
QUOTE = "The shelling of Homs hospital was deliberate and must stop"


class VersionedMeta(ArticleMeta):
    """ArticleMeta with the optional ``version`` the ingest service is adding."""

    version: int | str | None = None


def _stamp(version=None, hours=None, content="a"):
    published = (DAY0 + timedelta(hours=hours)).timestamp() if hours is not None else None
    return VersionStamp(content=hash(content), version=version, published_at=published)


@pytest.mark.parametrize(
    ("new", "old", "supersedes"),
    [
        (_stamp(2, content="b"), _stamp(1), True),
        (_stamp(1, content="b"), _stamp(2), False),
        (_stamp("10", content="b"), _stamp("9"), True),  # numbers compare as numbers
        (_stamp(1, hours=5, content="b"), _stamp(2, hours=0), False),  # the version outranks time
        (_stamp(hours=5, content="b"), _stamp(hours=1), True),
        (_stamp(hours=1, content="b"), _stamp(hours=5), False),
        (_stamp(hours=1, content="b"), _stamp(hours=1), True),  # a tie: the later arrival wins
        (_stamp(content="b"), _stamp(hours=1), True),  # nothing to compare: the later arrival
        (_stamp(2, hours=1, content="b"), _stamp(None, hours=9), False),  # one version only: time
    ],
)
def test_which_version_is_newer(new, old, supersedes):
    assert new.supersedes(old) is supersedes


def _meta(make, body, *, hours=0.0, version=None, outlet="Levant Dispatch"):
    meta = make.meta(outlet, body=body, url=URL if outlet == "Levant Dispatch" else None, hours=hours)
    return VersionedMeta(**{**meta.model_dump(), "version": version})


def _toll(make, meta, n, sentence=TOLL):
    return make.figure(meta, str(n), sentence.format(n=n), value=n)


def _handle(state, make, meta, *claims, extractor=None):
    extra = {"extractor": extractor} if extractor else {}
    return handle(make.extracted(meta, *claims, **extra), state, producer=make.producer)


@pytest.fixture
def contested(make, state):
    """Levant says 12 killed, Gulf Wire (same day) says 20: both contested."""
    v1 = _meta(make, "Shelling killed 12 people in Homs.", version=1)
    other = _meta(make, "Gulf Wire report", outlet="Gulf Wire")
    _handle(state, make, v1, _toll(make, v1, 12))
    _handle(state, make, other, _toll(make, other, 20))
    return v1, other


def test_a_correction_replaces_the_claim_and_moves_the_other_verdict(make, state, contested):
    v1, other = contested
    v2 = _meta(make, "Shelling killed 20 people in Homs, a corrected report.", version=2)
    assert v2.article_id == v1.article_id
    changes = {c.claim_id: c for c in _handle(state, make, v2, _toll(make, v2, 20))}
    same_id = _toll(make, v2, 20).claim_id  # same span, same extractor: the same claim id
    assert same_id == _toll(make, v1, 12).claim_id
    fixed = changes[same_id]
    assert (fixed.verdict, fixed.previous_verdict, fixed.revision) == ("corroborated", "contested", 3)
    assert fixed.claim_text == "20"
    theirs = changes[_toll(make, other, 20).claim_id]
    assert (theirs.verdict, theirs.previous_verdict) == ("corroborated", "contested")


def test_claims_gone_from_the_new_version_are_retracted_first(make, state):
    v1 = _meta(make, "v1", version=1)
    other = _meta(make, "Gulf Wire report", outlet="Gulf Wire")
    ours = make.quote(v1, QUOTE, "Hassan Abdel Ghani")
    theirs = make.quote(other, QUOTE, "Abdel Ghani")
    _handle(state, make, v1, ours)
    _handle(state, make, other, theirs)
    assert state.current[theirs.claim_id].verdict == "corroborated"
    v2 = _meta(make, "v2: the quote was removed", version=2)
    replacement = _toll(make, v2, 7, sentence="A strike killed {n} people in Hama on Monday, medics said.")
    changes = _handle(state, make, v2, replacement)
    assert [c.claim_id for c in changes] == [ours.claim_id, replacement.claim_id, theirs.claim_id]
    gone = changes[0]
    assert (gone.verdict, gone.previous_verdict, gone.revision) == ("unverified", "corroborated", 3)
    assert (gone.reason, gone.independent_origins, gone.evidence) == (RETRACTED_REASON, (), ())
    assert ours.claim_id not in state.index
    assert state.index.neighbours(theirs.claim_id) == {}
    assert (changes[2].verdict, changes[2].previous_verdict) == ("single_source", "corroborated")


def test_a_claim_that_comes_back_continues_its_revisions(make, state):
    metas = [_meta(make, f"v{i}", version=i) for i in (1, 2, 3)]
    first, third = (make.quote(m, QUOTE, "Hassan Abdel Ghani") for m in (metas[0], metas[2]))
    _handle(state, make, metas[0], first)
    assert [c.verdict for c in _handle(state, make, metas[1])] == ["unverified"]
    (back,) = _handle(state, make, metas[2], third)
    assert third.claim_id == first.claim_id
    assert (back.verdict, back.previous_verdict, back.revision) == ("single_source", "unverified", 3)


def test_an_older_version_arriving_late_does_not_win(make, state):
    v2 = _meta(make, "Shelling killed 20 people in Homs, corrected.", version=2)
    v1 = _meta(make, "Shelling killed 12 people in Homs.", version=1, hours=3)  # later stamp, older version
    _handle(state, make, v2, _toll(make, v2, 20))
    assert _handle(state, make, v1, _toll(make, v1, 12)) == []
    assert state.index.get(_toll(make, v2, 20).claim_id).text == "20"


def test_without_versions_the_publication_time_orders_them(make, state):
    update = _meta(make, "Shelling killed 20 people in Homs, updated.", hours=6)
    first = _meta(make, "Shelling killed 12 people in Homs.")
    _handle(state, make, update, _toll(make, update, 20))
    assert _handle(state, make, first, _toll(make, first, 12)) == []
    assert state.index.get(_toll(make, update, 20).claim_id).text == "20"


def test_when_nothing_tells_them_apart_the_later_arrival_wins_once(make, state):
    v1 = _meta(make, "Shelling killed 12 people in Homs.")
    v2 = _meta(make, "Shelling killed 20 people in Homs, updated.")
    _handle(state, make, v1, _toll(make, v1, 12))
    (rewritten,) = _handle(state, make, v2, _toll(make, v2, 20))  # same verdict, new text: emitted
    assert (rewritten.claim_text, rewritten.verdict, rewritten.revision) == ("20", "single_source", 2)
    # v1 again, from another extractor: its text was superseded, so it stays superseded.
    assert _handle(state, make, v1, _toll(make, v1, 12), extractor="claims-test-2") == []
    assert state.index.get(_toll(make, v2, 20).claim_id).text == "20"


def test_redelivery_is_a_no_op_but_a_new_text_is_not(make, state):
    v1 = _meta(make, "Shelling killed 12 people in Homs.")
    event = make.extracted(v1, _toll(make, v1, 12))
    assert handle(event, state, producer=make.producer)
    again = event.model_copy(update={"event_id": "another-delivery-id"})
    assert handle(again, state, producer=make.producer) == []
    v2 = _meta(make, "Shelling killed 20 people in Homs, updated.")
    assert not state.has_seen(make.extracted(v2, _toll(make, v2, 20)))


def test_a_copy_rewritten_as_own_reporting_leaves_the_echo_cluster(make, state, seed_body):
    seed = make.meta("Levant Dispatch", body=seed_body, url="https://levant.example/seed")
    copy_url = "https://copydesk.example/homs"
    copy = make.meta("Copy Desk Daily", body=seed_body.replace("Homs", "Homs,", 3), url=copy_url, hours=1)
    own = make.meta("Copy Desk Daily", body="Our reporter in Homs heard the speech.", url=copy_url, hours=2)
    quotes = {m.article_id + m.content_sha256: make.quote(m, QUOTE, "Hassan Abdel Ghani") for m in (seed, copy, own)}
    _handle(state, make, seed, quotes[seed.article_id + seed.content_sha256])
    (echo,) = _handle(state, make, copy, quotes[copy.article_id + copy.content_sha256])
    assert (echo.verdict, echo.independent_origins) == ("single_source", ("Levant Dispatch",))
    changes = {c.claim_id: c for c in _handle(state, make, own, quotes[own.article_id + own.content_sha256])}
    assert state.articles.origin(own.article_id) == "Copy Desk Daily"
    mine = changes[quotes[own.article_id + own.content_sha256].claim_id]
    assert (mine.verdict, mine.independent_origins) == ("corroborated", ("Copy Desk Daily", "Levant Dispatch"))
    assert changes[quotes[seed.article_id + seed.content_sha256].claim_id].verdict == "corroborated"


def test_replay_with_versions_produces_identical_events(make):
    def run():
        state = VerifierState()
        out = []
        for i, n in enumerate((12, 20, 12)):
            meta = _meta(make, f"Shelling killed {n} people in Homs ({i}).", version=i)
            out += _handle(state, make, meta, _toll(make, meta, n))
        other = _meta(make, "Gulf Wire report", outlet="Gulf Wire")
        return out + _handle(state, make, other, _toll(make, other, 20))

    one, two = run(), run()
    assert [c.model_dump() for c in one] == [c.model_dump() for c in two]
    assert len({c.event_id for c in one}) == len(one)
