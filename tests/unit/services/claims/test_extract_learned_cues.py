"""Learned cues: the long tail of reporting verbs, read with the table trained on PolNeAR."""

import pytest

from services.claims import train_cues
from services.claims.extract import extract_claims
from services.claims.extract.learned_cues import cue_rate, cue_runs, cues_in_every_context, features, tokens


def _statements(body: str) -> list[tuple]:
    found = []
    for claim in extract_claims(body, article_id="t"):
        if claim.kind == "quote":
            found.append(("quote", claim.text, claim.cue, claim.speaker.name if claim.speaker else None))
        elif claim.kind == "attribution":
            found.append(("attribution", claim.text, claim.cue, claim.source.name))
    return found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A cue no word list holds, a person before it: an indirect quote.
        ("Christie defended his endorsement of the governor on his radio show.",
         [("quote", "his endorsement of the governor on his radio show", "defended", "Christie")]),
        ("Mr. Putin blamed the tumble in oil prices for the slump.",
         [("quote", "the tumble in oil prices for the slump", "blamed", "Putin")]),
        # A common noun that heads speakers ("poll"): an attribution.
        ("A new poll showed that most voters distrust both candidates.",
         [("attribution", "most voters distrust both candidates", "showed", "A new poll")]),
    ],
)
def test_learned_cues_credit_statements(body: str, expected: list[tuple]) -> None:
    assert _statements(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The book was said to be a bestseller in three countries.",  # passive: the book is no speaker
        "He formally severed ties with the group in 2016.",  # an adverb is not a cue
        "North Korea fired two missiles on Monday.",  # a place is not a source
        "Only time will tell in the most volatile theater of war.",  # "time" is nobody
        "She called it a “historic moment” for the nation.",  # a scare quote, left to the quote rules
        "No quotes at all in this sentence, and no speaker either.",
    ],
)
def test_learned_cues_need_someone_to_credit(body: str) -> None:
    assert _statements(body) == []


def test_cue_runs_are_exact_spans_without_leading_adverbs() -> None:
    body = "Critics have repeatedly questioned whether the plan would work."
    assert [body[s:e] for s, e in cue_runs(body, 0, len(body))] == ["questioned"]


def test_a_context_seen_often_enough_overrides_its_word() -> None:
    rates = {"fired": 0.2, "fired|n=back": 0.6}
    back, missiles = tokens("he fired back"), tokens("he fired missiles")
    assert cue_rate(features(back, 1), rates) == 0.6
    assert cue_rate(features(missiles, 1), rates) == 0.2
    assert cue_rate(features(tokens("he jumped back"), 1), rates) == 0.0
    assert features(tokens("Trump fired back"), 1) == ("fired", "fired|n=back", "fired|p=C")


def test_only_words_above_the_threshold_in_every_context_skip_reading_it() -> None:
    rates = {"said": 0.9, "said|n=:": 0.95, "said|p=it": 0.3, "fired": 0.2, "fired|n=back": 0.6, "noted": 0.5}
    assert cues_in_every_context(rates, 0.25) == frozenset({"said", "noted"})
    assert cues_in_every_context(rates, 0.4) == frozenset({"noted"})


def test_training_counts_cue_tokens_and_speaker_heads() -> None:
    text = "The poll showed gains. The poll showed losses. The poll showed ties. The poll found none."
    quotes = [{"cue_span": [m, m + 6], "speaker": "The poll"} for m in (9, 32, 56)]
    records = [{"text": text, "quotes": quotes}]
    table = train_cues.rates(train_cues.count(records))
    assert table["showed"] == pytest.approx(3 / 4)  # three of three, with one pseudo-miss
    assert "found" not in table  # seen once: below MIN_COUNT
    assert train_cues.speaker_heads(records) == ["poll"]


def test_a_label_in_scare_quotes_far_from_the_cue_does_not_block_it() -> None:
    body = "Senator Elizabeth Warren blasted the nominee on Tuesday for being a “faker” at heart."
    assert _statements(body) == [
        ("quote", "the nominee on Tuesday for being a “faker” at heart", "blasted", "Elizabeth Warren"),
    ]


def test_a_participle_after_a_comma_is_a_second_statement_of_the_same_speaker() -> None:
    body = "Jane Roe said the talks had stalled over the border, adding that a deal was still possible this year."
    assert _statements(body) == [
        ("quote", "the talks had stalled over the border", "said", "Jane Roe"),
        ("quote", "a deal was still possible this year", "adding", "Jane Roe"),
    ]


def test_a_coordinated_cue_is_a_second_statement_of_the_same_speaker() -> None:
    body = "Jane Roe defended the plan for the border and has urged lawmakers to pass it soon."
    assert _statements(body) == [
        ("quote", "the plan for the border", "defended", "Jane Roe"),
        ("quote", "lawmakers to pass it soon", "urged", "Jane Roe"),
    ]


def test_an_adverb_or_an_auxiliary_alone_is_no_cue() -> None:
    body = "Critics often question the plan, and she also noted the cost. They have the votes."
    assert [body[s:e] for s, e in cue_runs(body, 0, len(body))] == ["noted"]
    other = "Sanders often questions the ties of Clinton."
    assert [other[s:e] for s, e in cue_runs(other, 0, len(other))] == ["questions"]  # "often" left out


@pytest.mark.parametrize(
    ("body", "runs"),
    [
        ("The senator has also been a critic of the deal.", ["critic of"]),  # the learned noun cue only
        ("Critics have often been wrong about him.", []),
        ("Clinton has also said the plan works.", ["has also said"]),  # a cue after them keeps them
        # a participle after them is read with them; not in a passive
        ("Federal investigators have also discovered that it failed.", ["have also discovered"]),
        ("The newspaper has also detailed the spending.", ["has also detailed"]),
        ("Cruz has also been hit by hawks in his party.", []),
    ],
)
def test_a_run_of_auxiliaries_and_adverbs_alone_is_no_cue(body: str, runs: list[str]) -> None:
    assert [body[s:e] for s, e in cue_runs(body, 0, len(body))] == runs


def test_according_to_is_left_to_the_attribution_rule() -> None:
    body = "Including superdelegates, Clinton now has at least 723 delegates, according to a count by the AP."
    assert [(kind, cue) for kind, _, cue, _ in _statements(body)] == [("attribution", "according to")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a form of "be" before an "-ing" cue is the subject speaking: the auxiliary is part of the cue
        ("Senator Jane Roe is calling for a new vote on the trade bill.",
         [("quote", "a new vote on the trade bill", "is calling for", "Jane Roe")]),
        ("Jane Roe was referring to the two men who ran the agency before her.",
         [("quote", "the two men who ran the agency before her", "was referring to", "Jane Roe")]),
        # an adverb between the auxiliary and the cue stays inside the cue
        ("The mayor is now urging residents to stay indoors until the storm passes.",
         [("quote", "residents to stay indoors until the storm passes", "is now urging", "The mayor")]),
    ],
)
def test_an_active_progressive_cue_credits_its_subject(body: str, expected: list[tuple]) -> None:
    assert _statements(body) == expected


def test_a_progressive_cue_run_starts_at_its_auxiliary() -> None:
    body = "Critics are questioning the plan, and the mayor has been urging calm."
    assert [body[s:e] for s, e in cue_runs(body, 0, len(body))] == ["are questioning", "been urging"]


@pytest.mark.parametrize(
    "body",
    [
        "The plan was criticized by Democrats as a giveaway to insurers.",  # the plan is not speaking
        "The governor is called a hawk by his critics in the state senate.",
        "The new tariff is being criticized by farmers across the Midwest.",
    ],
)
def test_a_passive_cue_still_credits_no_one(body: str) -> None:
    assert _statements(body) == []


@pytest.mark.parametrize(
    ("body", "cue", "statement"),
    [
        # the words the table reads as part of the cue after it join the cue, not the statement
        ("Jane Roe lashed out at the board for its handling of the budget.",
         "lashed out at", "the board for its handling of the budget"),
        ("Jane Roe pushed for a vote on the trade bill before the recess.",
         "pushed for", "a vote on the trade bill before the recess"),
        # a preposition the table does not read after the cue stays in the statement
        ("Jane Roe defended the plan in front of the board.", "defended", "the plan in front of the board"),
    ],
)
def test_a_cue_run_takes_the_particles_that_belong_to_it(body: str, cue: str, statement: str) -> None:
    start = body.index(cue)
    assert [body[s:e] for s, e in cue_runs(body, start, len(body))][0] == cue
    assert _statements(body) == [("quote", statement, cue, "Jane Roe")]
