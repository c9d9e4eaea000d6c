"""Property: any text gives claims whose spans lie inside it, and extraction never raises."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from services.claims.extract import extract_claims
from services.claims.extract.learned_cues import _token_before
from services.claims.extract.names import _NAME_RE, _name_runs
from services.claims.extract.sentences import _word_before

# Pieces that exercise the rules: quote marks of every kind, cues, names, numbers, line breaks and
# control characters, mixed with arbitrary text in any script.
_PIECES = st.sampled_from([
    "“", "”", '"', "«", "»", "„", ",”", ".”", " said ", " told reporters ", " according to ",
    "Hassan Abdel Ghani", "he", "SOHR", " (SOHR) ", "Syrian Observatory for Human Rights", "\n", "\r\n",
    "\u2028", "\x00", "\x0b", "\x1c", "five kilometers—barely three miles", "over 100 people", "$2.3bn",
    "Tens of thousands of", "third-largest", "10-20", "between 1 and", " 2014 ", ".", ", ", ": ",
    "قال المرصد السوري", "叙利亚人权观察站说", "Сирийская обсерватория", "\u200b", "\ufeff", "%",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=20)), max_size=60).map("".join)


def _assert_well_formed(body: str) -> None:
    claims = extract_claims(body, article_id="prop")
    assert len({c.claim_id for c in claims}) == len(claims), "a claim was given twice"
    for claim in claims:
        # Valid as the schema reads it: its JSON validates back to the same claim and the same JSON
        # (a list for a span, a missing or mistyped field would not). Claims are built validated:
        # ``model_construct`` is slower under pydantic 2.14 (6.7 vs 3.4 us a FigureClaim).
        as_json = claim.model_dump_json()
        assert type(claim).model_validate_json(as_json) == claim
        assert type(claim).model_validate_json(as_json).model_dump_json() == as_json
        start, end = claim.span
        assert 0 <= start < end <= len(body)
        assert claim.text == body[start:end]
        s_start, s_end = claim.sentence_span
        assert 0 <= s_start <= start and end <= s_end <= len(body)
        assert claim.sentence == body[s_start:s_end]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_gives_spans_inside_it(body: str) -> None:
    _assert_well_formed(body)


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_arbitrary_unicode(body: str) -> None:
    _assert_well_formed(body)


def test_empty_and_huge_texts() -> None:
    assert extract_claims("", article_id="prop") == ()
    assert extract_claims(" \n\t", article_id="prop") == ()
    seed_like = "“We are close,” Abdel Ghani said. Over 100 people were killed, SOHR reported.\n"
    _assert_well_formed(seed_like * 2000)
    _assert_well_formed("“" * 5000 + "a" * 5000 + "”" * 5000)
    _assert_well_formed("1," * 5000)



# Two readings done backwards from a position for speed, each against the regular expression it
# replaced (a search anchored at the end of the window). Alphabets hold the characters each treats
# differently: letters of both cases, the token punctuation, apostrophes, hyphens, dots, line breaks.
_WINDOWS = st.tuples(st.text(alphabet="aZb c'’-:,“”\".1é\t\n", max_size=16), st.integers(0, 16), st.integers(0, 16))
_LAST_TOKEN = re.compile(r"([A-Za-z][A-Za-z’'-]*|[:,“”\"])[^A-Za-z’'\-:,“”\"]*\Z")
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")


@example(("said '-ab, ", 0, 11))  # a run opening on an apostrophe and a hyphen: the token starts on "a"
@example(("X “", 0, 3))  # a quote mark is a token
@example(("Smith", 2, 5))  # a word cut by the window's start
@given(_WINDOWS)
def test_the_token_before_a_cue_is_the_last_token_of_its_window(window: tuple[str, int, int]) -> None:
    text, lo, hi = window
    lo, hi = sorted((min(lo, len(text)), min(hi, len(text))))
    found = _LAST_TOKEN.search(text, lo, hi)
    assert _token_before(text, lo, hi) == (found.group(1) if found else "")


@example(("met Gen\n", 0, 8))  # ``$`` matches before a closing line break
@example(("the U.S.", 0, 8))
@example(("x .a", 0, 4))  # a word starts on a letter, not on a dot
@given(_WINDOWS)
def test_the_word_before_a_period_is_the_last_word_of_its_window(window: tuple[str, int, int]) -> None:
    text, lo, hi = window
    lo, hi = sorted((min(lo, len(text)), min(hi, len(text))))
    found = _LAST_WORD.search(text, lo, hi)
    assert _word_before(text, lo, hi) == (found.group(1) if found else "")


# Pieces of names and what surrounds them: titles, particles, cue words in headlines, hyphens.
_NAME_PIECES = st.sampled_from([
    "Mr.", "Mrs. ", "Gov. ", "Sen.", " Dr. ", "Barack", "Obama", "O’Brien", "al-Assad", "bin", "Laden", " al-",
    "ash-Sham", "abu-Bakr", "ex-Gov", "Al-Nusra", "Says", "Said", "Tells ", "Calls For", "Clinton", " of ", " for ",
    "van", "Élise", "-", " ", "\t", "\u00a0", ". ", "’s", "'", "the", "x", "\n",
])


@settings(max_examples=400)
@given(st.lists(_NAME_PIECES, max_size=20).map("".join), st.integers(0, 40), st.integers(0, 200))
def test_name_runs_are_the_name_pattern_s_matches(text: str, lo: int, hi: int) -> None:
    lo, hi = min(lo, len(text)), min(max(lo, hi), len(text))
    expected = [m.span() for m in _NAME_RE.finditer(text, lo, hi)]
    assert [m.span() for m in _name_runs(text, lo, hi)] == expected
