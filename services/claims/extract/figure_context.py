"""What a figure counts: the noun phrase after it and a nearby toll verb (pure core, claims service).

"over 100 people, mostly civilians" counts "people"; "killed over 100 people" makes it "people
killed"; "Tens of thousands of Alawite residents are fleeing" counts "residents". Noun phrases are
read word by word up to a function word or punctuation, at most a few words, without a tagger.
Also what a bare number is by its neighbours: a person's age ("Mona Lamberson, 59,"), or, when it is
no figure, part of a name, a date, a time or a list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from services.claims.extract.constants import (
    MONTHS,
    NON_NAME_WORDS,
    NOUN_PHRASE_MAX_WORDS,
    NOUN_PHRASE_STOPS,
    PEOPLE_NOUNS,
    TENS_WORDS,
    TOLL_VERBS,
    UNITS_WORDS,
)
from services.claims.extract.cues import WS
from services.claims.extract.figure_words import AGE_WORDS, NUMBERED_LABELS, ZERO_WORDS
from services.claims.extract.numbers import alternation

# Letters glued to digits ("USD50", "MH17") are another figure or a name, not a counted word;
# "F-16 jets" is.
_PHRASE = re.compile(
    rf"(?P<of>{WS}+of)?(?P<words>(?:{WS}+[A-Za-z](?![A-Za-z]*\d)[\w’'-]*){{1,{NOUN_PHRASE_MAX_WORDS + 1}}})"
)
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# The word right before a position ("killed 12", "the 2000 elections"), searched a few characters back.
WORD_BEFORE = re.compile(rf"([A-Za-z]+){WS}+\Z")
# Verbs that end a noun phrase though they are not in -ed or -ing ("residents are", "towns fell",
# "voters said", "people came", "Americans agree"): auxiliaries, irregular past tenses and the verbs
# of opinion polls report, none of them a noun or an adjective after a count.
_AUXILIARIES = frozenset(
    """are is were was have has had fell died fled rose will would could may said say says came went ran
    took gave got made saw met told spent sent held kept fought knew found became began won agree disagree
    think believe want oppose favor approve disapprove prefer support expect""".split()
)
# Number words start another figure ("split the six delegates three ways", "nought point nought
# three plus zero point zero eight equals …"): they, an arithmetic sign ("2 x 3 m") and the adverbs
# that follow a counted noun ("4 in 10 voters overall", "eight members evenly divided", "95 points
# lower", "6 points ahead") are no part of the first figure's noun phrase ("nationwide" is not: "a
# dozen statewide surveys").
_PHRASE_BREAKS = frozenset(
    {*UNITS_WORDS, *TENS_WORDS, *ZERO_WORDS, "equals", "minus", "x", "overall", "apiece", "evenly", "altogether",
     "higher", "lower", "ahead", "behind"}
)


@dataclass(frozen=True, slots=True)
class CountedPhrase:
    """The noun phrase after a figure: where it ends, its head noun, a toll verb right after it."""

    end: int
    head: str | None = None
    verb: str | None = None

    @property
    def plural(self) -> bool:
        head = self.head or ""
        return head in PEOPLE_NOUNS or (head.endswith("s") and not head.endswith("ss"))

    @property
    def quantity(self) -> str:
        return "people" if self.head in PEOPLE_NOUNS else "count"

    @property
    def about(self) -> str | None:
        return self.about_with(None)

    def about_with(self, verb_before: str | None) -> str | None:
        """ "people killed": the head noun and a toll verb after it, or before the figure."""
        if self.head is None:
            return None
        verb = self.verb or (verb_before if verb_before in TOLL_VERBS else None)
        return f"{self.head} {verb}" if verb and verb != self.head else self.head


def counted_phrase(body: str, pos: int, *, allow_of: bool) -> CountedPhrase:
    """The noun phrase starting after ``pos``; "of" may open it only when ``allow_of``."""
    match = _PHRASE.match(body, pos, min(len(body), pos + 120))
    if match is None or (match.group("of") and not allow_of):
        return CountedPhrase(end=pos)
    words: list[re.Match[str]] = []
    verb = None
    found = list(_WORD.finditer(body, match.start("words"), match.end("words")))
    for i, word in enumerate(found):
        lowered = word.group().lower()
        number_word = lowered.partition("-")[0] in _PHRASE_BREAKS  # "six delegates", "two four-year terms"
        if lowered in NOUN_PHRASE_STOPS or number_word or len(words) == NOUN_PHRASE_MAX_WORDS:
            break
        following = found[i + 1].group().lower() if i + 1 < len(found) else ""
        if _looks_verbal(lowered) and (words or (lowered not in PEOPLE_NOUNS and following not in PEOPLE_NOUNS)):
            # "people killed", "voters backed him", "12 killed": a verb after the number or the noun
            # ends the phrase; "1,200 registered voters" is an adjective before one.
            verb = lowered if lowered in TOLL_VERBS else None
            break
        words.append(word)
    if not words:
        return CountedPhrase(end=pos)
    head = words[-1].group().lower().removesuffix("’s").removesuffix("'s")
    return CountedPhrase(end=words[-1].end(), head=head, verb=verb)


def _looks_verbal(word: str) -> bool:
    # A hyphenated word is an adjective ("72 work-related emails", "Saudi-led strikes").
    if "-" in word:
        return False
    return word in TOLL_VERBS or (word.endswith(("ed", "ing")) and len(word) > 4) or word in _AUXILIARIES


_AGE_BEFORE = re.compile(rf"(?<![\w-])(?i:{alternation(AGE_WORDS)}){WS}+\Z")  # "aged 35", not "the average 80,000"
_NAME_COMMA_BEFORE = re.compile(rf"[A-Z][\w’'.-]*,{WS}+(?P<when>(?:now|then){WS}+)?\Z")
_COMMA_WORD_AFTER = re.compile(rf",{WS}+(?!(?:and|or)\b)[a-z]")


def is_age(body: str, span: tuple[int, int], value: float | None, phrase: CountedPhrase) -> bool:
    """Whether the bare number at ``span``, followed by ``phrase``, is a person's age in years.

    After an age word ("aged 35", "voters ages 18 to 29"); or between commas after a name, as news
    style gives ages ("said Mona Lamberson, 59, of North Philadelphia", "Ms. Brainard, then 35."),
    but not in a list of counts going on with a name or "and" ("Texas, 38, Florida, 29, and Ohio"),
    nor when the number counts a noun ("The Nasdaq, now 95 points lower").
    """
    start, end = span
    if _AGE_BEFORE.search(body, max(0, start - 8), start):
        return True
    if value is None or not 0 < value < 120 or end - start > 3 or phrase.head:
        return False
    name = _NAME_COMMA_BEFORE.search(body, max(0, start - 40), start)
    return name is not None and bool(name.group("when") or _COMMA_WORD_AFTER.match(body, end))


def superlative_about(body: str, superlative: str, pos: int) -> str:
    """ "largest city" for "third-largest city"; the superlative alone when no noun follows."""
    phrase = counted_phrase(body, pos, allow_of=False)
    return f"{superlative} {phrase.head}" if phrase.head else superlative


# Bare numbers that are names, labels, dates or times: "Resolution 2254", "part 2", "December 6",
# "6 December", "nov . 6" (tokenised copy), "10:30", "10 a.m.".
# "July 14", "Nov. 6", and the second day of "July 8 to 12", "Nov. 6-9".
_MONTH_BEFORE = re.compile(
    rf"(?i:{'|'.join(MONTHS)})(?:{WS}?\.)?{WS}+(?:\d{{1,2}}(?:{WS}*[-–]{WS}*|{WS}+(?:to|through){WS}+))?\Z"
)
_SCORE_AFTER = re.compile(rf"{WS}+to{WS}+\d")
_MONTH_AFTER = re.compile(rf"{WS}+(?i:{'|'.join(MONTHS)})\b")
_TIME_AFTER = re.compile(rf"[:.]\d\d|:{WS}\d\d(?!\d)|{WS}*(?i:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|hrs\b)")  # "11: 06 a.m."
_WORD_BEFORE = re.compile(rf"([A-Za-z][\w’'.]*){WS}+\Z")
# A number glued to a slash or a hyphen and a digit, or to a bracketed letter, is part of a date or a
# code ("5/17/2018", "24/7", "1995-01", "401(k)"); a range that was one is read before this test.
_SLASH_AFTER = re.compile(r"[/-]\d|\([a-z]\)")  # "5/17/2018", "24/7", "401(k)", "501(c)(3)"
# "1. FIREWORKS FLY …", "2) Democrats face …": one or two digits opening a line before a full
# stop or a bracket are a list item's number ("1988. The year …" is a year).
_LIST_MARK_AFTER = re.compile(rf"[.)]{WS}+\S")
_LIST_LEAD_ENDS = frozenset(".:!?\"”’')]")  # what the line before a list item ends with
# A label noun after these is a time or a share ("this season 30 players", "each district 5 seats").
_DISTRIBUTIVE_BEFORE = re.compile(rf"(?<![\w’'-])(?i:each|every|per|this|that|last|next){WS}+\Z")


def follows_month(body: str, start: int) -> bool:
    """Whether a month comes right before ``start`` ("July 14", "July 8 to 12"): the number there is a day."""
    return _MONTH_BEFORE.search(body, max(0, start - 24), start) is not None


def is_name_date_or_time(body: str, start: int, end: int, *, is_year: bool, sentences) -> bool:
    """Whether the bare number ``body[start:end]`` is part of a name, a date, a time or a list mark.

    ``sentences`` is the article's SentenceIndex: a capitalised word before the number names it
    ("Resolution 2254") unless it opens the sentence ("Nearly 40 ...").
    """
    if _TIME_AFTER.match(body, end) or _SLASH_AFTER.match(body, end) or (start > 0 and body[start - 1] == ":"):
        return True
    if end - start <= 2 and _LIST_MARK_AFTER.match(body, end) and _opens_list_item(body, start):
        return True
    if not is_year and (follows_month(body, start) or _MONTH_AFTER.match(body, end)):
        return True
    word = _WORD_BEFORE.search(body, max(0, start - 30), start)
    if word is None:
        return False
    if not word.group(1)[0].isupper():
        # "part 2"; not "a question three times", a time or a distribution ("this season 30 players"),
        # nor a vote ("adopted the resolution 14 to 0")
        label = body[start].isdigit() and word.group(1) in NUMBERED_LABELS and not _SCORE_AFTER.match(body, end)
        return label and not _DISTRIBUTIVE_BEFORE.search(body, max(0, word.start(1) - 8), word.start(1))
    name = word.group(1)
    if name in {"No.", "Nos."}:
        return True  # "the No. 2 spot": a rank in a name ("No" alone is a word: "No 10 ways")
    if name.endswith(("’s", "'s")) or name.lower().rstrip(".") in NON_NAME_WORDS | MONTHS:
        return False
    if _SCORE_AFTER.match(body, end):
        return False  # "beat Trump 46 to 40 percent", "trails Trump 458 to 359": a score, not a name
    if body[start].isdigit() and name.lower() in NUMBERED_LABELS:
        return True  # "Route 66 is …", "Article 50 was triggered": a label even opening the sentence
    return sentences.sentence_of(word.start(1))[0] != word.start(1) or name == "Number"


def _opens_list_item(body: str, start: int) -> bool:
    # The number opens its line, and the line before ends a sentence, a heading or a paragraph: in
    # hard-wrapped copy a line may open with the end of a sentence ("the toll rose to\n12. Officials").
    line_start = body.rfind("\n", 0, start) + 1
    if body[line_start:start].strip():
        return False
    before = body[:line_start].rstrip()
    if not before or "\n" in body[len(before):line_start - 1]:
        return True  # the text's or a paragraph's first line
    return before[-1] in _LIST_LEAD_ENDS or before[-1].isupper()
