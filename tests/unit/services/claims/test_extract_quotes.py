"""Quotes: direct, mixed and indirect speech, their speakers, roles, cues and channels."""

from __future__ import annotations

import pytest

from services.claims.extract import extract_claims


def _quotes(body: str) -> list[tuple]:
    return [
        (
            c.quote_type,
            c.text,
            c.speaker.name if c.speaker else None,
            c.speaker.role if c.speaker else None,
            c.cue,
            c.channel,
        )
        for c in extract_claims(body, article_id="t")
        if c.kind == "quote"
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # direct, cue after the quote
        ('"We will hold the line," Abdel Ghani said.',
         [("direct", "We will hold the line", "Abdel Ghani", None, "said", None)]),
        ("“We will hold the line,” said Hassan Abdel Ghani.",
         [("direct", "We will hold the line", "Hassan Abdel Ghani", None, "said", None)]),
        # appositive role between commas
        ("“They are five kilometres away,” Rami Abdel Rahman, head of SOHR, revealed.",
         [("direct", "They are five kilometres away", "Rami Abdel Rahman", "head of SOHR", "revealed", None)]),
        # pre-modifier role after an inverted cue
        ("“We are close,” said rebel commander Hassan Abdel Ghani.",
         [("direct", "We are close", "Hassan Abdel Ghani", "rebel commander", "said", None)]),
        # title stripped from the name and kept as the role
        ('Foreign Minister Sergei Lavrov said: "The West is lying to everyone here."',
         [("direct", "The West is lying to everyone here", "Sergei Lavrov", "foreign minister", "said", None)]),
        # unnamed speaker with a channel
        ("“The strikes will continue,” the ministry said in a statement.",
         [("direct", "The strikes will continue", "the ministry", None, "said", "in a statement")]),
        # pronoun resolved to the last named person, short name resolved to the full one
        ("Prime Minister Jane Doe spoke on Monday. “We will rebuild,” she said.",
         [("direct", "We will rebuild", "Jane Doe", "prime minister", "said", None)]),
        ("Rebel commander Hassan Abdel Ghani arrived. “We are close,” Abdel Ghani told reporters.",
         [("direct", "We are close", "Hassan Abdel Ghani", "rebel commander", "told", None)]),
        # split quote: both halves credited
        ("“We are close,” he said, “and we will not stop.”",
         [("direct", "We are close", None, None, "said", None),
          ("direct", "and we will not stop", None, None, "said", None)]),
        # continuation in the next sentence, no cue of its own
        ("“We are close,” Abdel Ghani said. “It is a matter of days.”",
         [("direct", "We are close", "Abdel Ghani", None, "said", None),
          ("direct", "It is a matter of days", "Abdel Ghani", None, None, None)]),
        # quote introduced by a colon
        ("The general told reporters: “Our troops are ready to move.”",
         [("direct", "Our troops are ready to move", "The general", None, "told", None)]),
        # mixed quote inside reported speech, with channel
        ("Rebel commander Hassan Abdel Ghani declared on Telegram that his forces "
         "“continue to march steadily towards the city of Homs.”",
         [("mixed", "continue to march steadily towards the city of Homs", "Hassan Abdel Ghani",
           "rebel commander", "declared", "on Telegram")]),
        # indirect speech
        ("Abdel Ghani said that the rebels would reach the city by Friday.",
         [("indirect", "the rebels would reach the city by Friday", "Abdel Ghani", None, "said", None)]),
        ("A senior official told reporters that talks had stalled completely.",
         [("indirect", "talks had stalled completely", "A senior official", None, "told", None)]),
        ("The talks have stalled for good, Jane Doe said on Friday.",
         [("indirect", "The talks have stalled for good", "Jane Doe", None, "said", None)]),
        # one quoted word in reported speech is not a mixed quote; the sentence is indirect speech
        ("The minister said the plan was “dead.”",
         [("indirect", "the plan was “dead.”", "The minister", None, "said", None)]),
        # straight marks, unbalanced: the open quote runs to the end of its paragraph
        ('He stood up. "We will win this war, whatever it takes, the minister said',
         [("direct", "We will win this war, whatever it takes, the minister said", None, None, None, None)]),
    ],
)
def test_quotes(body: str, expected: list[tuple]) -> None:
    assert _quotes(body) == expected


def test_quote_running_over_paragraphs() -> None:
    body = (
        "“The city is surrounded on three sides,\n"
        "“and the last road out is under fire,” the commander said."
    )
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert quote.text == body[1:body.index(",”")]
    assert quote.text.endswith("under fire")
    assert quote.speaker is not None and quote.speaker.name == "the commander"


@pytest.mark.parametrize(
    "body",
    [
        'He read "War and Peace" twice last summer.',  # a book title
        "Homs was once known as the “capital of the revolution.”",  # a scare quote
        "She called it a “historic moment” for the nation.",  # a quoted noun phrase
        "The so-called “peace plan” collapsed within a week.",
        "Residents were angry at what the mayor dubbed “progress.”",  # one word after a naming verb: a label
        "The new law is what the senator labeled “reform.”",
        "“Hello.”",  # short, uncued
        "",
        "No quotes at all in this sentence, and no speaker either.",
    ],
)
def test_not_quotes(body: str) -> None:
    assert [c for c in extract_claims(body, article_id="t") if c.kind == "quote"] == []


def test_a_longer_quote_after_a_naming_verb_is_still_a_quote() -> None:
    body = "Jane Smith spoke on Monday. She was blunt about what she called “a rigged system that hurts every worker.”"
    (quote,) = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (quote.quote_type, quote.text, quote.speaker.name, quote.cue) == (
        "direct", "a rigged system that hurts every worker", "Jane Smith", "called")


def test_cue_and_speaker_spans_point_into_the_text() -> None:
    body = "“We will win,” Rami Abdel Rahman, head of SOHR, revealed."
    [quote] = extract_claims(body, article_id="t")
    assert body[quote.cue_span[0]:quote.cue_span[1]] == "revealed"
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == "Rami Abdel Rahman"
    assert quote.sentence == body


@pytest.mark.parametrize(
    ("body", "speaker", "speaker_text", "cue"),
    [
        # A speaker the name patterns do not read, after the quote.
        ("“This is a waste of time,” said one Democratic source on the panel.",
         "one Democratic source on the panel", "one Democratic source on the panel", "said"),
        ("“Why didn’t he pay his?” a narrator in the Clinton ad asks.",
         "a narrator in the Clinton ad", "a narrator in the Clinton ad", "asks"),
        # A dash credit under the quote.
        ("“He is ignorant of our culture and of our lives.” ― Pamela Padilla", "Pamela Padilla", "Pamela Padilla",
         None),
    ],
)
def test_loose_speakers_after_a_quote(body: str, speaker: str, speaker_text: str, cue: str | None) -> None:
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert quote.speaker.name == speaker
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == speaker_text
    assert quote.cue == cue


def test_an_uncued_quote_after_reported_speech_is_that_speakers() -> None:
    body = ("The administration may be reluctant to act, Adam Schiff said. “The other factor is the appearance of "
            "tipping the scales in the election.”")
    quotes = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert [(q.quote_type, q.speaker.name, q.speaker.span) for q in quotes] == [
        ("indirect", "Adam Schiff", (44, 55)),
        ("direct", "Adam Schiff", None),
    ]
    assert quotes[1].text == "The other factor is the appearance of tipping the scales in the election"


def test_a_bare_weekday_after_the_cue_is_its_time() -> None:
    body = "“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday."
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (quote.speaker.name, quote.cue) == ("Tulsa police Chief Chuck Jordan", "said")
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == "Tulsa police Chief Chuck Jordan"


def test_a_cue_closing_the_paragraph_with_a_colon_credits_the_quote_below() -> None:
    body = "Pat Caddell continued:\n\n“The health issue overall is very much a partisan issue.”"
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (quote.text, quote.speaker.name, quote.cue) == (
        "The health issue overall is very much a partisan issue", "Pat Caddell", "continued")
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == "Pat Caddell"


@pytest.mark.parametrize(
    ("body", "quote_type", "text", "speaker", "cue"),
    [
        # A learned cue before the quote.
        ("President Barack Obama spoke in Yangon. He called Burma a “good news story in an era when so often "
         "we see countries going the other way.”", "mixed",
         "good news story in an era when so often we see countries going the other way", "Barack Obama", "called"),
        # A learned cue closing the sentence after the quote, with a speaker no name pattern reads.
        ("“Though there are still four years to go, business leaders honored him for the comeback,” a friend "
         "lamented.", "direct", "Though there are still four years to go, business leaders honored him for the "
         "comeback", "a friend", "lamented"),
    ],
)
def test_learned_cues_around_quotes(body: str, quote_type: str, text: str, speaker: str, cue: str) -> None:
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (quote.quote_type, quote.text, quote.speaker.name, quote.cue) == (quote_type, text, speaker, cue)


@pytest.mark.parametrize(
    ("body", "speaker_text", "cue"),
    [
        ("The New York businessman says of Clinton, “If she gets the chance, she will put the office up for sale.”",
         "The New York businessman", "says"),
        ("In the ad, the announcer said, “It’s 3 a.m., and your children are safe and asleep.”",
         "the announcer", "said"),
        ("Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”", "Ellis", "said"),
        ("According to Limbaugh, “If it was left up to her, she wouldn’t have time to talk about it.”",
         "Limbaugh", "according to"),
        ("While debating, a friend commented: “For you, immigration is the most important reason to vote.”",
         "a friend", "commented"),
        # After the quote: an appositive between the speaker and a cue closing the sentence.
        ("“It’s an invasion, in our estimation, of the state regulatory domain,” Scott Pruitt, the Republican "
         "attorney general of Oklahoma, one of the states suing the EPA, said.", "Scott Pruitt", "said"),
        ("“They are 100 percent wrong,” said 9/11 widow Terry Strada.", "9/11 widow Terry Strada", "said"),
    ],
)
def test_loose_speakers_around_a_quote(body: str, speaker_text: str, cue: str) -> None:
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == speaker_text
    assert quote.cue == cue


@pytest.mark.parametrize(
    ("body", "speaker", "as_written", "cue"),
    [
        # A cue closing the paragraph above, read loosely.
        ("Small donors are rare.\n\nThe New York Times reports:\n\n“In an illustration of the lack of enthusiasm, "
         "donors are few.”", "The New York Times", "The New York Times", "reports"),
        # A participle before the quote: its subject opens the sentence.
        ("Howard Dean spoke on Monday. He then defended the remark, saying, “I don’t think this is a ridiculous "
         "idea at all.”", "Howard Dean", "He", "saying"),
    ],
)
def test_more_cues_before_a_quote(body: str, speaker: str, as_written: str, cue: str) -> None:
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (quote.speaker.name, quote.speaker.as_written, quote.cue) == (speaker, as_written, cue)


def test_a_subject_no_name_pattern_reads_before_a_mixed_quote() -> None:
    body = ("A Government Accountability Office report released last year found that the agency could not be sure "
            "the money was not coming from “the drug trade, human trafficking or other criminal activities.”")
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert quote.quote_type == "mixed" and quote.cue == "found"
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == (
        "A Government Accountability Office report released last year")
    assert quote.text.startswith("the agency could not be sure")


def test_a_participle_after_the_cue_is_the_speakers_next_statement() -> None:
    body = ("“We are going to take a much more proactive role,” Bill Ackman said, adding that Steve Fraidin joined "
            "the board last week.")
    quotes = [(c.quote_type, c.text, c.cue, c.speaker.name) for c in extract_claims(body, article_id="t")
              if c.kind == "quote"]
    assert quotes == [
        ("direct", "We are going to take a much more proactive role", "said", "Bill Ackman"),
        ("indirect", "Steve Fraidin joined the board last week", "adding", "Bill Ackman"),
    ]


def test_a_learned_participle_after_the_cue_is_the_speakers_next_statement() -> None:
    body = ("“The port will reopen on time,” said Nora Vance, the harbour master, echoing the assurances the "
            "minister gave in March.")
    quotes = [(c.quote_type, c.text, c.cue, c.speaker.name) for c in extract_claims(body, article_id="t")
              if c.kind == "quote"]
    assert quotes == [
        ("direct", "The port will reopen on time", "said", "Nora Vance"),
        ("indirect", "the assurances the minister gave in March", "echoing", "Nora Vance"),
    ]


def test_an_ing_word_that_is_no_cue_makes_no_tail() -> None:
    body = "“The port will reopen on time,” said Nora Vance, leaving the room before any questions were asked."
    assert [c.cue for c in extract_claims(body, article_id="t") if c.kind == "quote"] == ["said"]


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        # an inverted cue whose speaker carries a party tag and an appositive
        ("“The count was fair and it was final,” said former county clerk Ann Brody (D), a veteran of the board.",
         "former county clerk Ann Brody", "said"),
        # a relative clause after the speaker of an inverted cue
        ("“The count was fair and it was final,” said one longtime poll watcher, who asked not to be named.",
         "one longtime poll watcher", "said"),
        # an addressee and a time phrase after a cue that follows an unnamed-pattern speaker
        ("“The count was fair,” political scientist Ann Brody told the Ledger in late May.",
         "political scientist Ann Brody", "told"),
    ],
)
def test_a_loose_speaker_after_a_quote_may_carry_a_description(body: str, speaker: str, cue: str) -> None:
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (quote.quote_type, quote.speaker.as_written, quote.cue) == ("direct", speaker, cue)
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == speaker


def _inverted(body: str) -> list[tuple]:
    return [(c.span, c.speaker.as_written, c.speaker.span, c.cue) for c in extract_claims(body, article_id="t")
            if c.kind == "quote"]


@pytest.mark.parametrize(
    ("body", "statement", "speaker", "speaker_text"),
    [
        # a quantifier and a plural noun for people after an inverted cue: the group speaks
        ("The vote was a rebuke to the party leadership, said several observers.",
         "The vote was a rebuke to the party leadership", "observers", "several observers"),
        ("The talks had stalled over the border, said two senior officials.",
         "The talks had stalled over the border", "two senior officials", "two senior officials"),
        # a capitalised plural is a group too
        ("The deal may not be such a bad thing, said many Democrats in the House.",
         "The deal may not be such a bad thing", "Democrats", "many Democrats"),
    ],
)
def test_a_quantified_group_after_an_inverted_cue_is_the_speaker(
    body: str, statement: str, speaker: str, speaker_text: str
) -> None:
    start, speaker_start = body.index(statement), body.index(speaker_text)
    speaker_end = speaker_start + len(speaker_text)
    assert _inverted(body) == [
        ((start, start + len(statement)), speaker, (speaker_end - len(speaker), speaker_end), "said")
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The bill will pass easily, said some.",  # a quantifier alone is nobody
        "The bill will pass easily, said many in the party.",  # nor before a preposition
        "The bridge will reopen in March, said two weeks of rumours.",  # nor before a noun that is no one
    ],
)
def test_a_quantifier_without_a_noun_for_people_is_no_speaker(body: str) -> None:
    assert [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}] == []


def test_a_scare_quote_before_a_quote_does_not_take_its_cue() -> None:
    # "“old friend”" is no claim, so the cue before it still credits the quote after it.
    body = "Mayor Dana Okafor says her “old friend” Lee Park ran “a campaign of ideas, not insults, from start to finish.”"
    assert _quotes(body) == [
        ("mixed", "a campaign of ideas, not insults, from start to finish", "Dana Okafor", "mayor", "says", None)
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an appositive may hold initials ("D.C.") and run past 80 characters
        ("Omar Said, the chairman of the D.C. budget committee, said: “The levy will pass.”",
         [("direct", "The levy will pass", "Omar Said", "the chairman of the D.C. budget committee", "said", None)]),
        ("“The levy will pass,” Omar Said, the chairman of the D.C. budget committee, said.",
         [("direct", "The levy will pass", "Omar Said", "the chairman of the D.C. budget committee", "said", None)]),
        ("Omar Said, a county commissioner from the north side and the chairman of the budget committee, said: "
         "“The levy will pass.”",
         [("direct", "The levy will pass", "Omar Said", None, "said", None)]),
    ],
)
def test_long_appositives_between_speaker_and_cue(body: str, expected: list[tuple]) -> None:
    assert _quotes(body) == expected


def test_a_weekday_is_never_a_speaker() -> None:
    # "Friday" is the capitalised word before the cue, but a day says nothing; no speaker, no claim.
    body = "On Friday, Ortiz took a lighter tone, still calling out the council while praising the recovery."
    assert _quotes(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "NOW OPEN—“Pop-up art show strives to bring the harbor to the old mill district,” by Harbor Daily's Ana Ruiz.",
        "Among his recent reads is ''A Short History of the Long Harbor Strike,'' by T.R. Okafor.",
    ],
)
def test_a_quoted_title_with_its_byline_is_no_quote(body: str) -> None:
    assert _quotes(body) == []


def test_a_passives_agent_after_a_quote_is_no_byline() -> None:
    body = "Ana Ruiz said the budget had been “written in the dark, for the few” by the council staff."
    assert _quotes(body) == [
        ("mixed", "the budget had been “written in the dark, for the few” by the council staff", "Ana Ruiz", None,
         "said", None)
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a reason cited is the subject's statement, not a source
        ("Mayor Ana Ruiz closed the pier last year, citing fears of another collapse.",
         [("indirect", "fears of another collapse", "Ana Ruiz", "mayor", "citing", None)]),
        ("“It is a reflection of real frustration,” Ruiz said, citing low turnout in the northern districts.",
         [("direct", "It is a reflection of real frustration", "Ruiz", None, "said", None),
          ("indirect", "low turnout in the northern districts", "Ruiz", None, "citing", None)]),
    ],
)
def test_citing_a_reason_is_the_speakers_statement(body: str, expected: list[tuple]) -> None:
    assert _quotes(body) == expected


@pytest.mark.parametrize(
    ("body", "speaker", "cue"),
    [
        ("Mayor Ana Ruiz noted that she had taught civics for a decade, and added: “I know a little about this.”",
         "Ana Ruiz", "added"),
        ("Ana Ruiz did not name her rivals, but told the crowd: “Our harbor is in trouble and we must act.”",
         "Ana Ruiz", "told"),
    ],
)
def test_a_lone_coordinator_before_the_cue_is_no_speaker(body: str, speaker: str, cue: str) -> None:
    assert [(row[2], row[4]) for row in _quotes(body) if row[0] == "direct"] == [(speaker, cue)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the reporter's words carry the quoted clause on: a mixed quote of the whole clause
        ("Ruiz said “it makes me angry” every time she drives past the closed harbor school.",
         [("mixed", "“it makes me angry” every time she drives past the closed harbor school", "Ruiz", None, "said",
           None)]),
        # a colon or comma opens a direct quote; nothing carries on after the closing mark
        ("Ruiz said: “It makes me angry” every time she drives past the closed harbor school.",
         [("direct", "It makes me angry", "Ruiz", None, "said", None)]),
        ("Ruiz said “it makes me angry.”",
         [("direct", "it makes me angry", "Ruiz", None, "said", None)]),
    ],
)
def test_a_quote_the_sentence_carries_on_is_mixed(body: str, expected: list[tuple]) -> None:
    assert _quotes(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the reporter's words open the sentence and the cue follows the quote: a mixed quote of the clause
        ("Ruiz tried to distance herself from the council, and in doing so she “made a costly mistake,” Lee said.",
         [("mixed", "Ruiz tried to distance herself from the council, and in doing so she “made a costly mistake,”",
           "Lee", None, "said", None)]),
        # the quoted words are most of the clause: they stay the quote
        ("The port is “a perfect example of adapting,” Ruiz said.",
         [("direct", "a perfect example of adapting", "Ruiz", None, "said", None)]),
    ],
)
def test_a_quote_with_the_reporters_words_before_it_and_its_cue_after(body: str, expected: list[tuple]) -> None:
    assert _quotes(body) == expected


def test_a_continuation_after_a_question_ending_its_sentence_before_the_cue_has_the_speaker() -> None:
    # "“Why me?” Ruiz said." holds two sentences for the splitter: the question, then the cue.
    body = "“Why is he attacking me?” Ruiz said. “He has to beat seven other people before he gets to me.”"
    assert [(row[1], row[2], row[4]) for row in _quotes(body)] == [
        ("Why is he attacking me?", "Ruiz", "said"),
        ("He has to beat seven other people before he gets to me", "Ruiz", None),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # typewriter marks: a nested single quote closing with the double one ("'''") keeps the pairing
        ("''Voters want more than 'We will bomb them,''' said Senator John McCain. ''They want a plan.''",
         [("direct", "Voters want more than 'We will bomb them,'", "John McCain", "senator", "said", None),
          ("direct", "They want a plan", "John McCain", "senator", None, None)]),
        ("''We are told all the time, 'Kosovo is a special case,''' Mr. Putin said. ''It is all lies.''",
         [("direct", "We are told all the time, 'Kosovo is a special case,'", "Putin", None, "said", None),
          ("direct", "It is all lies", "Putin", None, None, None)]),
    ],
)
def test_a_nested_quote_closing_with_its_double_mark(body: str, expected: list[tuple]) -> None:
    assert _quotes(body) == expected


@pytest.mark.parametrize(
    ("body", "role"),
    [
        ("“The plan is late,” said White House spokesman Josh Earnest.", "white house spokesman"),
        ("White House spokesman Josh Earnest said the plan was late.", "white house spokesman"),
        ("“The plan is late,” said House spokesman Josh Earnest.", "house spokesman"),
    ],
)
def test_the_house_a_role_sits_in_is_part_of_the_role(body: str, role: str) -> None:
    assert [(name, found) for _, _, name, found, _, _ in _quotes(body)] == [("Josh Earnest", role)]
