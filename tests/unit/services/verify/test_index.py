"""The blocking index: candidates share a key, and their number does not grow with the index."""

from __future__ import annotations

import random
from array import array

import pytest

from services.verify import index as index_module
from services.verify.index import ClaimIndex, _hits_most_recent_first, blocking_keys
from services.verify.records import claim_record


def _word(i: int) -> str:
    """A distinct pronounceable word per integer (letters only, so it stays one token)."""
    letters = "bcdfghjklmnprstvz"
    out = ""
    while True:
        out += letters[i % len(letters)] + "aeiou"[i % 5]
        i //= len(letters)
        if not i:
            return out.capitalize() + "ar"


def _unrelated_quotes(make, count):
    for i in range(count):
        meta = make.meta(f"Outlet {_word(i)}")
        text = f"The {_word(i + 1)} council will discuss the {_word(i + 2)} budget"
        yield claim_record(make.quote(meta, text, f"Minister {_word(i)}"), published_at=None)


def _probe(make):
    meta = make.meta("Levant Dispatch")
    quote = make.quote(meta, "Rebels are five kilometres from Homs now", "Rami Abdel Rahman")
    return claim_record(quote, published_at=None)


@pytest.mark.parametrize("size", [100, 3000])
def test_unrelated_claims_are_never_candidates(make, size):
    index = ClaimIndex()
    for record in _unrelated_quotes(make, size):
        index.add(record)
    probe = _probe(make)
    assert list(index.candidates(probe, blocking_keys(probe, query=True))) == []


def test_candidates_share_a_key_and_exclude_the_same_article(make):
    index = ClaimIndex()
    same_article = make.meta("Levant Dispatch")
    other = make.meta("Beirut Post")
    probe = _probe(make)
    match = claim_record(
        make.quote(other, "The rebels are five kilometres from Homs", "Abdel Rahman"), published_at=None
    )
    sibling = claim_record(
        make.quote(same_article, "Rebels are five kilometres from Homs", "Rami Abdel Rahman",
                   sentence="He said: Rebels are five kilometres from Homs."),
        published_at=None,
    )
    for record in (match, sibling, *_unrelated_quotes(make, 50)):
        index.add(record)
    assert [r.claim_id for r in index.candidates(probe, blocking_keys(probe, query=True))] == [match.claim_id]


def test_hot_keys_are_skipped_when_the_claim_has_others(make, monkeypatch):
    monkeypatch.setattr(index_module, "HOT_KEY_POSTINGS", 3)
    index = ClaimIndex()
    for i in range(6):  # six claims share the name "homs" (and the speaker) with the probe
        meta = make.meta(f"Outlet {_word(i)}")
        text = f"Rebels are near Homs and {_word(i)} now"
        index.add(claim_record(make.quote(meta, text, "Abdel Rahman"), published_at=None))
    probe = _probe(make)
    assert list(index.candidates(probe, blocking_keys(probe, query=True))) == []
    (only_key,) = {k for k in blocking_keys(probe, query=True) if k[2] == "n:homs"}
    found = list(index.candidates(probe, {only_key}))
    assert len(found) == 6  # with nothing else to go on, the hot key is still scanned


def test_claims_that_both_name_something_meet_only_through_a_shared_name(make):
    index = ClaimIndex()
    sentence = "Shelling killed {n} people in {town} on Monday, medics said."
    for i, town in enumerate(["Aleppo", "Hama", "Idlib"]):
        meta = make.meta(f"Outlet {_word(i)}")
        index.add(claim_record(make.figure(meta, "12", sentence.format(n=12, town=town), value=12), published_at=None))
    unnamed_meta = make.meta("Outlet Unnamed")
    unnamed = claim_record(
        make.figure(unnamed_meta, "12", "shelling killed 12 people on monday, medics said.", value=12),
        published_at=None,
    )
    index.add(unnamed)
    probe_meta = make.meta("Levant Dispatch")
    probe = claim_record(make.figure(probe_meta, "14", sentence.format(n=14, town="Homs"), value=14), published_at=None)
    found = [r.claim_id for r in index.candidates(probe, blocking_keys(probe, query=True))]
    assert found == [unnamed.claim_id]
    assert len(list(index.candidates(unnamed, blocking_keys(unnamed, query=True)))) == 3


def test_records_are_compact(make):
    record = _probe(make)
    assert not hasattr(record, "__dict__")
    assert all(isinstance(w, str) for w in record.words)


def test_edges_are_symmetric_and_removable(make):
    index = ClaimIndex()
    records = list(_unrelated_quotes(make, 3))
    for record in records:
        index.add(record)
    a, b, c = (r.claim_id for r in records)
    index.link(a, b, "supports")
    index.link(a, c, "contradicts")
    assert index.neighbours(b) == {a: "supports"}
    assert index.unlink(a) == {b, c}
    assert index.neighbours(b) == {} and index.neighbours(a) == {}


def test_a_removed_claim_is_no_longer_a_candidate_nor_linked(make):
    index = ClaimIndex()
    other = make.meta("Beirut Post")
    match = claim_record(
        make.quote(other, "The rebels are five kilometres from Homs", "Abdel Rahman"), published_at=None
    )
    probe = _probe(make)
    index.add(match)
    index.add(probe)
    index.link(probe.claim_id, match.claim_id, "supports")
    assert index.remove(match.claim_id) == {probe.claim_id}
    assert match.claim_id not in index and len(index) == 1
    assert index.neighbours(probe.claim_id) == {}
    assert list(index.candidates(probe, blocking_keys(probe, query=True))) == []
    assert index.in_article(other.article_id) == []
    index.add(match)  # it can come back (a later version of its article)
    assert [r.claim_id for r in index.candidates(probe, blocking_keys(probe, query=True))] == [match.claim_id]


def _hits_by_full_count(postings):
    """The reference: every posting counted, hits sorted (what candidates() did before)."""
    hits = {}
    for (_, _, part), numbers in postings:
        shared = part if part.startswith("n:") else part[3:]
        for number in numbers:
            hits.setdefault(number, set()).add(shared)
    found = []
    for number in sorted(hits, reverse=True):
        by_name = any(part.startswith("n:") for part in hits[number])
        if by_name or len(hits[number]) >= 2:
            found.append((number, by_name))
    return found


@pytest.mark.parametrize("seed", range(30))
def test_hits_come_most_recent_first_as_a_full_count_gives_them(seed):
    rng = random.Random(seed)
    parts = ["n:homs", "n:north korea", "w-:rebel", "w-:march", "w+:rebel", "w+:citi"]
    postings = []
    for i in range(rng.randint(1, 8)):
        numbers = sorted(rng.sample(range(3000), rng.choice([0, 1, 5, 100, 129, 400, 900])))
        filed = array("I", numbers) if len(numbers) != 1 else (numbers[0],)
        postings.append((("q", f"anchor {i % 2}", rng.choice(parts)), filed))
    assert list(_hits_most_recent_first(postings)) == _hits_by_full_count(postings)


def test_of_equally_hot_keys_the_same_one_is_scanned_whatever_their_order(make, monkeypatch):
    monkeypatch.setattr(index_module, "HOT_KEY_POSTINGS", 1)
    index = ClaimIndex()
    for outlet, town in [("Daily Star", "Homs"), ("Gulf Wire", "Aleppo"), ("Levant Post", "Homs"),
                         ("Free Times", "Aleppo")]:
        text = f"Rebels are near {town} and marching steadily now"
        index.add(claim_record(make.quote(make.meta(outlet), text, "Abdel Rahman"), published_at=None))
    probe = claim_record(
        make.quote(make.meta("City Herald"), "Rebels near Homs and Aleppo now", "Abdel Rahman"),
        published_at=None,
    )
    names = sorted(k for k in blocking_keys(probe, query=True) if k[2].startswith("n:"))
    found = [[r.text for r in index.candidates(probe, keys)] for keys in (names, names[::-1])]
    assert found[0] == found[1] == ["Rebels are near Aleppo and marching steadily now"] * 2
