"""Reported speech without quote marks: "X said (that) …" and "…, X said." (pure core).

Finds, per sentence, a subject with an asserting cue verb and the statement it is credited with:
the anchored shapes here, the clause-level and learned cues of ``reported_clauses``, title-case
headlines (``headline_speech``), and, besides a sentence's main statement, what a "who" clause
reports (``relative_speech``); where a statement ends is decided by ``statement_bounds``. Callers
decide what it becomes: a person's words are an indirect quote (``quotes``), an organisation's or a
country's an attribution (``attributions``). Sentences that hold a quote claim are
skipped: their content is already credited.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import deque

from services.claims.extract.constants import PEOPLE_NOUNS, ROLE_NOUNS
from services.claims.extract.context import ArticleContext, lead_or_trail, trim_end, word_count
from services.claims.extract.cues import (
    ADDRESSEE,
    CHANNEL,
    CLAUSE_CUE_RE,
    INDIRECT_VERB,
    TIME,
    WS,
    is_bylined_title,
    is_no_verb,
)
from services.claims.extract.headline_speech import headline_statement
from services.claims.extract.relative_speech import relative_statements
from services.claims.extract.reported_clauses import (
    clause_statement,
    learned_statement,
    past_phrase_before_that,
)
from services.claims.extract.statement_bounds import (
    ReportedStatement,
    after_other_clause,
    clause_only,
    coordinated_statement,
    long_enough,
    split_at_participle,
)
from services.claims.extract.speakers import (
    ACRONYM_AFTER,
    APPOSITIVE,
    SUBJECT,
    Subject,
    person_pronoun,
    role_from_words,
    subject_from_span,
)

Span = tuple[int, int]

_WORD = re.compile(r"[\w’'.-]+")
_ROLE_PREPOSITIONS = frozenset("of for at with from in on not to".split())
_ROLE_MAX_WORDS = 6
_ADVERB = r"(?:also|later|then|earlier|previously|repeatedly|has|had|have|once|again|recently|reportedly)"
_CUE_AND_AFTER = (
    rf"(?:{WS}+{_ADVERB}){{0,2}}{WS}+"
    rf"(?:(?P<told>told|tells){WS}+(?P<addr>{ADDRESSEE})|(?P<cue>{INDIRECT_VERB}))(?![\w’'-])"
    rf"(?:{WS}+(?P<channel>{CHANNEL}))?{TIME}?{WS}*,?(?:{WS}+that)?{WS}+(?=\S)"
)
_SUBJECT_WITH_INTRO = (
    rf"(?:(?P<intro>[^,“”\"\n]{{1,60}}),{WS}+)?(?P<pre>(?:[\w’'-]+{WS}+){{0,3}}?)"
    rf"(?P<subj>{SUBJECT}){ACRONYM_AFTER}"
)
# Rule: "[On Friday,] [rebel commander] X [, head of Y,] said [on Telegram] [that] STATEMENT."
_LEAD = re.compile(rf"{_SUBJECT_WITH_INTRO}(?:{WS}*,{WS}*(?P<appos>{APPOSITIVE}){WS}*,)?{_CUE_AND_AFTER}")
# Rule: "Mr. Trump's former campaign manager, Corey Lewandowski, said S": a role phrase, then the
# name between commas (``_renamed_subject`` checks the role); tried when ``_LEAD`` reads nothing.
# (No appositive between the name and the cue: the empty group keeps ``_subject``'s reading.)
_RENAMED_LEAD = re.compile(rf"{_SUBJECT_WITH_INTRO}{WS}*,(?P<appos>){_CUE_AND_AFTER}")
# Where a reporter spoke from: "reported from Homs", "said in Washington".
_PLACE = rf"(?:{WS}+(?:from|in){WS}+[A-Z][\w’'.-]*(?:{WS}+[A-Z][\w’'.-]*){{0,2}})"
# After an inverted cue, the rest of the sentence still describes the speaker: "…, said David Autor,
# a professor of economics at M.I.T., who is one of …" / "…, said an official who was briefed …".
_SPEAKER_TAIL = (
    rf"(?:(?:{WS}*,|{WS}+(?:who|whose|which|that|of|from|at|in|for|with|and|as|during|after|on)(?![\w’'-]))"
    rf"[^“”\"\n]*?)"
)
# Rule: "STATEMENT, X said [on Friday]." / "STATEMENT, X told Reuters [by phone]." /
# "STATEMENT, our correspondent X reported from Homs." and "STATEMENT, said [Democratic strategist] X,
# head of Y." ("told" never inverts: in "…, told Reuters" Reuters is the addressee, not the speaker).
_TRAIL = re.compile(
    rf",{WS}*(?:(?P<pre>(?:[\w’'-]+{WS}+){{0,3}}?)(?P<subj>{SUBJECT}){ACRONYM_AFTER}"
    rf"(?:{WS}*,{WS}*(?P<appos>{APPOSITIVE}){WS}*,)?(?:{WS}+{_ADVERB}){{0,2}}{WS}+(?P<cue>{INDIRECT_VERB})"
    rf"(?:(?:(?<=told)|(?<=tells)){WS}+{ADDRESSEE})?"
    rf"|(?!told|tells)(?P<cue2>{INDIRECT_VERB}){WS}+(?P<pre2>(?:[\w’'-]+{WS}+){{0,3}}?)(?P<subj2>{SUBJECT})"
    rf"(?:{WS}*,{WS}*(?P<appos2>{APPOSITIVE}))?"
    rf"{_SPEAKER_TAIL}?)"
    rf"(?![\w’'-])(?:{WS}+(?P<channel>{CHANNEL}))?{_PLACE}?{TIME}?{WS}*[.!?]*[\"”’)]*{WS}*\Z"
)


# Unnamed groups as speakers: "Some say S", "Still, others argue that S", "S, some contend." The
# indefinite pronoun is the speaker as written; it names no one, so it is never resolved to a name.
_GROUP_WORDS = r"(?:[Ss]ome|[Oo]thers|[Mm]any|[Mm]ost|[Ff]ew)"
_GROUP_CUES = (
    r"(?:say|said|argue|argued|contend|contended|believe|believed|think|thought|fear|feared|worry|worried|"
    r"warn|warned|suggest|suggested|claim|claimed|insist|insisted|predict|predicted)"
)
_GROUP_LEAD = re.compile(
    rf"(?:(?:[A-Z][a-z]+,?|But|And|Yet){WS}+)?(?P<subj>{_GROUP_WORDS})"
    rf"(?:{WS}+(?:also|still|now|even|have|had|long)){{0,2}}{WS}+(?P<cue>{_GROUP_CUES})(?:{WS}+that)?{WS}+(?=\S)"
)
_GROUP_TRAIL = re.compile(rf",{WS}+(?P<subj>{_GROUP_WORDS}){WS}+(?P<cue>{_GROUP_CUES}){WS}*[.!?]?[\"”’)]*{WS}*\Z")

_SEMICOLON = re.compile(rf";{WS}+")
_LEAD_IN_MAX_WORDS = 6  # ", and told the crowd at the rally:" before a quote
_LEAD_IN_JOINT = re.compile(rf",{WS}|{WS}(?:and|but){WS}")  # "X said S but added, “…”": no comma


def reported_statements(ctx: ArticleContext, *, skip: list[Span]) -> list[ReportedStatement]:
    """Every "X said (that) …" / "…, X said" of the article, except in sentences overlapping ``skip``."""
    found = []
    # Every rule needs a cue: one scan of the text finds the sentences that have one.
    cues = [cue for cue in CLAUSE_CUE_RE.finditer(ctx.body) if not is_no_verb(ctx.body, cue)]
    starts = [m.start() for m in cues]
    titled = _title_sentences(ctx)
    skip = skip + titled
    clear = _clear_of(ctx.sentences.spans, skip)
    segments = deque(
        part for span, is_clear in zip(ctx.sentences.spans, clear, strict=True)
        for part in _clauses(ctx.body, span if is_clear else _before_lead_in(ctx, span, titled))
    )
    while segments:
        start, end = segments.popleft()
        at = bisect.bisect_left(starts, start)
        in_sentence = cues[at:bisect.bisect_left(starts, end, at)]
        finders = (_lead_statement, _trailing_statement, _group_statement, _clause_statement) if in_sentence else ()
        for finder in (*finders, _learned_statement, _headline_statement):
            statement = finder(ctx, start, end, in_sentence)
            if statement is not None and long_enough(ctx.body, statement.statement):
                clause = clause_only(ctx, statement)
                found += split_at_participle(ctx, clause)
                if clause.statement[1] < statement.statement[1]:
                    # "X said S1, while Y argued S2": the rest of the sentence is read on its own,
                    # unless it is a verb phrase of the same subject ("X admitted S1, but said S2").
                    rest = after_other_clause(ctx, clause.statement[1], end)
                    same_subject = coordinated_statement(ctx, rest, end, clause.subject)
                    if same_subject is None:
                        segments.appendleft((rest, end))
                    else:
                        found.append(same_subject)
                break
    return found + _relative_statements(ctx, skip, found)


def _clear_of(spans: tuple[Span, ...], skip: list[Span]) -> list[bool]:
    """For each of ``spans``, whether it overlaps no span of ``skip``: one sorted pass over ``skip``
    instead of every pair (an article has dozens of sentences and of quoted regions)."""
    ordered = sorted(skip)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate((e for _, e in ordered), max))  # furthest end up to each skip span
    clear = []
    for start, end in spans:
        last = bisect.bisect_left(starts, end) - 1  # the last skip span starting before ``end``
        clear.append(last < 0 or reach[last] <= start)
    return clear


def _before_lead_in(ctx: ArticleContext, span: Span, titled: list[Span]) -> Span:
    # A sentence holding a quote: its quote is credited already, but the reporter's words before the
    # quote's own lead-in ("The mayor noted that S, and added: “…”", "X said S but added, “…”") may
    # report a statement of their own. Empty when there is no such lead-in.
    start, end = span
    if span in titled:
        return (start, start)
    first = bisect.bisect_left(ctx.quoted, start, key=lambda region: region.open_at)
    if first == len(ctx.quoted) or ctx.quoted[first].open_at >= end:
        return (start, start)
    open_at = ctx.quoted[first].open_at
    # The nearest joint before the quote whose lead-in holds a cue ("but added, “…”": not the comma).
    for joint in sorted((m.start() for m in _LEAD_IN_JOINT.finditer(ctx.body, start, open_at)), reverse=True):
        lead_in = ctx.body[joint:open_at]
        if word_count(lead_in) > _LEAD_IN_MAX_WORDS:
            break
        if CLAUSE_CUE_RE.search(lead_in) is not None:
            return (start, joint)
    return (start, start)


def _clauses(body: str, span: Span) -> list[Span]:
    # A semicolon joins two sentences: "S, analysts say; in 2012, …" has a cue closing the first.
    start, end = span
    if start == end:
        return []
    parts = []
    for semicolon in _SEMICOLON.finditer(body, start, end):
        parts.append((start, semicolon.start()))
        start = semicolon.end()
    return [*parts, (start, end)]


def _title_sentences(ctx: ArticleContext) -> list[Span]:
    # A sentence listing a title with its byline ("NOW OPEN—“Art show opens,” by X") reports no speech.
    titles = [r for r in ctx.quoted if is_bylined_title(ctx.body, r.close_at, r.after_close)]
    return [ctx.sentences.sentence_of(r.open_at) for r in titles]


def _relative_statements(
    ctx: ArticleContext, skip: list[Span], found: list[ReportedStatement]
) -> list[ReportedStatement]:
    # "Barkley, who said he votes Democratic, said …": a second statement inside the sentence,
    # whatever the sentence's main statement is.
    taken = {statement.cue_span for statement in found}
    return [
        ReportedStatement(*statement)
        for (start, end), is_clear in zip(ctx.sentences.spans, _clear_of(ctx.sentences.spans, skip), strict=True)
        if is_clear
        for statement in relative_statements(ctx, start, end)
        if statement[3] not in taken
    ]


def _learned_statement(ctx: ArticleContext, start: int, end: int, _cues: object) -> ReportedStatement | None:
    found = learned_statement(ctx, start, end)
    return None if found is None else ReportedStatement(*found)


def _headline_statement(ctx: ArticleContext, start: int, end: int, _cues: object) -> ReportedStatement | None:
    found = headline_statement(ctx, start, end)
    return None if found is None else ReportedStatement(*found)


def _clause_statement(
    ctx: ArticleContext, start: int, end: int, cues: list[re.Match[str]]
) -> ReportedStatement | None:
    found = clause_statement(ctx, start, end, cues)
    return None if found is None else ReportedStatement(*found)


def _lead_statement(ctx: ArticleContext, start: int, end: int, _cues: object) -> ReportedStatement | None:
    match = _LEAD.match(ctx.body, start, end)
    if match is not None:
        subject = _subject(ctx, match, "subj", "appos", match.group("pre"))
    else:
        match = _RENAMED_LEAD.match(ctx.body, start, end)
        subject = _renamed_subject(ctx, match) if match is not None else None
    if subject is None:
        return None
    cue_group = "told" if match.group("told") else "cue"
    cue_span = match.span(cue_group)
    start = past_phrase_before_that(ctx.body, match.end(), end)
    statement = (start, trim_end(ctx.body, start, end))
    return ReportedStatement(statement, subject, match.group(cue_group), cue_span, match.group("channel"))


def _renamed_subject(ctx: ArticleContext, match: re.Match[str]) -> Subject | None:
    # "Mr. Trump's former campaign manager, Corey Lewandowski, said S": a role phrase opening the
    # sentence, then the name between commas. Any other opening ("On Friday, Smith, said") is no role,
    # and the comma before the cue then leaves the sentence unread here.
    intro = match.group("intro")
    subject = _subject(ctx, match, "subj", "appos", match.group("pre"))
    if subject is None or intro is None or not _names_a_role(intro) or subject.kind not in {"person", "unknown"}:
        return None
    return Subject(subject.as_written, subject.span, "person", intro.strip())


def _names_a_role(phrase: str) -> bool:
    # "Another pollster", "One delegate not on the Cruz slate": the head noun, the last word before a
    # preposition, is a role or a noun of people.
    words = _WORD.findall(phrase)
    head_end = next((i for i, word in enumerate(words) if i and word.lower() in _ROLE_PREPOSITIONS), len(words))
    head = words[head_end - 1].lower() if 0 < head_end <= _ROLE_MAX_WORDS else ""
    return head in ROLE_NOUNS or head in PEOPLE_NOUNS


def _trailing_statement(
    ctx: ArticleContext, start: int, end: int, _cues: object
) -> ReportedStatement | None:
    match = _TRAIL.search(ctx.body, start, end)
    if match is None:
        return None
    if match.group("cue"):
        subject = _subject(ctx, match, "subj", "appos", match.group("pre"))
        cue_group = "cue"
    else:
        subject = _subject(ctx, match, "subj2", "appos2", match.group("pre2"))
        cue_group = "cue2"
    if subject is None:
        return None
    statement = (start, trim_end(ctx.body, start, match.start()))
    return ReportedStatement(
        statement, subject, match.group(cue_group), match.span(cue_group), match.group("channel")
    )


def _group_statement(ctx: ArticleContext, start: int, end: int, _cues: object) -> ReportedStatement | None:
    found = lead_or_trail(ctx.body, _GROUP_LEAD, _GROUP_TRAIL, start, end)
    if found is None:
        return None
    match, statement = found
    subject = Subject(match.group("subj"), match.span("subj"), "pronoun")
    return ReportedStatement(statement, subject, match.group("cue"), match.span("cue"), None)


def _subject(ctx: ArticleContext, match: re.Match[str], group: str, appos: str, pre: str) -> Subject | None:
    # Words before the subject must form a role ("rebel commander"); a subject must be someone.
    subject = subject_from_span(ctx.body, match.span(group), appositive=match.group(appos))
    if subject is None:
        return None
    role = subject.role
    pre = "" if pre.strip() in {"the", "The"} else pre  # "…, the Syrian Observatory (SOHR) reported"
    if pre:
        role = role or role_from_words([(0, w) for w in pre.split()])
        if role is None:
            return None
    kind = subject.kind if subject.kind != "unknown" else ctx.names.kind_of(subject.as_written)
    if kind == "pronoun" and not person_pronoun(subject.as_written):
        return None
    return Subject(subject.as_written, subject.span, kind, role)
