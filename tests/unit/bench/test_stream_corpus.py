"""The generated wire stream: deterministic, realistic in shape, exact in what it changes."""

from __future__ import annotations

import random

import pytest

from bench.stream_corpus import Story, StreamCorpus, detokenise, raise_counts, rewrite

STORIES = [
    Story(f"s{i}", "Metro Post" if i % 2 else None, f"Story {i}",
          (f"Shelling killed {10 + i} people in Homs on Monday, officials said.",
           f"“We need {3 + i} more ambulances,” said Dr Rami Haddad.",
           "The 2016 ceasefire collapsed in March.",
           "Talks resume next week."))
    for i in range(40)
]


@pytest.mark.parametrize(("text", "expected"), [
    ("Shelling killed 12 people.", "Shelling killed 16 people."),  # int(12 × 1.25) + 1
    ("over 1,200 displaced", "over 1,501 displaced"),  # thousands separators kept
    ("in 2016 and 1999", "in 2016 and 1999"),  # years are not counts
    ("at 10:30 on 3/4, 2.5 km", "at 10:30 on 3/4, 2.5 km"),  # times, dates, decimals untouched
    ("no figures here", "no figures here"),
])
def test_raise_counts_raises_counts_only(text: str, expected: str) -> None:
    assert raise_counts(text) == expected


@pytest.mark.parametrize(("tokens", "expected"), [
    ("`` We appreciate it , '' the rep told People .", "“We appreciate it,” the rep told People."),
    ("the actress 's rep ( Jack ) said", "the actress's rep (Jack) said"),
    ("it was n't $ 5 , up 3 %", "it wasn't $5, up 3%"),
])
def test_detokenise_undoes_treebank_tokens(tokens: str, expected: str) -> None:
    assert detokenise(tokens) == expected


def test_rewrite_keeps_the_head_under_a_new_lead_and_only_original_paragraphs() -> None:
    paragraphs = STORIES[0].paragraphs
    rewritten = rewrite(paragraphs, random.Random(3), outlet="City Star")
    assert rewritten[0].startswith("City Star has learned")
    assert rewritten[1] == paragraphs[0]
    assert set(rewritten[2:]) <= set(paragraphs[1:])
    assert len(rewritten) >= 3


def test_the_stream_is_the_same_on_every_run_and_has_the_count_asked() -> None:
    first = StreamCorpus(STORIES, seed=5).articles(150)
    assert len(first) == 150
    assert first == StreamCorpus(STORIES, seed=5).articles(150)
    assert first != StreamCorpus(STORIES, seed=6).articles(150)


def test_the_stream_is_in_publication_order_with_no_outlet_repeating_a_text() -> None:
    articles = StreamCorpus(STORIES, seed=5).articles(300)
    assert [a["published"] for a in articles] == sorted(a["published"] for a in articles)
    assert len({(a["source"], a["body"]) for a in articles}) == len(articles)


def test_copies_carry_the_wire_credit_and_the_original_text() -> None:
    articles = StreamCorpus(STORIES, seed=5).articles(300)
    originals = {a["url"].rsplit("/", 1)[1]: a for a in articles if a.get("version") == 1}
    copies = [a for a in articles if "-copy" in a["url"]]
    assert copies
    for copy in copies:
        original = originals.get(copy["url"].rsplit("/", 1)[1].split("-copy")[0])
        if original is None:
            continue  # the original fell before the cut of the stream
        assert copy["body"] == original["body"]
        assert copy["source"] != original["source"]
        assert copy["credit"] == original.get("credit", original["source"])


def test_updates_follow_their_original_with_raised_counts_and_the_same_item() -> None:
    articles = StreamCorpus(STORIES, seed=5).articles(400)
    updates = [a for a in articles if a.get("version") == 2]
    assert updates
    for update in updates:
        original = next(a for a in articles if a.get("original_id") == update["original_id"] and a["version"] == 1)
        assert original["published"] < update["published"]
        assert (original["url"], original["source"]) == (update["url"], update["source"])
        assert update["body"] == raise_counts(original["body"])
