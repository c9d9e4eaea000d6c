"""Attributions: statements credited to a source without quote marks, and aliases."""

from __future__ import annotations

import pytest

from services.claims.extract import extract_claims


def _attributions(body: str) -> list[tuple]:
    return [
        (c.text, c.source.name, c.source.aliases, c.cue)
        for c in extract_claims(body, article_id="t")
        if c.kind == "attribution"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Rebels seized two towns, according to the Syrian Observatory for Human Rights (SOHR).",
         [("Rebels seized two towns", "Syrian Observatory for Human Rights", ("SOHR",), "according to")]),
        # acronym defined earlier, used later
        ("The Syrian Observatory for Human Rights (SOHR) is based in Britain. "
         "Thousands are fleeing the city, SOHR reported.",
         [("Thousands are fleeing the city", "Syrian Observatory for Human Rights", ("SOHR",), "reported")]),
        ("According to the United Nations, aid convoys were blocked at the border.",
         [("aid convoys were blocked at the border", "United Nations", (), "according to")]),
        ("Prices rose sharply in March, citing the central bank.",
         [("Prices rose sharply in March", "central bank", (), "citing")]),
        # commas set the cue off inside the sentence: the statement is the sentence
        ("One of the options, according to a person close to the council, is to sell the harbor.",
         [("One of the options, according to a person close to the council, is to sell the harbor",
           "a person close to the council", (), "according to")]),
        # but a description of the source after it is no part of the statement
        ("The council broke the rule, according to Ana Ruiz, a former prosecutor.",
         [("The council broke the rule", "Ana Ruiz", (), "according to")]),
        # a capitalised cue opens its clause, even after a colon
        ("It has not gone unnoticed: According to the ministry, the harbor holds only 14 ships.",
         [("the harbor holds only 14 ships", "ministry", (), "according to")]),
        # initials inside the source
        ("Median income rose by 0.8 percent over the decade, according to U.S. Census data.",
         [("Median income rose by 0.8 percent over the decade", "U.S. Census data", (), "according to")]),
        # a record cited is a source too
        ("The council delayed the vote, citing a report by the state auditor.",
         [("The council delayed the vote", "a report by the state auditor", (), "citing")]),
        ("The ministry said the toll had risen to 45.",
         [("the toll had risen to 45", "ministry", (), "said")]),
        ("The World Health Organization (WHO) said that cases had doubled since May.",
         [("cases had doubled since May", "World Health Organization", ("WHO",), "said")]),
        ("Reuters reported that the convoy had reached the city.",
         [("the convoy had reached the city", "Reuters", (), "reported")]),
        # a poll frames the findings of its sentence
        ("In a Marist College poll released Tuesday, 48 percent of voters backed the levy.",
         [("48 percent of voters backed the levy", "a Marist College poll released Tuesday", (), "in")]),
        ("In recent statewide surveys, the mayor has trailed her challenger by six points.",
         [("the mayor has trailed her challenger by six points", "recent statewide surveys", (), "in")]),
        ("The governor held a 12-point lead among suburban women in a Quinnipiac poll of likely voters.",
         [("The governor held a 12-point lead among suburban women", "a Quinnipiac poll of likely voters", (),
           "in")]),
    ],
)
def test_attributions(body: str, expected: list[tuple]) -> None:
    assert _attributions(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "The attack was claimed by Al-Nusra Front, the precursor to HTS.",
        "North Korea fired two missiles on Monday.",
        "Jane Doe said that the talks had stalled.",  # a person: indirect quote, not attribution
        "“Prices will rise,” the ministry said.",  # quoted: a quote, not attribution
        "The senator has slipped badly in the polls since the debate.",  # a standing, not one poll's finding
        "Voters in the county head to the polls on Tuesday.",  # voting
        "In a poll, nothing.",  # too short to be a finding
    ],
)
def test_not_attributions(body: str) -> None:
    assert _attributions(body) == []
