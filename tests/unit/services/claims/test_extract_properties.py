"""Property: any text gives claims whose spans lie inside it, and extraction never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.claims.extract import extract_claims

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

