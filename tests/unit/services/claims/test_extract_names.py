"""Names: what a capitalised run keeps, and the kind of the name it leaves."""

import pytest

from services.claims.extract import extract_claims
from services.claims.extract.names import clean_name, find_names, name_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Minnesota", "org"),  # a state speaks as its government, and is no "he"
        ("Philadelphia", "org"),
        ("New Hampshire", "org"),
        ("Salt Lake City", "place"),  # a place word keeps a name a place
        ("Customs Enforcement", "org"),
        ("Las Vegas Sun", "org"),
        ("Super Tuesday", "org"),
        ("White House", "org"),
        ("Trump Plaza Hotel", "org"),
        ("Hillary Clinton Wins Delaware", "org"),  # a headline, not a name
        ("Bernie Sanders of Vermont", "person"),  # the head is before "of"
        ("Virginia Foxx", "person"),  # a state's name that is as often a person's is left out
        ("Kerry Washington", "person"),
        ("Donald Trump", "person"),
        ("Republic of Congo", "place"),
        ("", "person"),
    ],
)
def test_name_kind(text: str, kind: str) -> None:
    assert name_kind(text) == kind


@pytest.mark.parametrize(
    ("body", "names"),
    [
        # sentence openers before a name
        ("Trust Donald Trump, the ad says.", [("Donald Trump", None)]),
        ("Well Senator Sanders disagreed.", [("Sanders", "senator")]),
        ("Certainly Ronald Reagan would not.", [("Ronald Reagan", None)]),
        ("Entrusting Donald Trump with the codes is wrong.", [("Donald Trump", None)]),
        ("Outside Carrier’s plant, workers waited.", [("Carrier", None)]),
        # the day a name is dated by, at either end
        ("He campaigned in New Hampshire Monday.", [("New Hampshire", None)]),
        ("It was a big Tuesday for Obama.", [("Obama", None)]),
        # a day that is an event's or a paper's name stays
        ("Super Tuesday is near, the Sunday Times wrote.", [("Super Tuesday", None), ("Sunday Times", None)]),
        # a headline verb ends the name
        ("Hillary Clinton Wins Delaware", [("Hillary Clinton", None)]),
        # names that only look like openers stay whole
        ("Morning Consult found it.", [("Morning Consult", None)]),
        ("Sterling Brown spoke.", [("Sterling Brown", None)]),
        ("Wyoming Republicans met.", [("Wyoming Republicans", None)]),
        ("Tuesday", [("Tuesday", None)]),
    ],
)
def test_find_names_trims_openers_days_and_headline_verbs(body: str, names: list) -> None:
    assert [(m.text, m.title) for m in find_names(body)] == names


def test_find_names_spans_point_at_the_trimmed_name() -> None:
    body = "Well Senator Sanders spoke in New Hampshire Monday."
    assert [(m.span, body[m.span[0]:m.span[1]]) for m in find_names(body)] == [
        ((13, 20), "Sanders"),
        ((30, 43), "New Hampshire"),
    ]


def test_a_pronoun_does_not_resolve_to_a_place_or_paper() -> None:
    body = (
        "Senator Bernie Sanders of Vermont spoke to the Las Vegas Sun. "
        "He said the plan would work."
    )
    quote = next(c for c in extract_claims(body, article_id="a") if c.kind == "quote")
    assert (quote.text, quote.speaker.name, quote.speaker.as_written) == (
        "the plan would work", "Bernie Sanders", "He"
    )


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("Sen. Ted Cruz of Texas spoke.", ["Ted Cruz"]),  # AP style: the home state is no part of the name
        ("Rep. Chuck Schumer of New York spoke.", ["Chuck Schumer"]),
        ("Bank of America lent it.", ["Bank of America"]),  # an organisation keeps its "of"
        ("The Archdiocese of New York spoke.", ["Archdiocese of New York"]),  # one word before "of"
    ],
)
def test_home_state_after_of_is_cut_from_a_person(body: str, names: list[str]) -> None:
    assert [m.text for m in find_names(body)] == names


@pytest.mark.parametrize(
    ("body", "name", "title"),
    [
        ("FBI Director James Comey spoke.", "James Comey", "fbi director"),
        ("House Speaker Paul Ryan spoke.", "Paul Ryan", "house speaker"),
        ("Democrat Hillary Clinton won.", "Hillary Clinton", "democrat"),
        ("Clinton Communications Director Jennifer Palmieri said so.", "Jennifer Palmieri",
         "clinton communications director"),
        ("RNC Chief of Staff Katie Walsh said so.", "Katie Walsh", "rnc chief of staff"),
        # what follows the descriptor is no person: the run stays whole
        ("The Justice Department said so.", "Justice Department", None),
        ("The Minneapolis Star Tribune said so.", "Minneapolis Star Tribune", None),
        ("Stephen King wrote it.", "Stephen King", None),
        # a long adverb opening the run is no part of it
        ("Unfortunately for Clinton, it rained.", "Clinton", None),
    ],
)
def test_capitalised_words_up_to_a_role_before_a_person_are_the_title(body: str, name: str, title: str) -> None:
    assert [(m.text, m.title) for m in find_names(body)][0] == (name, title)


def test_a_descriptor_before_a_common_noun_stays() -> None:
    assert clean_name("Republican leaders", 0, 17) == ((0, 17), None)


def test_a_preposition_before_a_common_noun_stays() -> None:
    assert clean_name("Outside experts", 0, 15) == ((0, 15), None)


def _quote_speakers(body: str) -> list[tuple[str, str]]:
    return [(body[c.span[0]:c.span[1]], c.speaker.name) for c in extract_claims(body, article_id="a") if c.kind == "quote"]


@pytest.mark.parametrize(
    ("body", "quote", "name"),
    [
        # a book title in quote marks holds no fuller name for the reporter's "Trump"
        ('Talks resumed on Monday.\n\nIn 1991 a former aide published "The Inside Story of the Real Donald '
         'Trump." Donald Trump sued him. Trump said the book was full of lies.',
         "the book was full of lies", "Donald Trump"),
        # a short first paragraph is a headline: its opening capital makes no name
        ("Quiet Perez wins over the unions.\n\nLabor Secretary Thomas Perez spoke to the unions on Monday. "
         "Perez said the rule would raise wages for millions.",
         "the rule would raise wages for millions", "Thomas Perez"),
        # a name ending in the surname wins over a longer one holding it elsewhere
        ("Talks resumed on Monday.\n\nThe Trump Taj Mahal casino closed. Donald Trump built it. "
         "Trump said the casino had made money for years.",
         "the casino had made money for years", "Donald Trump"),
        # of two full names for a surname, the first mentioned, unless a later one extends it
        ("Talks resumed on Monday.\n\nJeb Bush spoke in Ohio, where George W. Bush had won twice. "
         "Mr. Bush said the plant would reopen.",
         "the plant would reopen", "Jeb Bush"),
        ("Talks resumed on Monday.\n\nDonald Trump spoke in Ohio. Donald J. Trump Jr. was there, and "
         "Donald J. Trump thanked him. Mr. Trump said the plant would reopen.",
         "the plant would reopen", "Donald J. Trump"),
        # a generational suffix does not hide the surname
        ("Talks resumed on Monday.\n\nThe Trump Taj Mahal casino closed. Donald Trump Jr. ran it for years. "
         "Trump said the casino had made money for years.",
         "the casino had made money for years", "Donald Trump Jr"),
    ],
)
def test_a_surname_resolves_to_the_reporters_fullest_name_for_it(body: str, quote: str, name: str) -> None:
    assert _quote_speakers(body) == [(quote, name)]


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("Yesterday Donald J. Trump spoke.", [((10, 25), "Donald J. Trump")]),
        ("J. Edgar Hoover left.", [((0, 15), "J. Edgar Hoover")]),
        # an initial before a word opening a sentence ends the name there
        ("He backed Bill S. He said so.", [((10, 16), "Bill S")]),
    ],
)
def test_a_middle_initial_stays_in_the_name(body: str, names: list) -> None:
    assert [(m.span, m.text) for m in find_names(body)] == names


def test_a_surname_resolves_to_the_name_with_a_middle_initial() -> None:
    body = "Talks resumed on Monday.\n\nDonald J. Trump spoke in Ohio. Mr. Trump said the plant would reopen."
    assert _quote_speakers(body) == [("the plant would reopen", "Donald J. Trump")]
