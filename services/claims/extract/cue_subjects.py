"""The subject of a cue, read backwards from it (pure core; the subject half of ``reported_clauses``).

``subject_before`` takes the noun phrase that ends right before a cue, past adverbs, auxiliaries and
time phrases ("Jane Doe has also said", "Adelson earlier on Friday said"), with its appositive as the
role ("Jane Doe, a spokeswoman for the agency, said"); ``main_clause_subject`` finds the subject of a
sentence's main clause, which a participle ("…, saying S") or a coordinated verb ("… and said S")
credits. A subject may follow a conjunction ("Smith and Jones said"), head a relative clause
("officials who spoke with the Post said") or open a subordinate one ("after the Gazette reported").
"""

from __future__ import annotations

import re

from services.claims.extract.constants import (
    CLAUSE_WORDS,
    INTRO_WORDS,
    NON_FINAL_WORDS,
    NON_SUBJECT_WORDS,
    ORG_NOUNS,
    PEOPLE_NOUNS,
    ROLE_NOUNS,
    SUBJECT_MAX_WORDS,
    SUBORDINATE_SUBJECT_MAX_WORDS,
    SUBORDINATORS,
    WEEKDAYS,
)
from services.claims.extract.context import ArticleContext
from services.claims.extract.cues import CLAUSE_CUE_RE
from services.claims.extract.learned_cues import SPEAKER_HEADS, cue_runs
from services.claims.extract.speakers import Subject, role_of_appositive, subject_from_span

Span = tuple[int, int]

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_HEAD_NOUNS = ROLE_NOUNS | PEOPLE_NOUNS | ORG_NOUNS
# Adverbs and auxiliaries between a subject and its cue ("Jane Doe has also said"), and the words of
# a time phrase ("Adelson earlier on Friday said"): stripped word by word from the cue backwards.
_ADJUNCT_WORDS = frozenset(
    """
    also later then earlier previously repeatedly has had have once again recently publicly formally
    reportedly further separately first never often still now already just very quite
    """.split()
)
_LY_NOUNS = frozenset("family assembly ally rally daily weekly monthly quarterly monopoly supply reply".split())
_TIME_NOUNS = WEEKDAYS | frozenset("week month year morning evening night".split())
_TIME_LEADS = frozenset("on late early earlier last this".split())
SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_CONJOINED_SUBJECT_MAX_WORDS = 4
_SUBORDINATING_CLAUSE_WORDS = frozenset(
    "what which who whom whose that how why where when whether if while because than".split()
)
_NOT_LONE_NAMES = INTRO_WORDS | NON_SUBJECT_WORDS | {"the", "a", "an"}
_NOUN_PHRASE_CONNECTORS = frozenset("the a an his her their its of for and de".split())
_VERB_OBJECT_OPENERS = NON_FINAL_WORDS | SPEAKING_PRONOUNS | {"him", "them", "that", "it"}
_SEGMENT = re.compile(r"[^,;—–()\[\]“”\"]+")
_WORD = re.compile(r"[\w’'.-]+")


def subject_before(ctx: ArticleContext, lo: int, hi: int, *, listed: bool = False) -> Subject | None:
    """The noun phrase that ends right before a cue at ``hi``, its appositive read as the role; a
    ``listed`` cue may follow a relative clause of its subject (``_head_of_relative``)."""
    body = ctx.body
    hi = _strip_adjuncts(body, lo, hi)
    if hi <= lo:
        return None
    if body[hi - 1] != ",":
        segments = _segments(body, lo, hi)
        return _subject_of(ctx, segments[-1], None, relative_heads=listed) if segments else None
    # "Jane Doe, a spokeswoman for the agency, said": the first segment (after introductory
    # phrases: "On Wednesday, however, the director …") is the subject, the rest up to the cue its
    # appositive.
    segments = _segments(body, lo, hi - 1)
    first = 0
    while len(segments) > first + 2 and _is_intro(body, segments[first]):
        first += 1
    if len(segments) < first + 2:
        return None
    appositive = body[segments[first + 1][0]:hi - 1]
    return _subject_of(ctx, segments[first], appositive, relative_heads=listed)


def _strip_adjuncts(body: str, lo: int, hi: int) -> int:
    # ``hi`` moved back over adverbs, auxiliaries (negated too: "they don't [want]") and "on
    # Friday"/"last week", and white space.
    while True:
        end = _skip_space_back(body, lo, hi)
        start = _word_start(body, lo, end)
        word = body[start:end].lower()
        if word in _ADJUNCT_WORDS or _is_adverb(body[start:end]) or word.endswith(("n't", "n’t")):
            hi = start
            continue
        if word in _TIME_NOUNS:
            lead_end = _skip_space_back(body, lo, start)
            lead_start = _word_start(body, lo, lead_end)
            if body[lead_start:lead_end].lower() in _TIME_LEADS:
                hi = lead_start
                continue
        return end


def _is_adverb(word: str) -> bool:
    # "The governor very aptly added": a lower-case "-ly" word, unless it is one of the nouns that
    # end so and head subjects ("The family said").
    return word.endswith("ly") and word.islower() and word not in _LY_NOUNS


def _skip_space_back(body: str, lo: int, pos: int) -> int:
    while pos > lo and body[pos - 1].isspace():
        pos -= 1
    return pos


def _word_start(body: str, lo: int, end: int) -> int:
    start = end
    while start > lo and (body[start - 1].isalnum() or body[start - 1] in "’'-"):
        start -= 1
    return start


def main_clause_subject(ctx: ArticleContext, lo: int, hi: int, *, noun_phrase: bool = False) -> Subject | None:
    """The subject of the clause that a participle at ``hi`` hangs on ("The senator rallied
    supporters, saying …"): the subject opening the sentence (after an intro), the longest run of
    up to four words that ends in a name, a pronoun or a role, people or organisation noun. With
    ``noun_phrase`` the run holds no lower-case verb ("Dana Ortiz said it", "Wilson praised Rubio"),
    a pronoun stands alone and a lone capitalised word may be the surname of a name the article writes in full ("Wilson")."""
    segments = _segments(ctx.body, lo, hi)
    if not segments:
        return None
    first = segments[1] if len(segments) > 1 and _is_intro(ctx.body, segments[0]) else segments[0]
    words = list(_WORD.finditer(ctx.body, *first))[:4]
    for n in range(len(words), 0, -1):
        last = words[n - 1].group()
        lower = last.lower()
        if noun_phrase and not (all(_in_noun_phrase(w.group()) for w in words[:n - 1])
                                and (n == 1 or lower not in _PRONOUNS)):
            continue
        lone_name = (noun_phrase and n == 1 and last[0].isupper() and lower not in _NOT_LONE_NAMES
                     and ctx.names.resolve(last) != last)
        if last[0].isupper() and (n > 1 or lone_name) or lower in _PRONOUNS or lower in _HEAD_NOUNS:
            return _subject_of(ctx, (words[0].start(), words[n - 1].end()), None)
    return None


def _in_noun_phrase(word: str) -> bool:
    # A word before a subject's last one: a capital, a determiner or connector, or a role or people
    # noun ("the Wisconsin Republican", "Former Obama spokesman Robert").
    lower = word.lower()
    return word[0].isupper() or lower in _NOUN_PHRASE_CONNECTORS or lower in _HEAD_NOUNS


def _segments(body: str, lo: int, hi: int) -> list[Span]:
    # Comma-separated stretches, trimmed; a quote mark or bracket also separates.
    spans = []
    for match in _SEGMENT.finditer(body, lo, hi):
        s, e = match.span()
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _is_intro(body: str, segment: Span) -> bool:
    first = _WORD.match(body, *segment)
    return first is not None and first.group().lower() in INTRO_WORDS


def _subject_of(
    ctx: ArticleContext, segment: Span, appositive: str | None, *, relative_heads: bool = False
) -> Subject | None:
    body = ctx.body
    words = list(_WORD.finditer(body, *segment))
    words = _subordinate_subject(ctx, _head_of_relative(words) if relative_heads else words)
    while words and words[0].group().lower() in {"and", "but", "so", "yet", "then", "still", "now", "also"}:
        words = words[1:]
    words = _past_verb_and_adverbs(words)
    if not words:
        return None
    lowered = [w.group().lower() for w in words]
    if any(w in CLAUSE_WORDS for w in lowered):
        words = _subject_after_conjunction(words)
        lowered = [w.group().lower() for w in words]
    if not words or lowered[-1] in NON_FINAL_WORDS:
        return None
    span = (words[0].start(), words[-1].end())
    if lowered == [lowered[0]] and lowered[0] in _PRONOUNS:
        return Subject(body[span[0]:span[1]], span, "pronoun")
    named = any(w.group()[0].isupper() for w in words[1:]) or words[0].group()[0].isupper()
    if len(words) > SUBJECT_MAX_WORDS and not named:
        return None
    subject = subject_from_span(body, span, appositive=appositive)
    if subject is None:
        role = role_of_appositive(appositive) if appositive else None
        subject = Subject(body[span[0]:span[1]], span, "unknown", role)
    return subject if subject.kind != "unknown" else _with_kind(ctx, subject)


def _past_verb_and_adverbs(words: list[re.Match[str]]) -> list[re.Match[str]]:
    # A lower-case run of adverbs and a pronoun ("naturally he [expected]") keeps the pronoun (not
    # "nearly two-thirds of voters", where the adverb is the subject's); one opening on a verb form ("arguing he [wanted]", "sounded a cautious [note]") is the tail of a
    # clause, whose subject is a pronoun ending it or else none. The verb form must take an object
    # or complement ("sounded a", "calling on"), as participles also modify subjects ("elected
    # officials", "restructuring experts").
    lead = next((i for i, w in enumerate(words) if not _is_adverb(w.group())), len(words))
    if 0 < lead == len(words) - 1 and words[-1].group().lower() in SPEAKING_PRONOUNS:
        return words[-1:]
    if len(words) < 2 or any(w.group()[0].isupper() for w in words):
        return words
    first, second, last = words[0].group(), words[1].group().lower(), words[-1].group().lower()
    if not first.endswith(("ed", "ing")) or second not in _VERB_OBJECT_OPENERS:
        return words
    return words[-1:] if last in SPEAKING_PRONOUNS else []


def _subject_after_conjunction(words: list[re.Match[str]]) -> list[re.Match[str]]:
    # "…, but he was copied on the questions and Gates [said]": a clause runs up to the cue, and the
    # subject is the short name, pronoun or role after its last "and"/"but" (else nothing). Not in a
    # clause a wh-word or complementiser opens: "what Trump and Lewandowski [said]" is an object.
    if any(w.group().lower() in _SUBORDINATING_CLAUSE_WORDS for w in words):
        return []
    last = next((i for i in range(len(words) - 1, 0, -1) if words[i].group().lower() in {"and", "but"}), None)
    rest = words[last + 1:] if last is not None else []
    if not rest or len(rest) > _CONJOINED_SUBJECT_MAX_WORDS:
        return []
    lowered = [w.group().lower() for w in rest]
    if any(w in CLAUSE_WORDS for w in lowered):
        return []
    if len(rest) == 1 and lowered[0] in SPEAKING_PRONOUNS:
        return rest
    named = all(w.group()[0].isupper() for w in rest)
    role = lowered[0] in {"the", "a", "his", "her", "their"} and lowered[-1] in _HEAD_NOUNS
    return rest if named or role else []


def _head_of_relative(words: list[re.Match[str]]) -> list[re.Match[str]]:
    # "Current and former officials who spoke with the Post [said]": the noun phrase before the
    # relative clause. A "who" right before the cue is the subject itself (``relative_speech``).
    # Only for listed cues: a learned cue after "who" mostly belongs to the relative clause
    # ("party leaders who can support …").
    for i, word in enumerate(words[1:-1], start=1):
        if word.group().lower() in {"who", "whose"}:
            return words[:i]
    return words


def _subordinate_subject(ctx: ArticleContext, words: list[re.Match[str]]) -> list[re.Match[str]]:
    # "The plane was grounded after The New York Times [reported]": the cue belongs to the last
    # subordinate clause, whose subject follows its subordinator. Only a short phrase that names
    # someone is taken, and never the clause a cue opens ("found that the attitudes reflect …": a
    # cue inside a reported statement is not the sentence's cue).
    last = next((i for i in range(len(words) - 1, -1, -1) if words[i].group().lower() in SUBORDINATORS), None)
    if last is None:
        return words
    rest = words[last + 1:]
    if rest and rest[-1].group().lower() in SPEAKING_PRONOUNS and not _follows_cue(ctx.body, words, len(words) - 1):
        return rest[-1:]  # "although in September she [said]": a pronoun is a whole subject
    if not rest or len(rest) > SUBORDINATE_SUBJECT_MAX_WORDS or _follows_cue(ctx.body, words, last):
        return []
    lowered = rest[-1].group().lower()
    names_someone = (len(rest) == 1 and lowered in SPEAKING_PRONOUNS or rest[-1].group()[0].isupper()
                     or lowered in _HEAD_NOUNS or lowered in SPEAKER_HEADS)
    return rest if names_someone else []


def _follows_cue(body: str, words: list[re.Match[str]], at: int) -> bool:
    if at == 0:
        return False
    start, end = words[at - 1].span()
    return CLAUSE_CUE_RE.fullmatch(body, start, end) is not None or next(cue_runs(body, start, end), None) is not None


def _with_kind(ctx: ArticleContext, subject: Subject) -> Subject:
    # A name's kind comes from the article's names; a common noun phrase's from its head noun.
    text = subject.as_written
    head = text.split()[-1].lower()
    if text[0].isupper() and not text.split()[0].lower() in INTRO_WORDS | {"the", "a", "an"}:
        kind = ctx.names.kind_of(text)
    elif head in ORG_NOUNS:
        kind = "org"
    elif head in PEOPLE_NOUNS or head in ROLE_NOUNS or head.removesuffix("s") in ROLE_NOUNS:
        kind = "person"
    else:
        kind = "unknown"
    return Subject(text, subject.span, kind, subject.role)
