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
    ],
)
def test_sentences(body: str, expected: list[str]) -> None:
    assert [body[s:e] for s, e in sentences(body)] == expected


def test_paragraphs_split_on_every_line_break() -> None:
    body = "a\r\nb\x0bc\u2028d"
    assert [body[s:e] for s, e in paragraphs(body)] == ["a", "b", "c", "d"]
