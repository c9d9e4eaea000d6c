"""Wire-copy shapes: datelines, told-addressee and relative-clause roles, unnamed speakers, acronyms."""

from __future__ import annotations

import pytest

from services.claims.extract import extract_claims


def _claims(body: str, kind: str) -> list:
    return [c for c in extract_claims(body, article_id="t") if c.kind == kind]


def _statements(body: str) -> list[tuple]:
    """(kind, span, text) of every quote and attribution."""
    return [(c.kind, c.span, c.text) for c in extract_claims(body, article_id="t") if c.kind != "figure"]


def _speakers(body: str) -> list[tuple]:
    return [
        (q.quote_type, q.text, q.speaker.name if q.speaker else None,
         q.speaker.as_written if q.speaker else None, q.speaker.role if q.speaker else None, q.cue, q.channel)
        for q in _claims(body, "quote")
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Reuters dateline with date and agency
        ("BEIRUT, Dec 6 (Reuters) - Rebels captured two towns, according to the United Nations.",
         [("attribution", (26, 51), "Rebels captured two towns")]),
        # place and country, em dash
        ("HOMS, Syria — Gunfire was heard in the north, our correspondent Layla Haddad reported.",
         [("quote", (14, 44), "Gunfire was heard in the north")]),
        # AP dateline, after a headline line
        ("Army Holds Line\nWASHINGTON (AP) — Talks have stalled for good, Jane Doe said.",
         [("quote", (34, 61), "Talks have stalled for good")]),
        # two-word place and dotted region, double hyphen
        ("NEWPORT NEWS, Va. -- The yard hired 500 workers, the company said.",
         [("attribution", (21, 47), "The yard hired 500 workers")]),
        # a quote right after a dateline
        ("DALLAS (AP) — “We will win this race,” the senator said.",
         [("quote", (15, 36), "We will win this race")]),
        # not datelines: a lone short capitalised word, a dash inside a sentence
        ("US - China talks have stalled for good, Jane Doe said.",
         [("quote", (0, 38), "US - China talks have stalled for good")]),
        ("Talks - the third round - have stalled, the ministry said.",
         [("attribution", (0, 38), "Talks - the third round - have stalled")]),
    ],
)
def test_dateline_is_not_part_of_a_claim(body: str, expected: list[tuple]) -> None:
    assert _statements(body) == expected


def test_dateline_is_not_part_of_the_sentence() -> None:
    body = "BEIRUT, Dec 6 (Reuters) - Rebels captured two towns, the army said."
    [claim] = _claims(body, "attribution")
    assert claim.sentence == "Rebels captured two towns, the army said."


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # appositive role with "told <addressee>", direct and indirect
        ('"The rebels are near," Rami Abdel Rahman, head of SOHR, told Reuters.',
         [("direct", "The rebels are near", "Rami Abdel Rahman", "Rami Abdel Rahman", "head of SOHR", "told", None)]),
        ("The rebels are now near the city, Rami Abdel Rahman, head of SOHR, told Reuters.",
         [("indirect", "The rebels are now near the city", "Rami Abdel Rahman", "Rami Abdel Rahman",
           "head of SOHR", "told", None)]),
        ("Aid has run out in the camps, Jane Doe, a spokeswoman for the agency, told the BBC on Monday.",
         [("indirect", "Aid has run out in the camps", "Jane Doe", "Jane Doe", "a spokeswoman for the agency",
           "told", None)]),
        # relative-clause roles, normalised; "by phone" is a channel
        ("“We are close,” Rami Abdel Rahman, who heads the Syrian Observatory for Human Rights, "
         "told Cedar News by phone.",
         [("direct", "We are close", "Rami Abdel Rahman", "Rami Abdel Rahman",
           "head of the Syrian Observatory for Human Rights", "told", "by phone")]),
        ("“We are close,” Hassan Abdel Ghani, who leads the southern front, said.",
         [("direct", "We are close", "Hassan Abdel Ghani", "Hassan Abdel Ghani", "leader of the southern front",
           "said", None)]),
        ("“We are close,” Jane Doe, who is a spokeswoman for the agency, said by telephone.",
         [("direct", "We are close", "Jane Doe", "Jane Doe", "a spokeswoman for the agency", "said",
           "by telephone")]),
        # a relative clause that names no role gives no role
        ("“We are close,” Jane Doe, who lives in Homs, said.",
         [("direct", "We are close", "Jane Doe", "Jane Doe", None, "said", None)]),
        # unnamed speaker of indirect speech, then the definite description resolves to it
        ("Rebel units were still 20 kilometres from Homs, a Syrian army officer told the Daily Courier. "
         "“Our forces are holding the line,” the officer said.",
         [("indirect", "Rebel units were still 20 kilometres from Homs", "a Syrian army officer",
           "a Syrian army officer", None, "told", None),
          ("direct", "Our forces are holding the line", "a Syrian army officer", "the officer", None, "said", None)]),
        ("A senior official said talks had stalled. “We are far apart,” the official said.",
         [("indirect", "talks had stalled", "A senior official", "A senior official", None, "said", None),
          ("direct", "We are far apart", "A senior official", "the official", None, "said", None)]),
        # a description with a modifier the earlier one lacks is a different person
        ("An officer said the road was cut. “We are ready,” the naval officer said.",
         [("indirect", "the road was cut", "An officer", "An officer", None, "said", None),
          ("direct", "We are ready", "the naval officer", "the naval officer", None, "said", None)]),
        # a reporter credited by role, with where she reported from
        ("Gunfire was heard in the north, our correspondent Layla Haddad reported from Homs.",
         [("indirect", "Gunfire was heard in the north", "Layla Haddad", "Layla Haddad", "correspondent",
           "reported", None)]),
        ("Shops stayed shut all day, our reporter John Smith said in Damascus.",
         [("indirect", "Shops stayed shut all day", "John Smith", "John Smith", "reporter", "said", None)]),
    ],
)
def test_speakers_and_roles(body: str, expected: list[tuple]) -> None:
    assert _speakers(body) == expected


def test_told_never_makes_the_addressee_a_source() -> None:
    body = "The rebels are now near the city, Rami Abdel Rahman, head of SOHR, told Reuters."
    assert _claims(body, "attribution") == []


def test_figure_is_linked_to_an_unnamed_speakers_statement() -> None:
    body = "Rebel units were still 20 kilometres from Homs, a Syrian army officer told the Daily Courier."
    [quote] = _claims(body, "quote")
    [figure] = _claims(body, "figure")
    assert (figure.text, figure.in_claim_id) == ("20 kilometres", quote.claim_id)
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == "a Syrian army officer"
    assert body[quote.cue_span[0]:quote.cue_span[1]] == "told"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an undefined acronym stays as written
        ("Rebels now stand about five kilometres from Homs, SOHR reported on Friday.",
         [("Rebels now stand about five kilometres from Homs", "SOHR", ())]),
        # defined name-first, used later
        ("The Syrian Observatory for Human Rights (SOHR) is based in Britain. "
         "Rebels now stand near Homs, SOHR reported.",
         [("Rebels now stand near Homs", "Syrian Observatory for Human Rights", ("SOHR",))]),
        # defined acronym-first, with or without the article inside the brackets
        ("SOHR (the Syrian Observatory for Human Rights) is based in Britain. "
         "Rebels now stand near Homs, SOHR reported.",
         [("Rebels now stand near Homs", "Syrian Observatory for Human Rights", ("SOHR",))]),
        ("Rebels seized two towns, according to SOHR (Syrian Observatory for Human Rights).",
         [("Rebels seized two towns", "Syrian Observatory for Human Rights", ("SOHR",))]),
        ("SOHR (Syrian Observatory for Human Rights) said that thousands were fleeing the city.",
         [("thousands were fleeing the city", "Syrian Observatory for Human Rights", ("SOHR",))]),
        # name and acronym as the trailing subject
        ("Thousands are fleeing the city, the Syrian Observatory for Human Rights (SOHR) reported.",
         [("Thousands are fleeing the city", "Syrian Observatory for Human Rights", ("SOHR",))]),
        # brackets that do not spell the acronym define nothing
        ("SOHR (based in Britain) is a monitor. Rebels now stand near Homs, SOHR reported.",
         [("Rebels now stand near Homs", "SOHR", ())]),
    ],
)
def test_sources_resolve_defined_acronyms(body: str, expected: list[tuple]) -> None:
    assert [(a.text, a.source.name, a.source.aliases) for a in _claims(body, "attribution")] == expected
