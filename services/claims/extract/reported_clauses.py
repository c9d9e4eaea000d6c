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
and "what he said" give nothing) and no determiner or preposition at its end; ``cue_subjects`` reads it.
"""

from __future__ import annotations

import bisect
import re

from services.claims.extract.constants import (
    CLAUSE_WORDS,
    INDIRECT_MIN_WORDS,
    NON_SPEECH_CUES,
    NON_SUBJECT_WORDS,
    PARTICIPLE_CUES,
    SCARE_MAX_WORDS,
)
from services.claims.extract.context import ArticleContext, trim_end, word_count
from services.claims.extract.cues import (
    ADDRESSEE,
    CHANNEL,
    INDIRECT_VERB_RE,
    SCARE_LEAD,
    TIME,
    WS,
)
from services.claims.extract.learned_cues import SPEAKER_HEADS, cue_runs
from services.claims.extract.cue_subjects import SPEAKING_PRONOUNS, main_clause_subject, subject_before
from services.claims.extract.speakers import Subject

Span = tuple[int, int]
ClauseStatement = tuple[Span, Subject, str, Span, str | None]

_ADDRESSED = frozenset({"told", "tells", "tell", "telling"})
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
_HEAD_PREPOSITIONS = frozenset("of by for from in at on with among".split())
# "… and said", "…, but later said": a verb phrase coordinated with the sentence's first one.
_COORDINATION_BEFORE_CUE = re.compile(
    rf",?{WS}+(?:and|but)(?:{WS}+(?:also|then|later|again|now|has|had|have))*{WS}+\Z"
)
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
            subject = subject_before(ctx, start, cue.start(), listed=True) or _coordinated_subject(
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
        subject = subject_before(ctx, start, cue_start)
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
        return subject.as_written.lower() in SPEAKING_PRONOUNS
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


