"""A colon headline credits its speaker, but a list of short "Name: label" paragraphs quotes no one."""

from __future__ import annotations

from services.claims.extract import extract_claims


def _statements(body: str) -> list[tuple]:
    return [(c.text, c.speaker.as_written, c.cue) for c in extract_claims(body, article_id="t") if c.kind == "quote"]


def test_short_labels_of_a_list_are_no_quotes() -> None:
    body = ("What each candidate needs.\n\nSanders: Win in a walk.\n\nBernie Sanders leads in the polls."
            "\n\nClinton: Keep it close.\n\nHillary Clinton trails Sanders.")
    assert _statements(body) == []


def test_a_lone_colon_headline_is_still_a_quote() -> None:
    body = "Clinton: I support statehood for the District.\n\nHillary Clinton spoke on Monday in Washington."
    assert _statements(body) == [("I support statehood for the District", "Clinton", ":")]


def test_a_long_statement_beside_labels_is_still_a_quote() -> None:
    body = ("Sanders: Win in a walk.\n\nClinton: Keep it close.\n\n"
            "Cruz: The establishment has never liked my campaign and never will.\n\nTed Cruz spoke in Iowa.")
    assert _statements(body) == [("The establishment has never liked my campaign and never will", "Cruz", ":")]
