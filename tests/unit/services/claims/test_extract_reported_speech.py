"""Reported speech read from its cue, typewriter quote marks, and pronouns resolved outside quotes."""

from __future__ import annotations

import pytest

from services.claims.extract import extract_claims
from services.claims.extract.names import find_names
from services.claims.extract.quote_marks import quoted_regions
from services.claims.extract.sentences import paragraphs


def _statements(body: str) -> list[tuple]:
    """(type, span, speaker or source, role, cue) of every quote and attribution."""
    rows = []
    for c in extract_claims(body, article_id="t"):
        assert c.text == body[c.span[0]:c.span[1]]
        if c.kind == "quote":
            rows.append((c.quote_type, c.span, c.speaker.name if c.speaker else None,
                         c.speaker.role if c.speaker else None, c.cue))
        elif c.kind == "attribution":
            rows.append(("attribution", c.span, c.source.name, None, c.cue))
    return rows


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return (start, start + len(text))


_CASES = [
    # X said S, with an introductory phrase and a plural unnamed subject (its quantifier is dropped)
    ("After the town hall, several local voters said the new tariffs had cut their income in half.",
     "the new tariffs had cut their income in half", "indirect", "local voters", None, "said"),
    # X, appositive, said S: the appositive is the role
    ("Maria Lopez, a spokeswoman for the union, said the strike would continue into next week.",
     "the strike would continue into next week", "indirect", "Maria Lopez", "a spokeswoman for the union",
     "said"),
    # S1, X said, S2: a parenthetical cue credits the whole sentence
    ("Senator Ana Ruiz spoke first. Most of the golf courses closed in the northern districts since 2009, "
     "Ruiz said on Monday, were public ones.",
     "Most of the golf courses closed in the northern districts since 2009, Ruiz said on Monday, were public ones",
     "indirect", "Ana Ruiz", "senator", "said"),
    # verb with an infinitive
    ("The governor vowed to veto any bill that raised the gas tax.",
     "to veto any bill that raised the gas tax", "indirect", "The governor", None, "vowed"),
    # a participle credits the subject of the main clause
    ("The senator rallied supporters in Ohio, saying the election would be decided by turnout.",
     "the election would be decided by turnout", "indirect", "The senator", None, "saying"),
    # S, X told Y: the addressee is not the speaker
    ("The plant will close by June, one manager told the Ledger.",
     "The plant will close by June", "indirect", "one manager", None, "told"),
    # "X pointed out that S": a multi-word cue; adverbs between subject and cue
    ("Jane Doe has repeatedly pointed out that the bridge is older than the city itself.",
     "the bridge is older than the city itself", "indirect", "Jane Doe", None, "pointed out"),
    # a pronoun subject of an opinion verb resolves to the person named before
    ("Congressman Tom Bell arrived late. He believes the deal will collapse before the summer.",
     "the deal will collapse before the summer", "indirect", "Tom Bell", "congressman", "believes"),
    # typewriter quote marks ('' … '') and a cue clause that runs on past the cue
    ("''We will not back down,'' Mr. Okafor said at a rally in Toledo on Sunday.",
     "We will not back down", "direct", "Okafor", None, "said"),
    ("``The vote is rigged,'' the mayor said.", "The vote is rigged", "direct", "the mayor", None, "said"),
    # a mixed quote that is only part of its clause is credited the clause
    ("Jane Doe said she was “deeply troubled and saddened” by the ruling, which she called an attack on the court.",
     "she was “deeply troubled and saddened” by the ruling, which she called an attack on the court", "mixed",
     "Jane Doe", None, "said"),
    # an inverted "say" after the statement
    ("The new plant will not open before 2027, say two senior officials.",
     "The new plant will not open before 2027", "indirect", "two senior officials", None, "say"),
    # "telling" an addressee at a place, then "that": the statement starts after "that"
    ("Dr. Ana Ruiz is telling patients at the clinic that the new drug is safe for children.",
     "the new drug is safe for children", "indirect", "Ana Ruiz", None, "telling"),
    # "is telling reporters" before a quote names an addressee: a direct quote, not a mixed one
    ("Dr. Ana Ruiz is telling reporters “the new drug is safe for children.”",
     "the new drug is safe for children", "direct", "Ana Ruiz", None, "is telling"),
]


@pytest.mark.parametrize(("body", "text", "quote_type", "speaker", "role", "cue"), _CASES)
def test_reported_speech_shapes(body: str, text: str, quote_type: str, speaker: str, role, cue: str) -> None:
    assert _statements(body)[-1] == (quote_type, _span(body, text), speaker, role, cue)


@pytest.mark.parametrize(
    "body",
    [
        "The book was said to be a bestseller in three countries.",  # passive "said"
        'He read "The Things They Said" on the train last week.',  # a title holding a cue word
        "What she said made no difference to the outcome of the vote.",  # "said" inside a clause subject
        "Do you think the plan will work?",  # an opinion verb in a question with no statement after
        "The said property was sold at auction in March.",  # "said" as an adjective
        "The senator rallied supporters in Ohio and left.",  # no cue at all
    ],
)
def test_not_reported_speech(body: str) -> None:
    assert _statements(body) == []


def test_typewriter_marks_pair_as_one_double_mark() -> None:
    body = "''It is over,'' she said. ``Go home,'' he said, and the crowd's mood changed."
    regions = quoted_regions(body, paragraphs(body))
    assert [body[r.content_start:r.content_end] for r in regions] == ["It is over,", "Go home,"]
    assert [(r.open_len, r.close_len) for r in regions] == [(2, 2), (2, 2)]


def test_pronoun_is_not_resolved_to_a_name_inside_a_quote() -> None:
    body = "Congressman Tom Bell arrived late. “They call me ‘Big Daddy’ and Jim Carter knows it,” he said."
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (quote.speaker.name, quote.speaker.as_written, quote.speaker.role) == ("Tom Bell", "he", "congressman")
    assert body[quote.speaker.span[0]:quote.speaker.span[1]] == "he"


def test_unresolvable_pronoun_keeps_the_mention_as_speaker() -> None:
    body = "The rules are unfair and must change, they said on Friday."
    [quote] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (quote.quote_type, quote.speaker.name, quote.speaker.span) == ("indirect", "they", (body.index("they"), body.index("they") + 4))


def test_a_cue_closing_the_sentence_credits_the_clause_before_it() -> None:
    # "called for" is a cue too, but "…, sources said." closes the sentence: the sources are credited.
    body = "Secret Service protocol called for the nominee to be taken to a trauma center, sources said."
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    who = claim.speaker.name if claim.kind == "quote" else claim.source.name
    assert (claim.text, claim.cue, who) == (
        "Secret Service protocol called for the nominee to be taken to a trauma center", "said", "sources")


def test_a_statement_ends_where_the_sentence_turns_to_something_else() -> None:
    body = "Jane Roe said the race was close in Ohio, with some polls showing a small lead for her rival."
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (claim.text, claim.cue) == ("the race was close in Ohio", "said")


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        # Adverbs between the subject and its cue are not part of the subject.
        ("The governor very aptly added that the senator knows nothing at all about it.",
         "the senator knows nothing at all about it", "The governor"),
        # A noun ending in "-ly" is no adverb.
        ("The family said the police had not told them anything about the shooting.",
         "the police had not told them anything about the shooting", "family"),
    ],
)
def test_subjects_without_adverbs(body: str, text: str, speaker: str) -> None:
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    who = claim.speaker.as_written if claim.kind == "quote" else claim.source.name
    assert (claim.text, who) == (text, speaker)


def test_a_subordinate_opening_is_no_subject() -> None:
    body = "As Davis noted in his column, there are conflicting stories about what happened that night."
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    assert (claim.kind, claim.speaker.as_written, claim.cue) == ("quote", "Davis", "noted")


def test_the_other_clause_of_a_sentence_is_read_on_its_own() -> None:
    body = "Jane Roe said the plan would cut costs for families, while John Doe argued that it would raise taxes."
    found = [(c.text, c.cue, c.speaker.name) for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert found == [
        ("the plan would cut costs for families", "said", "Jane Roe"),
        ("it would raise taxes", "argued", "John Doe"),
    ]


def test_a_statement_ends_at_but_and_the_rest_is_read_on_its_own() -> None:
    body = "Jane Roe said the plan would cut costs for families, but John Doe argued that it would raise taxes."
    found = [(c.text, c.cue, c.speaker.name) for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert found == [
        ("the plan would cut costs for families", "said", "Jane Roe"),
        ("it would raise taxes", "argued", "John Doe"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Clinton has won six states including Texas and Virginia on Tuesday night.",
        "The race now moves to swing states this week, where the polls are close.",
        "Large majorities of Republican voters across nine states have negative feelings about it.",
    ],
)
def test_a_cue_word_that_is_a_plural_noun_is_no_cue(body: str) -> None:
    assert [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}] == []


def test_a_cue_word_after_a_speaker_is_still_a_cue() -> None:
    body = "The report states that the agency lost track of the money for two years."
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    assert (claim.text, claim.cue) == ("the agency lost track of the money for two years", "states")


@pytest.mark.parametrize(
    ("body", "text", "speaker", "cue"),
    [
        # the cue belongs to a clause opened by "after": its subject follows the subordinator
        ("The ferry was grounded last week after the Harbor Gazette reported that its licence had lapsed.",
         "its licence had lapsed", "Harbor Gazette", "reported"),
        # a relative "that" before a name and its cue: the rest of the sentence is the statement
        ("Tolls rose so fast that Mayor Ines Cole warned the bridge would be empty by spring.",
         "the bridge would be empty by spring", "Ines Cole", "warned"),
    ],
)
def test_the_subject_of_a_subordinate_clause_is_the_speaker(body: str, text: str, speaker: str, cue: str) -> None:
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    who = claim.speaker.name if claim.kind == "quote" else claim.source.name
    assert (claim.text, who, claim.cue) == (text, speaker, cue)


@pytest.mark.parametrize(
    "body",
    [
        # a cue inside the reported statement is not read after "that": "found that … fears …"
        "A survey by the council found that residents of the valley fear the new dam will flood their farms.",
        # a long run after "that" is the statement, not a subject
        "The deal is so large that the three biggest lenders in the region expect fines.",
    ],
)
def test_no_speaker_is_read_after_a_subordinator_that_opens_a_statement(body: str) -> None:
    found = [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    assert all(c.cue not in {"fear", "expect"} for c in found)


def test_an_inverted_cue_keeps_a_long_description_of_its_speaker() -> None:
    body = ("Nor will the new tariffs bring the mills back, said Dana Whitfield, a professor of economics at "
            "Harlow College, who has studied the industry for decades.")
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (claim.text, claim.speaker.name, claim.speaker.as_written, claim.cue) == (
        "Nor will the new tariffs bring the mills back", "Dana Whitfield", "Dana Whitfield", "said")


def test_reported_speech_in_a_relative_clause_is_credited_to_the_name_before_who() -> None:
    body = ("Senator Paul Okoro arrived late. Ray Dunmore, who said he usually votes for the Greens, "
            "said the senator had lost his trust.")
    found = [(c.text, c.speaker.name, body[c.speaker.span[0]:c.speaker.span[1]], c.cue)
             for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert found == [
        ("he usually votes for the Greens", "Ray Dunmore", "who", "said"),
        ("the senator had lost his trust", "Ray Dunmore", "Ray Dunmore", "said"),
    ]


@pytest.mark.parametrize(
    ("body", "found"),
    [
        ("Sen. Ted Cruz of Texas, who said the deal would fail, voted no.",
         ("the deal would fail", "Ted Cruz", "who", (24, 27))),
        ("Rep. Chuck Schumer of New York, who said the bill was dead, left early.",
         ("the bill was dead", "Chuck Schumer", "who", (32, 35))),
    ],
)
def test_a_home_state_may_stand_between_the_name_and_who(body: str, found: tuple) -> None:
    assert [(c.text, c.speaker.name, c.speaker.as_written, c.speaker.span)
            for c in extract_claims(body, article_id="t") if c.kind == "quote"] == [found]


@pytest.mark.parametrize(
    "body",
    [
        # "who" after something that is not a person named right before it
        "The voters who said they were undecided outnumbered the rest.",
        # "who" as a question word
        "Nobody knows who said the vote had been moved to Tuesday.",
    ],
)
def test_who_without_a_named_person_before_it_credits_no_one(body: str) -> None:
    assert [c for c in extract_claims(body, article_id="t") if c.kind == "quote" and c.speaker
            and c.speaker.as_written == "who"] == []


@pytest.mark.parametrize(
    ("body", "text", "speaker", "cue"),
    [
        # a capitalised cue in a title-case headline
        ("Mayor Lena Hart Says The Tram Line Will Open In May.\n\nMayor Lena Hart spoke on Monday.",
         "The Tram Line Will Open In May", "Lena Hart", "Says"),
        # a colon after a name the story goes on to use
        ("Okafor: Our Party Will Win Back The North.\n\nDavid Okafor spoke to supporters on Monday.",
         "Our Party Will Win Back The North", "Okafor", ":"),
    ],
)
def test_headlines_credit_their_subject(body: str, text: str, speaker: str, cue: str) -> None:
    found = [(c.text, c.speaker.as_written, c.cue) for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert found[0] == (text, speaker, cue)


def test_a_headline_speaker_resolves_to_the_name_in_the_story() -> None:
    body = "Mayor Lena Hart Says The Tram Line Will Open In May.\n\nMayor Lena Hart spoke on Monday."
    quote = next(c for c in extract_claims(body, article_id="t") if c.kind == "quote")
    assert quote.speaker.name == "Lena Hart"


def test_a_title_case_headline_ending_in_a_full_stop_is_no_fuller_name() -> None:
    body = ("Dana Okafor Just Revealed Her Plan For The Budget.\n\n"
            "Okafor said the plan would cut taxes for every family in the state.")
    found = [(c.span, c.speaker.as_written, c.speaker.name) for c in extract_claims(body, article_id="t")
             if c.kind == "quote"]
    assert found == [(_span(body, "the plan would cut taxes for every family in the state"), "Okafor", "Okafor")]


def test_a_title_case_first_line_holds_no_names_to_resolve_to() -> None:
    body = "Mayor Dana Okafor Wins Harbor Vote.\n\nOkafor said the harbor would reopen to ferries in the spring."
    found = [(c.span, c.speaker.as_written, c.speaker.name) for c in extract_claims(body, article_id="t")
             if c.kind == "quote"]
    assert found == [(_span(body, "the harbor would reopen to ferries in the spring"), "Okafor", "Okafor")]


def test_a_pronoun_skips_a_run_ending_in_a_party_word() -> None:
    body = "Jane Roe met Minnesota Democratic leaders on Monday. She said the bill would fail in the Senate."
    found = [(c.speaker.as_written, c.speaker.name) for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert found == [("She", "Jane Roe")]


def test_a_short_headline_speaker_resolves_to_the_full_name_in_the_story() -> None:
    body = ("Okafor Says He Never Pledged To Back The Nominee.\n\n"
            "David Okafor said on Monday that he never pledged to back the nominee.")
    found = [(c.span, c.speaker.as_written, c.speaker.name, c.cue) for c in extract_claims(body, article_id="t")
             if c.kind == "quote"]
    assert found == [
        (_span(body, "He Never Pledged To Back The Nominee"), "Okafor", "David Okafor", "Says"),
        (_span(body, "he never pledged to back the nominee"), "David Okafor", "David Okafor", "said"),
    ]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # a capitalised cue verb before more capitalised words ends a name and starts none
        ("Mayor Lena Hart Says The Tram Line Will Open.", ["Lena Hart", "Tram Line Will Open"]),
        ("Jane Roe Tells Voters Jobs Will Return.", ["Jane Roe", "Voters Jobs Will Return"]),
        # a cue word the line ends on, or that starts a name, stays in it
        ("The lecture was on a book by Edward Said.", ["Edward Said"]),
        ("Said Jalili met the envoy in Geneva.", ["Said Jalili", "Geneva"]),
    ],
)
def test_a_capitalised_cue_verb_is_no_part_of_a_name(body: str, names: list[str]) -> None:
    assert [m.text for m in find_names(body)] == names


@pytest.mark.parametrize(
    "body",
    [
        # a colon after a word the story never names again
        "Breaking: Storm Closes Every School In The County.\n\nThe storm hit at dawn.",
        # prose that opens with a name is no headline
        "Hart says the tram line will open in May if the budget passes.",
    ],
)
def test_headline_rules_need_a_headline_and_a_named_speaker(body: str) -> None:
    assert [c.cue for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}
            and c.cue in {":", "Says"}] == []


def test_a_learned_participle_splits_reported_speech_into_two_statements() -> None:
    body = "Jane Roe said the bridge would be closed for a month, echoing the warnings of the city engineers."
    found = [(c.text, c.cue, c.speaker.name) for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert found == [
        ("the bridge would be closed for a month", "said", "Jane Roe"),
        ("the warnings of the city engineers", "echoing", "Jane Roe"),
    ]


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        # a relative clause between the subject and a listed cue belongs to the subject
        ("Current and former officials who spoke with the Ledger said the agency had become a shell of itself.",
         "the agency had become a shell of itself", "Current and former officials"),
        # a pronoun after a subordinator and a time phrase is the whole subject
        ("Mayor Ada Stone spoke last. The vote was close, though in the end she said the plan had been a mistake.",
         "the plan had been a mistake", "she"),
    ],
)
def test_subjects_inside_longer_phrases(body: str, text: str, speaker: str) -> None:
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (claim.text, claim.speaker.as_written, claim.cue) == (text, speaker, "said")


def test_a_pronoun_after_a_cue_is_not_read_as_the_subject_of_a_later_cue() -> None:
    body = "The poll was small, but most of the voters say they want the tolls removed by next year."
    found = [(c.text, c.cue) for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    assert ("the tolls removed by next year", "want") not in found


@pytest.mark.parametrize(
    ("body", "question", "asker"),
    [
        # a passive "asked" names no asker; the answer is read on its own
        ("Asked whether the levy would rise again next year, Mayor Ada Stone said, “Not while I am here.”",
         "whether the levy would rise again next year", None),
        # "asked by X" names the asker
        ("When asked by a reporter if the bridge was safe, the engineer shrugged.",
         "if the bridge was safe", "a reporter"),
    ],
)
def test_a_reported_question_is_credited_to_its_asker(body: str, question: str, asker: str | None) -> None:
    found = [(c.text, c.speaker.as_written if c.speaker else None) for c in extract_claims(body, article_id="t")
             if c.kind == "quote" and c.cue and c.cue.lower() == "asked"]
    assert found == [(question, asker)]


def test_an_active_asked_is_read_once() -> None:
    body = "The reporter asked whether the plan would pass in the Senate this year."
    found = [(c.text, c.cue) for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert found == [("whether the plan would pass in the Senate this year", "asked")]


def test_a_source_phrase_is_headed_by_the_noun_before_its_preposition() -> None:
    # "a survey by the Harbor Institute" is headed by "survey", a source, not by "Institute"
    body = "A survey by the Harbor Institute showed most residents opposed the new ferry fares."
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind in {"quote", "attribution"}]
    assert (claim.kind, claim.text, claim.source.name, claim.cue) == (
        "attribution", "most residents opposed the new ferry fares", "A survey by the Harbor Institute", "showed")


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        # AP style: a state or party before an abbreviated office belongs to the title
        ("Former Florida Gov. Jeb Bush spoke in Iowa.", "Jeb Bush", "former florida governor"),
        ("Texas Lt. Gov. Dan Patrick spoke in Iowa.", "Dan Patrick", "texas lieutenant governor"),
        ("Sen. Ted Cruz spoke in Iowa.", "Ted Cruz", "senator"),
        ("President Barack Obama spoke in Iowa.", "Barack Obama", "president"),
        # words joined by a connector are no title, and a courtesy title names no office
        ("Friends of Sen. Cruz spoke in Iowa.", "Friends of Sen. Cruz", None),
        ("Mr. Trump spoke in Iowa.", "Trump", None),
    ],
)
def test_an_abbreviated_office_ends_the_title_before_a_name(body: str, name: str, title: str | None) -> None:
    first = find_names(body)[0]
    assert (first.text, first.span, first.title) == (name, _span(body, name), title)


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        ("Former Secretary of Labor Ana Ruiz spoke in Iowa.", "Ana Ruiz", "former secretary of labor"),
        ("Minister of Finance Lars Berg spoke in Oslo.", "Lars Berg", "minister of finance"),
        # an organisation after "of" is no department of a title
        ("Director of Acme Steel Company spoke in Iowa.", "of Acme Steel Company", "director"),
    ],
)
def test_a_one_word_department_after_of_belongs_to_the_title(body: str, name: str, title: str) -> None:
    first = find_names(body)[0]
    assert (first.text, first.span, first.title) == (name, _span(body, name), title)


def test_a_speaker_after_two_joined_titles_is_named_without_them() -> None:
    body = "Former Governor of Ohio and Republican nominee Jane Roe is calling for a new vote on the bridge."
    found = [(c.text, c.speaker.name, c.speaker.role, c.cue) for c in extract_claims(body, article_id="t")
             if c.kind == "quote"]
    assert found == [("a new vote on the bridge", "Jane Roe", "former governor of ohio and republican nominee",
                      "is calling for")]


def test_a_speaker_after_a_state_and_office_is_named_without_them() -> None:
    body = "Vermont Sen. Jane Roe said the bill would pass before the recess."
    found = [(c.speaker.name, c.speaker.role, c.speaker.span) for c in extract_claims(body, article_id="t")
             if c.kind == "quote"]
    assert found == [("Jane Roe", "vermont senator", _span(body, "Jane Roe"))]


def test_an_inverted_cue_may_put_a_role_before_the_name() -> None:
    body = "The levy will pass easily in the spring, said Democratic strategist Ana Ruiz."
    assert _statements(body) == [
        ("indirect", _span(body, "The levy will pass easily in the spring"), "Ana Ruiz", "strategist", "said")
    ]


def test_but_said_opens_a_second_statement_of_the_same_speaker() -> None:
    body = "Ana Ruiz said she had met the mayor twice but said neither aide played a role in the deal."
    assert _statements(body) == [
        ("indirect", _span(body, "she had met the mayor twice"), "Ana Ruiz", None, "said"),
        ("indirect", _span(body, "neither aide played a role in the deal"), "Ana Ruiz", None, "said"),
    ]


def test_after_but_a_verb_that_asserts_nothing_opens_no_statement() -> None:
    body = "The state board said it adopted the standards but later revised them after the election in May."
    assert _statements(body) == [
        ("attribution", _span(body, "it adopted the standards but later revised them after the election in May"),
         "state board", None, "said"),
    ]


def test_a_cue_after_a_short_object_credits_only_the_second_statement() -> None:
    body = "In her speech, Ana Ruiz praised the governor and said the next budget would restore the school funds."
    assert _statements(body) == [
        ("indirect", _span(body, "the next budget would restore the school funds"), "Ana Ruiz", None, "said"),
    ]


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        ("Ana Ruiz, a former state party chairwoman, became a delegate and said she is leaning toward the senator.",
         "she is leaning toward the senator", "Ana Ruiz"),
        ("The mayor toured the flooded streets on Monday but later said the city had been ready for the storm.",
         "the city had been ready for the storm", "The mayor"),
    ],
)
def test_a_cue_opening_a_coordinated_verb_phrase_credits_the_sentences_subject(
    body: str, text: str, speaker: str
) -> None:
    assert [(row[1], row[2]) for row in _statements(body)] == [(_span(body, text), speaker)]


def test_a_coordinated_cue_needs_someone_opening_the_sentence() -> None:
    body = "Louisville stayed quiet through the night and said the closures would end by the morning."
    assert _statements(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "As the mayor spoke in the lobby of the old city hall, the crowd grew quiet.",
        "The governor delivered his last budget address to the assembly on Tuesday.",
        "Ana Ruiz passed three background checks before the state hired her.",
        "The senator gave critical support to the farm bill in its final weeks.",
    ],
)
def test_a_verb_of_doing_opens_no_statement(body: str) -> None:
    assert _statements(body) == []


def test_a_longer_run_starting_with_a_verb_of_doing_still_speaks() -> None:
    body = "Ana Ruiz spoke about the need to repair the schools before the winter."
    assert _statements(body) == [
        ("indirect", _span(body, "the need to repair the schools before the winter"), "Ana Ruiz", None, "spoke about"),
    ]


@pytest.mark.parametrize(
    ("body", "text", "speaker", "cue"),
    [
        ("Some say the levy will raise taxes on renters.", "the levy will raise taxes on renters", "Some", "say"),
        ("Still, others argue that the levy is fair to every district.", "the levy is fair to every district",
         "others", "argue"),
        ("Some have argued that the levy is unfair to rural districts.", "the levy is unfair to rural districts",
         "Some", "argued"),
        ("The levy will raise taxes on renters, some say.", "The levy will raise taxes on renters", "some", "say"),
    ],
)
def test_an_unnamed_group_is_the_speaker_as_written(body: str, text: str, speaker: str, cue: str) -> None:
    # "Some" names no one: it stays as written and is never resolved to a name of the article.
    assert _statements(body) == [("indirect", _span(body, text), speaker, None, cue)]


def test_an_unnamed_group_is_not_resolved_to_a_name_holding_the_word() -> None:
    body = "Some Free Riders Club members met on Monday.\n\nSome say the club will close next spring."
    assert _statements(body) == [("indirect", _span(body, "the club will close next spring"), "Some", None, "say")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("While Ana Ruiz said that reporters cannot hold a party card, she has voted in every primary.",
         [("reporters cannot hold a party card", "Ana Ruiz", "said")]),
        # the main clause after the comma is read on its own
        ("While one firm says there are more than 2,400 such funds, another says there are about 1,800.",
         [("there are more than 2,400 such funds", "one firm", "says"), ("there are about 1,800", "another", "says")]),
    ],
)
def test_a_statement_in_an_opening_subordinate_clause_ends_at_its_comma(body: str, expected: list[tuple]) -> None:
    rows = [(body[s:e], name, cue) for _, (s, e), name, _, cue in _statements(body)]
    assert rows == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ana Ruiz said the levy would pass in March, and Omar Said argued that the vote would be close.",
         [("the levy would pass in March", "Ana Ruiz", "said"), ("the vote would be close", "Omar Said", "argued")]),
        ("Ana Ruiz said the levy would pass, and she added that the vote would be close.",
         [("the levy would pass", "Ana Ruiz", "said"), ("the vote would be close", "Ana Ruiz", "added")]),
        # "and" inside the statement, with no speaker after it, does not end it
        ("Ana Ruiz said the levy would pass, and the schools would reopen in the fall.",
         [("the levy would pass, and the schools would reopen in the fall", "Ana Ruiz", "said")]),
    ],
)
def test_a_statement_ends_where_another_speaker_begins(body: str, expected: list[tuple]) -> None:
    rows = [(body[s:e], name, cue) for _, (s, e), name, _, cue in _statements(body)]
    assert rows == expected


@pytest.mark.parametrize(
    ("body", "question"),
    [
        ("Asked in Iowa recently whether she would back the nominee, Ruiz gave a roundabout answer.",
         "whether she would back the nominee"),
        ("Asked on Monday whether the mayor would hold a cabinet post, Ruiz shook her head.",
         "whether the mayor would hold a cabinet post"),
    ],
)
def test_a_time_or_place_may_stand_between_asked_and_the_question(body: str, question: str) -> None:
    assert _statements(body)[0] == ("indirect", _span(body, question), None, None, "Asked")


def test_a_cue_closing_the_clause_before_a_semicolon_credits_that_clause() -> None:
    body = "Candidates need about 40 percent of the rural vote, analysts say; in 2012, the mayor got 27 percent."
    assert _statements(body) == [
        ("indirect", _span(body, "Candidates need about 40 percent of the rural vote"), "analysts", None, "say")
    ]


@pytest.mark.parametrize(
    ("body", "text", "speaker", "role", "cue"),
    [
        ("The mayor's former chief of staff, Dana Ortiz, said the budget office had hidden the deficit.",
         "the budget office had hidden the deficit", "Dana Ortiz", "The mayor's former chief of staff", "said"),
        ("Another pollster, Ken Miles, told reporters that turnout among young voters had doubled.",
         "turnout among young voters had doubled", "Ken Miles", "Another pollster", "told"),
    ],
)
def test_a_role_phrase_then_the_name_between_commas_is_the_speaker(
    body: str, text: str, speaker: str, role: str, cue: str
) -> None:
    assert _statements(body) == [("indirect", _span(body, text), speaker, role, cue)]


def test_an_opening_that_names_no_role_gives_no_renamed_speaker() -> None:
    # "On Friday, Dana Ortiz, said": the comma before the cue is not a role phrase's closing comma.
    body = "In a long letter to the board, Dana Ortiz, said the budget office had hidden the deficit."
    assert all(name != "Dana Ortiz" for _, _, name, _, _ in _statements(body))


@pytest.mark.parametrize(
    ("body", "text", "speaker"),
    [
        ("Ruiz was copied on the letter and Ortiz said the council had never seen it.",
         "the council had never seen it", "Ortiz"),
        ("The mayor was not at the hearing and the spokesman said the vote would be delayed.",
         "the vote would be delayed", "the spokesman"),
    ],
)
def test_the_subject_after_a_conjunction_closing_a_clause(body: str, text: str, speaker: str) -> None:
    assert [(body[s:e], name, cue) for _, (s, e), name, _, cue in _statements(body)] == [(text, speaker, "said")]


def test_names_joined_inside_a_wh_clause_are_no_subject() -> None:
    assert _statements("It contradicted what Ruiz and Ortiz said about the hearing last spring.") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ruiz conceded that the plan was late, but said the city would finish it by June.",
         [("the plan was late", "Ruiz", "conceded"), ("the city would finish it by June", "Ruiz", "said")]),
        ("Ortiz denied the report, but later insisted that the board had known about the leak.",
         [("the board had known about the leak", "Ortiz", "insisted")]),
    ],
)
def test_a_cue_after_but_with_no_subject_of_its_own_credits_the_clause_before(
    body: str, expected: list[tuple]
) -> None:
    assert [(body[s:e], name, cue) for _, (s, e), name, _, cue in _statements(body)] == expected


@pytest.mark.parametrize(
    "body",
    [
        "Clinton won the primary in Ohio, adding to her lead over the senator in the delegate count.",
        "The scandal only added to the sense that the campaign was in chaos that spring.",
        "Trump has won 758 pledged delegates so far in the primary contests this spring.",
        "Voters in Southern states that hold primaries in March have sizable minority populations.",
        "Few workers have a retirement plan to fall back on when they stop working.",
    ],
)
def test_a_cue_word_that_is_no_verb_of_saying_is_no_cue(body: str) -> None:
    assert _statements(body) == []


def test_a_cue_word_after_a_name_stays_a_verb() -> None:
    body = "Clinton states that the plan would cost far less than the senator claims."
    assert _statements(body) == [
        ("indirect", _span(body, "the plan would cost far less than the senator claims"), "Clinton", None, "states")
    ]


@pytest.mark.parametrize(
    ("body", "text", "speaker", "cue"),
    [
        ("The mayor noted that she had taught budget law for years, and added: “I know a little about this.”",
         "she had taught budget law for years", "The mayor", "noted"),
        ("Dana Ortiz said the council had ignored the audit, telling reporters: “Nobody read a single page.”",
         "the council had ignored the audit", "Dana Ortiz", "said"),
        ('Dana Ortiz said it was too early to call the vote but added, "I think we all have an idea of the results."',
         "it was too early to call the vote", "Dana Ortiz", "said"),
    ],
)
def test_the_reporters_words_before_a_quotes_lead_in_report_a_statement(
    body: str, text: str, speaker: str, cue: str
) -> None:
    indirect = [(body[s:e], name, c) for kind, (s, e), name, _, c in _statements(body) if kind == "indirect"]
    assert indirect == [(text, speaker, cue)]


def test_a_quote_without_a_lead_in_after_a_comma_leaves_its_sentence_unread() -> None:
    body = "Dana Ortiz said the council had ignored “every single page” of the audit."
    assert [kind for kind, *_ in _statements(body)] == ["mixed"]


@pytest.mark.parametrize(
    ("body", "text", "cue"),
    [
        ("Ruiz told a crowd of several hundred supporters at the fairground that the levy would pass.",
         "the levy would pass", "told"),
        ("Ruiz said in an interview with the Harbor Gazette that the levy would pass.", "the levy would pass", "said"),
        ("Ruiz said to the county board that the levy had been delayed.", "the levy had been delayed", "said"),
    ],
)
def test_the_phrase_between_a_verb_of_saying_and_that_is_not_the_statement(body: str, text: str, cue: str) -> None:
    assert [(body[s:e], name, c) for _, (s, e), name, _, c in _statements(body)] == [(text, "Ruiz", cue)]


def test_to_before_a_verb_is_no_addressee() -> None:
    body = "The court agreed to hear cases that several advocacy groups had brought."
    statements = [body[s:e] for _, (s, e), *_ in _statements(body)]
    assert statements == ["to hear cases that several advocacy groups had brought"]


def test_a_name_and_a_colon_open_a_sentence_case_headline() -> None:
    body = "Ruiz: the harbor levy will pass in the fall.\n\nDana Ruiz spoke to supporters on Friday in Salem."
    statement = _span(body, "the harbor levy will pass in the fall")
    assert _statements(body)[0] == ("indirect", statement, "Dana Ruiz", None, ":")


@pytest.mark.parametrize(
    "body",
    [
        "Ruiz: just hang on.\n\nDana Ruiz spoke to supporters on Friday in Salem.",  # a list item's label
        "Update: the harbor levy will pass in the fall.\n\nDana Ruiz spoke on Friday.",  # names no one
    ],
)
def test_a_short_label_or_a_non_name_before_a_colon_credits_no_one(body: str) -> None:
    assert [row for row in _statements(body) if row[4] == ":"] == []


def test_a_colon_headline_may_name_the_addressee() -> None:
    body = "Ruiz to Harbor Workers: the harbor levy will pass in the fall.\n\nDana Ruiz spoke on Friday in Salem."
    statement = _span(body, "the harbor levy will pass in the fall")
    colon = body.index(":")
    [claim] = [c for c in extract_claims(body, article_id="t") if c.kind == "quote"]
    assert (claim.span, claim.speaker.name, claim.cue) == (statement, "Dana Ruiz", ":")
    assert claim.cue_span == (colon, colon + 1)
