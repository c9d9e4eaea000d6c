"""Reported speech read outward from its cue: the clause-level rule of ``reported`` (pure core).

``reported`` first tries its two anchored shapes ("X said (that) S", "S, X said"); sentences they do
not read come here. For each cue of the sentence (``cues.CLAUSE_CUE_RE``: PolNeAR's cue inventory)
the rule looks for a subject right before it and a statement around it:

* "[After the debate,] several Clinton supporters said [on Tuesday] [that] S" — the statement follows;
* "S1, he said, S2" — a parenthetical cue: the statement is the whole sentence;
* "S, one delegate said." — the statement precedes;
* "Jane Doe, a spokeswoman for X, said S" / "X, who …, said S" — the appositive is the role;
* "X told Y (that) S", "X vowed to S", "X pointed out that S";
* "X rallied supporters, saying S" — a participle credits the subject of the main clause, and so does
  a cue opening a coordinated verb phrase ("X became a delegate and said S");
* "The ferry was grounded after the Gazette reported that S" — the subject of a subordinate clause
  follows its subordinator; "officials who spoke with the Post said S" — a relative clause belongs
  to the subject of a listed cue.

A candidate subject must read as a noun phrase: no auxiliary or complementiser in it ("it was said"
and "what he said" give nothing) and no determiner or preposition at its end.
"""

from __future__ import annotations

import bisect
import re

from services.claims.extract.constants import (
    CLAUSE_WORDS,
    INDIRECT_MIN_WORDS,
    INTRO_WORDS,
    NON_FINAL_WORDS,
    NON_SPEECH_CUES,
    NON_SUBJECT_WORDS,
    ORG_NOUNS,
    PARTICIPLE_CUES,
    PEOPLE_NOUNS,
    ROLE_NOUNS,
    SCARE_MAX_WORDS,
    SUBJECT_MAX_WORDS,
    SUBORDINATE_SUBJECT_MAX_WORDS,
    SUBORDINATORS,
)
from services.claims.extract.context import ArticleContext, trim_end, word_count
from services.claims.extract.cues import (
    ADDRESSEE,
    CHANNEL,
    CLAUSE_CUE_RE,
    INDIRECT_VERB_RE,
    SCARE_LEAD,
    TIME,
    WS,
)
from services.claims.extract.learned_cues import SPEAKER_HEADS, cue_runs
from services.claims.extract.speakers import Subject, role_of_appositive, subject_from_span

Span = tuple[int, int]
ClauseStatement = tuple[Span, Subject, str, Span, str | None]

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_HEAD_NOUNS = ROLE_NOUNS | PEOPLE_NOUNS | ORG_NOUNS
_ADDRESSED = frozenset({"told", "tells", "tell", "telling"})
# Adverbs and auxiliaries between a subject and its cue ("Jane Doe has also said"), and the words of
# a time phrase ("Adelson earlier on Friday said"): stripped word by word from the cue backwards.
_ADJUNCT_WORDS = frozenset(
    """
    also later then earlier previously repeatedly has had have once again recently publicly formally
    reportedly further separately first never often still now already just very quite
    """.split()
)
_LY_NOUNS = frozenset("family assembly ally rally daily weekly monthly quarterly monopoly supply reply".split())
_TIME_NOUNS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month year morning evening night".split()
)
_TIME_LEADS = frozenset("on late early earlier last this".split())
# After the cue: an addressee's place is taken care of first; then a channel, a time, a colon or
# comma and "that" before the statement.
_AFTER_CUE = re.compile(rf"(?:{WS}+{CHANNEL})?{TIME}?{WS}*[,:]?(?:{WS}+that)?(?![\w’'-]){WS}*")
_ADDRESSEE_AFTER = re.compile(rf"{WS}+{ADDRESSEE}")
_PHRASE_BEFORE_THAT = re.compile(
    rf"(?P<words>(?:of|with|at|in|on|from|during|about|to(?={WS}+(?:the|a|an|his|her|their|its|[A-Z])))"
    rf"{WS}+(?:[\w’'.-]+{WS}+){{1,9}}?)that{WS}+(?=\S)"
)
# "telling customers in Ohio that S": before "that", the addressee may be any plural noun and a place
# phrase may follow it; both belong to the cue, not to the statement.
_ADDRESSEE_BEFORE_THAT = re.compile(
    rf"{WS}+(?:{ADDRESSEE}|[a-z]+s)(?:{WS}+(?:in|at|from|during){WS}+(?:[\w’'.-]+{WS}+){{0,3}}?[\w’'.-]+)?"
    rf"(?={WS}+that(?![\w’'-]))"
)
SCARE_GAP_WORDS = 3  # "called it a “…”": the label follows the cue within a few words
_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_CONJOINED_SUBJECT_MAX_WORDS = 4
_SUBORDINATING_CLAUSE_WORDS = frozenset(
    "what which who whom whose that how why where when whether if while because than".split()
)
_HEAD_PREPOSITIONS = frozenset("of by for from in at on with among".split())
# "… and said", "…, but later said": a verb phrase coordinated with the sentence's first one.
_COORDINATION_BEFORE_CUE = re.compile(
    rf",?{WS}+(?:and|but)(?:{WS}+(?:also|then|later|again|now|has|had|have))*{WS}+\Z"
)
_SEGMENT = re.compile(r"[^,;—–()\[\]“”\"]+")
_WORD = re.compile(r"[\w’'.-]+")
_WORD_BEFORE_END = re.compile(r"[\w’'-]*\Z")


def clause_statement(
    ctx: ArticleContext, start: int, end: int, cues: list[re.Match[str]]
) -> ClauseStatement | None:
    """The first of ``cues`` (``CLAUSE_CUE_RE`` matches in ``body[start:end]``) with a subject
    before it and a statement around it.

    A cue that closes the sentence ("…, sources said.") is tried first: the clause before it is the
    statement, whatever verbs that clause holds ("Protocol called for …, sources said.")."""
    for cue in sorted(cues, key=lambda cue: not _closes_sentence(ctx.body, cue.end(), end)):
        word = cue.group().lower()
        if word in PARTICIPLE_CUES:
            subject = main_clause_subject(ctx, start, cue.start())
        else:
            subject = _subject_before(ctx, start, cue.start(), listed=True) or _coordinated_subject(
                ctx, start, cue.start())
        if subject is None or subject.as_written.split()[0].lower() in NON_SUBJECT_WORDS:
            continue
        statement = _statement(ctx, start, end, subject, cue.end())
        if statement is not None:
            return statement, subject, cue.group(), cue.span(), None
    return None


def _coordinated_subject(ctx: ArticleContext, start: int, cue_start: int) -> Subject | None:
    """The sentence's subject for a cue opening a coordinated verb phrase: "Gary Emineth, a former
    chairman, became a delegate and said S" / "… but later said S" credit the subject of the first verb."""
    # When the first verb phrase holds a learned cue ("defended the plan and urged …"), the learned
    # rule reads both statements.
    joint = _COORDINATION_BEFORE_CUE.search(ctx.body, max(start, cue_start - 30), cue_start)
    if joint is None or next(cue_runs(ctx.body, start, joint.start()), None) is not None:
        return None
    subject = main_clause_subject(ctx, start, joint.start())
    return subject if subject is not None and _is_someone(subject) else None


def _closes_sentence(body: str, pos: int, end: int) -> bool:
    after = _AFTER_CUE.match(body, pos, end)
    return trim_end(body, after.end() if after else pos, end) <= (after.end() if after else pos)


def learned_statement(ctx: ArticleContext, start: int, end: int) -> ClauseStatement | None:
    """The first learned cue (``learned_cues``) of ``body[start:end]`` with a subject before it and a
    statement around it: the long tail of cues ("defended", "is pushing for") no word list holds.

    Learned cues are less sure than listed ones, so the subject must be someone (a person, an
    organisation or a personal pronoun), and a cue that names something with a scare quote is
    left to the quote rules ("She called it a “historic moment”" is a label, not a statement)."""
    for cue_start, cue_end in cue_runs(ctx.body, start, end):
        if ctx.body[cue_start:cue_end].lower() in NON_SPEECH_CUES:
            continue  # alone; in a longer run ("went on to explain", "sent out a statement") it speaks
        subject = _subject_before(ctx, start, cue_start)
        if subject is None or not _is_someone(subject) or _names_with_scare_quote(ctx, cue_end, end):
            continue
        cue = ctx.body[cue_start:cue_end]
        statement = _statement(ctx, start, end, subject, cue_end)
        if statement is not None:
            return statement, subject, cue, (cue_start, cue_end), None
    return None


def _names_with_scare_quote(ctx: ArticleContext, cue_end: int, end: int) -> bool:
    # A short quoted phrase a few words after the cue, after "a", "the", "as" …: "called it a “…”".
    first = bisect.bisect_left(ctx.quoted, cue_end, key=lambda region: region.open_at)
    if first == len(ctx.quoted):
        return False
    region = ctx.quoted[first]
    if region.open_at >= end or word_count(ctx.body[cue_end:region.open_at]) > SCARE_GAP_WORDS:
        return False
    short = word_count(ctx.body[region.content_start:region.content_end]) <= SCARE_MAX_WORDS
    return short and SCARE_LEAD.search(ctx.body, cue_end, region.open_at) is not None


def _is_someone(subject: Subject) -> bool:
    if subject.kind == "pronoun":
        return subject.as_written.lower() in _SPEAKING_PRONOUNS
    words = subject.as_written.lower().split()
    if words[0] in NON_SUBJECT_WORDS:
        return False
    return subject.kind in {"person", "org"} or subject.kind == "unknown" and _head_noun(words) in SPEAKER_HEADS


def _head_noun(words: list[str]) -> str:
    # "a poll by the Des Moines Register" is headed by "poll": the word before the first preposition.
    cut = next((i for i, word in enumerate(words) if i and word in _HEAD_PREPOSITIONS), len(words))
    return words[cut - 1]


def _statement(ctx: ArticleContext, start: int, end: int, subject: Subject, cue_end: int) -> Span | None:
    # Rules: the statement after the cue; the whole sentence round a parenthetical cue; the clause
    # before "…, X said."
    body = ctx.body
    pos = after_cue(body, cue_end, end)
    after = (pos, trim_end(body, pos, end))
    lead = body[start:subject.span[0]].rstrip()
    if word_count(body[after[0]:after[1]]) >= INDIRECT_MIN_WORDS:
        parenthetical = lead.endswith(",") and word_count(lead) >= INDIRECT_MIN_WORDS
        if parenthetical and "," in body[cue_end:pos]:
            return (start, trim_end(body, start, end))
        return after
    if lead.endswith(",") and word_count(lead) >= INDIRECT_MIN_WORDS:
        return (start, trim_end(body, start, start + len(lead)))
    return None


def after_cue(body: str, cue_end: int, end: int) -> int:
    """Where the statement after a cue ending at ``cue_end`` starts: past an addressee ("told
    reporters"), a channel, a time, a colon or comma and "that"."""
    pos = cue_end
    if _WORD_BEFORE_END.search(body, max(0, cue_end - 8), cue_end).group().lower() in _ADDRESSED:
        addressee = _ADDRESSEE_BEFORE_THAT.match(body, pos, end) or _ADDRESSEE_AFTER.match(body, pos, end)
        pos = addressee.end() if addressee is not None else pos
    after = _AFTER_CUE.match(body, pos, end)
    pos = after.end() if after is not None else pos
    cue_word = _WORD_BEFORE_END.search(body, max(0, cue_end - 20), cue_end).group()
    return past_phrase_before_that(body, pos, end) if INDIRECT_VERB_RE.fullmatch(cue_word) else pos


def past_phrase_before_that(body: str, pos: int, end: int) -> int:
    """Past the rest of a verb of saying's place, channel or addressee before "that": "told a crowd [of
    several hundred supporters at the rally that] S", "said in an interview [with the Register that] S".
    The phrase opens with a preposition ("to" before a noun phrase, not a verb: "agreed to hear cases
    that" is no addressee) and holds no comma, quote mark or clause word."""
    phrase = _PHRASE_BEFORE_THAT.match(body, pos, end)
    if phrase is None:
        return pos
    words = phrase.group("words").lower().split()
    return pos if any(word in CLAUSE_WORDS for word in words) else phrase.end()


def _subject_before(ctx: ArticleContext, lo: int, hi: int, *, listed: bool = False) -> Subject | None:
    """The noun phrase that ends right before a cue at ``hi``, its appositive read as the role; a
    ``listed`` cue may follow a relative clause of its subject (``_head_of_relative``)."""
    body = ctx.body
    hi = _strip_adjuncts(body, lo, hi)
    if hi <= lo:
        return None
    if body[hi - 1] != ",":
        segments = _segments(body, lo, hi)
        return _subject_of(ctx, segments[-1], None, relative_heads=listed) if segments else None
    # "Jane Doe, a spokeswoman for the agency, said": the first segment (after an introductory
    # phrase) is the subject, the rest up to the cue its appositive.
    segments = _segments(body, lo, hi - 1)
    first = 1 if len(segments) > 2 and _is_intro(body, segments[0]) else 0
    if len(segments) < first + 2:
        return None
    appositive = body[segments[first + 1][0]:hi - 1]
    return _subject_of(ctx, segments[first], appositive, relative_heads=listed)


def _strip_adjuncts(body: str, lo: int, hi: int) -> int:
    # ``hi`` moved back over adverbs, auxiliaries and "on Friday"/"last week", and white space.
    while True:
        end = _skip_space_back(body, lo, hi)
        start = _word_start(body, lo, end)
        word = body[start:end].lower()
        if word in _ADJUNCT_WORDS or _is_adverb(body[start:end]):
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


def main_clause_subject(ctx: ArticleContext, lo: int, hi: int) -> Subject | None:
    """The subject of the clause that a participle at ``hi`` hangs on ("The senator rallied
    supporters, saying …"): the subject opening the sentence (after an intro), the longest run of
    up to four words that ends in a name, a pronoun or a role, people or organisation noun."""
    segments = _segments(ctx.body, lo, hi)
    if not segments:
        return None
    first = segments[1] if len(segments) > 1 and _is_intro(ctx.body, segments[0]) else segments[0]
    words = list(_WORD.finditer(ctx.body, *first))[:4]
    for n in range(len(words), 0, -1):
        last = words[n - 1].group()
        lower = last.lower()
        if last[0].isupper() and n > 1 or lower in _PRONOUNS or lower in _HEAD_NOUNS:
            return _subject_of(ctx, (words[0].start(), words[n - 1].end()), None)
    return None


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
    if len(rest) == 1 and lowered[0] in _SPEAKING_PRONOUNS:
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
    if rest and rest[-1].group().lower() in _SPEAKING_PRONOUNS and not _follows_cue(ctx.body, words, len(words) - 1):
        return rest[-1:]  # "although in September she [said]": a pronoun is a whole subject
    if not rest or len(rest) > SUBORDINATE_SUBJECT_MAX_WORDS or _follows_cue(ctx.body, words, last):
        return []
    lowered = rest[-1].group().lower()
    names_someone = (len(rest) == 1 and lowered in _SPEAKING_PRONOUNS or rest[-1].group()[0].isupper()
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
