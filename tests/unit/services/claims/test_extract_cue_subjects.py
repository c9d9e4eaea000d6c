"""The subject read backwards from a cue names someone, not a stray adverb, auxiliary or verb."""

from __future__ import annotations

import pytest

from services.claims.extract import extract_claims


def _only_statement(body: str) -> tuple:
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    assert claim.text == body[claim.span[0]:claim.span[1]]
    who = claim.speaker.as_written if claim.kind == "quote" else claim.source.name
    return claim.kind, claim.text, who, claim.cue


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A negated auxiliary between subject and cue is stripped like "has" (was "don’t").
        ("The mayors met on Monday. They don’t want the plant to close before the winter.",
         ("quote", "the plant to close before the winter", "They", "want")),
        # Every introductory segment before the subject is skipped (was "however").
        ("On Tuesday, however, the chairman of the panel, Jane Doe, said that the hearing would go ahead.",
         ("attribution", "the hearing would go ahead", "chairman of the panel", "said")),
        # A verb with its object is no subject (was "sounded a hopeful").
        ("Mark Ortiz, the head of the union, sounded a hopeful note about the new contract.",
         ("quote", "hopeful note about the new contract", "Mark Ortiz", "sounded a")),
        # Adverbs before a pronoun leave the pronoun (was "naturally they").
        ("Local business owners met the mayor; naturally they expected a tax cut for the district.",
         ("quote", "a tax cut for the district", "they", "expected")),
        # A participle modifying the subject stays in it.
        ("Elected officials from both counties say the bridge will open next spring.",
         ("quote", "the bridge will open next spring", "Elected officials from both counties", "say")),
    ],
)
def test_subject_names_someone(body: str, expected: tuple) -> None:
    assert _only_statement(body) == expected


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        ("Mayor Ann Cole thanked the volunteers and then added: “We will count every ballot.”",
         "We will count every ballot", "Ann Cole"),
        ("The governor said the count was slow but added, “We have an idea of the results.”",
         "We have an idea of the results", "The governor"),
        # Not "Dana Ortiz said it": the subject is a noun phrase, a pronoun stands alone.
        ("Dana Ortiz said it was too early to call the vote but added, “We have an idea of the results.”",
         "We have an idea of the results", "Dana Ortiz"),
        # A surname alone opens the sentence when the article names the person in full (not
        # "Wilson praised Rubio").
        ("Rep. Joe Wilson spoke first. Wilson praised Rubio’s record and added, “He will bring change.”",
         "He will bring change", "Wilson"),
    ],
)
def test_a_cue_after_and_or_but_takes_the_sentence_subject(body: str, text: str, speaker: str) -> None:
    # Was the whole clause before the cue ("Mayor Ann Cole thanked the volunteers and then").
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote" and c.quote_type == "direct"]
    assert (quote.text, quote.speaker.as_written, quote.cue) == (text, speaker, "added")
