"""Sentence and paragraph spans."""

from __future__ import annotations

import pytest

from services.claims.extract.sentences import paragraphs, sentences


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Gen. Smith left. He came back.", ["Gen. Smith left.", "He came back."]),
        ("The U.S. army left. It rained.", ["The U.S. army left.", "It rained."]),
        ("“Will it fall?” he asked. Nobody knew.", ["“Will it fall?” he asked.", "Nobody knew."]),
        ("“We are close,” he said. “Now go.”", ["“We are close,” he said.", "“Now go.”"]),
        ("Headline\nBody text here.", ["Headline", "Body text here."]),
        ("  \n\n", []),
        ("第一句。第二句。", ["第一句。", "第二句。"]),
        # Latin and CJK stops in one text: both kinds of end are read.
        ("He left. 第一句。She stayed!", ["He left.", "第一句。", "She stayed!"]),
        ("Wait... what? No.", ["Wait... what?", "No."]),
        # After "U.S." or "Inc." a pronoun or capitalised function word opens a new sentence ...
        ("He lives in the U.S. He says it works.", ["He lives in the U.S.", "He says it works."]),
        ("They met at the U.N. The council voted.", ["They met at the U.N.", "The council voted."]),
        ("It was Smith Jr. He said so.", ["It was Smith Jr.", "He said so."]),
        ("He left the U.S. “We won,” he said.", ["He left the U.S.", "“We won,” he said."]),
        # ... but not a name, a word glued to a hyphen, or anything after a title or an initial.
        ("The U.S. Army left.", ["The U.S. Army left."]),
        # the "v." and "vs." between a case's or a contest's parties
        ("The court upheld Roe v. Wade in 1992. It stood.", ["The court upheld Roe v. Wade in 1992.", "It stood."]),
        ("It was Clinton vs. Trump all year. Then it ended.", ["It was Clinton vs. Trump all year.", "Then it ended."]),
        ("The U.S. A-10 jets flew.", ["The U.S. A-10 jets flew."]),
        ("Dr. He Jiankui spoke.", ["Dr. He Jiankui spoke."]),
        ("John F. He spoke.", ["John F. He spoke."]),
    ],
)
def test_sentences(body: str, expected: list[str]) -> None:
    assert [body[s:e] for s, e in sentences(body)] == expected


def test_paragraphs_split_on_every_line_break() -> None:
    body = "a\r\nb\x0bc\u2028d"
    assert [body[s:e] for s, e in paragraphs(body)] == ["a", "b", "c", "d"]
